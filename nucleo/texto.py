"""Cleaning text that people type: one-line fields and e-mail addresses.

`una_linea` is what a title or any other one-line field keeps when it is saved
(admin, API or code alike, `nucleo.paginas.BasePage`): line breaks and tabs
become a space, every other control character and the invisible Unicode format
characters (U+200B zero-width space, U+202E right-to-left override…) go away.
`normalizar_email` is the form under which an address is stored and compared
(NFKC, no format characters, lower case), so that `Ana@Example.org` and
`ana@exa\u200bmple.org` are the same person.
"""

import re
import unicodedata

_SALTOS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def _visible(caracter):
    categoria = unicodedata.category(caracter)
    return categoria not in {"Cc", "Cf"}


def una_linea(valor):
    """`valor` without line breaks, control or format characters (None and "" unchanged)."""
    if not valor or not isinstance(valor, str):
        return valor
    valor = _SALTOS.sub(" ", valor)
    return "".join(c for c in valor if _visible(c))


def normalizar_email(valor):
    """The canonical form of an e-mail address, for storing and uniqueness."""
    valor = unicodedata.normalize("NFKC", valor or "")
    return "".join(c for c in valor if _visible(c)).strip().lower()
