"""The analyser's limits and known acronyms, which a project can change in
``settings.LENGUAJE_CLARO``."""

from django.conf import settings

DEFAULTS = {
    # A sentence longer than this many words gets a hint.
    "MAX_PALABRAS_ORACION": 30,
    # A paragraph longer than this many words gets a hint.
    "MAX_PALABRAS_PARRAFO": 120,
    # Reading speed used for the reading time shown to the public.
    "PALABRAS_POR_MINUTO": 200,
    # Acronyms that need no spelling out: file formats, the licence's name and the
    # WCAG conformance levels («nivel AA»).
    "SIGLAS_CONOCIDAS": [
        "CC",
        "BY",
        "CSV",
        "JSON",
        "PDF",
        "URL",
        "HTML",
        "ISO",
        "RSS",
        "AA",
        "AAA",
    ],
}


def configuracion():
    """The defaults above, overridden by ``settings.LENGUAJE_CLARO`` if present."""
    return {**DEFAULTS, **getattr(settings, "LENGUAJE_CLARO", {})}
