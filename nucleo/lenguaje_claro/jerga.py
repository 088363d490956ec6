"""Hints about words: bureaucratic jargon (from the editable list) and acronyms
that are not spelled out the first time they appear."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

_RE_SIGLA = re.compile(r"\b([A-ZÁÉÍÓÚÑ]{2,})s?\b")
_RE_ROMANO = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def _sin_tildes(texto):
    return "".join(
        c for c in unicodedata.normalize("NFD", texto) if unicodedata.category(c) != "Mn"
    ).lower()


def _contexto(texto, inicio, fin, margen=40):
    """The words around texto[inicio:fin], cut at word boundaries."""
    antes = texto[max(0, inicio - margen) : inicio]
    despues = texto[fin : fin + margen]
    if inicio > margen and " " in antes:
        antes = "…" + antes.split(" ", 1)[1]
    if fin + margen < len(texto) and " " in despues:
        despues = despues.rsplit(" ", 1)[0] + "…"
    return " ".join((antes + texto[inicio:fin] + despues).split())


@dataclass
class Termino:
    """A bureaucratic expression and its plainer alternative."""

    termino: str
    alternativa: str
    nota: str = ""


@dataclass
class Sugerencia:
    tipo: str  # "oracion_larga", "parrafo_largo", "jerga", "sigla"
    mensaje: str
    extracto: str = ""


def buscar_jerga(texto, terminos):
    """Hints for each jargon term found (whole words, ignoring case and tildes).

    A term ending in ``*`` matches any ending of its last word (verb forms).
    """
    plano = _sin_tildes(texto)
    encontrados = []
    for termino in terminos:
        partes = _sin_tildes(termino.termino).split()
        if not partes:
            continue
        # A final "*" stands for any ending: "efectu*" finds efectuar, efectuó, efectuado.
        final = r"\w*" if partes[-1].endswith("*") else r"(?!\w)"
        partes[-1] = partes[-1].rstrip("*")
        patron = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, partes)) + final)
        coincidencias = list(patron.finditer(plano))
        if not coincidencias:
            continue
        primera = coincidencias[0]
        mensaje = ngettext(
            "«%(termino)s»: pruebe con «%(alternativa)s».",
            "«%(termino)s» (%(veces)s veces): pruebe con «%(alternativa)s».",
            len(coincidencias),
        ) % {
            "termino": texto[primera.start() : primera.end()],
            "veces": len(coincidencias),
            "alternativa": termino.alternativa,
        }
        if termino.nota:
            mensaje = f"{mensaje} {termino.nota}"
        encontrados.append((primera.start(), Sugerencia("jerga", mensaje, termino.termino)))
    return [sugerencia for _inicio, sugerencia in sorted(encontrados, key=lambda e: e[0])]


def buscar_siglas(texto, conocidas=()):
    """Acronyms whose first use is not spelled out.

    An acronym counts as spelled out when its first use is in parentheses right
    after the full name — «Objetivos de Desarrollo Sostenible (ODS)» — or is
    followed by the full name in parentheses — «ODS (Objetivos de Desarrollo
    Sostenible)». Roman numerals and the known acronyms are ignored.
    """
    vistas = set()
    sugerencias = []
    for coincidencia in _RE_SIGLA.finditer(texto):
        sigla = coincidencia.group(1)
        if sigla in vistas or sigla in conocidas or _RE_ROMANO.match(sigla):
            continue
        vistas.add(sigla)
        antes = texto[: coincidencia.start()].rstrip()
        despues = texto[coincidencia.end() :]
        entre_parentesis = antes.endswith("(") and despues.lstrip().startswith(")")
        con_definicion = re.match(r"\s*\(\s*[^\W\d_]+[^)]*\s[^)]*\)", despues) is not None
        if entre_parentesis or con_definicion:
            continue
        sugerencias.append(
            Sugerencia(
                "sigla",
                _(
                    "La sigla «%(sigla)s» no se explica la primera vez que aparece: escriba "
                    "el nombre completo y la sigla entre paréntesis."
                )
                % {"sigla": sigla},
                _contexto(texto, coincidencia.start(), coincidencia.end()),
            )
        )
    return sugerencias


def terminos_de_jerga():
    """The jargon list editable by the coordination, from the `lenguaje_claro_jerga`
    hook (home keeps it as a snippet): `Termino`s of the Spanish list."""
    from wagtail import hooks

    return [
        Termino(*termino) for hook in hooks.get_hooks("lenguaje_claro_jerga") for termino in hook()
    ]
