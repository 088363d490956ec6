"""Spanish plain-language (lenguaje claro) analyser: readability scores and hints.

Pure Python, no network. What it measures, with the decisions written down:

- **Words** are runs of letters (``co-creación`` is two words); numbers such as
  ``20.285`` are not words, because how they are read aloud varies.
- **Syllables** are counted on the written word: each vowel nucleus is one
  syllable. Two open vowels (a, e, o) side by side are a hiatus (two nuclei);
  a closed vowel (i, u, ü, final y) next to another vowel joins it (diphthong,
  triphthong) unless it carries a tilde (í, ú), which makes a hiatus
  (``día``, ``reúne``). The ``u`` of ``que``/``qui`` and ``gue``/``gui`` is
  silent; ``ü`` is pronounced (``pingüino``). ``y`` is a vowel at the end of a
  word (``hoy``, ``muy``) or on its own (the conjunction ``y``). ``h`` counts
  as a consonant, as in written syllabification (``pro-hi-bir``).
- **Sentences** end at ``.``, ``!``, ``?`` or ``…`` followed by a space, or at
  the end of a paragraph; a heading or a list item is its own sentence. Common
  abbreviations (``Sr.``, ``art.``, ``N.°``…) do not end a sentence.
- **Paragraphs** are lines of text (each HTML block element is one line).

Scores (both on a 0–100 scale where higher is easier):

- Fernández-Huerta (1959): ``206.84 − 0.60·P − 1.02·F``, with P syllables per
  100 words and F sentences per 100 words.
- Szigriszt-Pazos (1993), perspicuity: ``206.835 − 62.3·S/W − W/F``, with S
  syllables, W words and F sentences; read with the INFLESZ scale (Barrio-Cantalejo, 2008).
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# --- Configuration ---------------------------------------------------------

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


# --- Text extraction -------------------------------------------------------

_BLOQUES_HTML = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "div",
    "br",
    "tr",
    "ul",
    "ol",
    "table",
    "figcaption",
}


class _ExtractorTexto(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.partes = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOQUES_HTML:
            self.partes.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOQUES_HTML:
            self.partes.append("\n")

    def handle_data(self, data):
        self.partes.append(data)


def html_a_texto(html):
    """Plain text of an HTML fragment, one line per block element."""
    extractor = _ExtractorTexto()
    extractor.feed(html or "")
    extractor.close()
    lineas = (" ".join(linea.split()) for linea in "".join(extractor.partes).split("\n"))
    return "\n".join(linea for linea in lineas if linea)


def texto_de_valor(valor):
    """Plain text of a field value: a string, rich text or a StreamField value.

    Only text that a reader reads is kept: rich text, titles, quotes and captions
    (CharBlock, TextBlock, RichTextBlock). URLs, choices, images and documents
    are left out. Each block is its own paragraph.
    """
    from wagtail.blocks import StreamValue
    from wagtail.rich_text import RichText

    if valor is None:
        return ""
    if isinstance(valor, StreamValue):
        return "\n".join(t for t in _textos_de_bloques(valor.stream_block, valor) if t)
    if isinstance(valor, RichText):
        return html_a_texto(valor.source)
    texto = str(valor)
    return html_a_texto(texto) if "<" in texto else texto.strip()


def _textos_de_bloques(bloque, valor):
    from wagtail import blocks
    from wagtail.rich_text import RichText

    if isinstance(bloque, blocks.StreamBlock):
        for hijo in valor:
            yield from _textos_de_bloques(hijo.block, hijo.value)
    elif isinstance(bloque, blocks.StructBlock):
        if not hasattr(valor, "get"):  # ImageBlock's value is an image, not a StructValue
            return
        for nombre, hijo in bloque.child_blocks.items():
            yield from _textos_de_bloques(hijo, valor.get(nombre))
    elif isinstance(bloque, blocks.ListBlock):
        for item in valor or []:
            yield from _textos_de_bloques(bloque.child_block, item)
    elif isinstance(bloque, blocks.RichTextBlock):
        if isinstance(valor, RichText):
            yield html_a_texto(valor.source)
    elif isinstance(bloque, (blocks.CharBlock, blocks.TextBlock)) and not isinstance(
        bloque, (blocks.URLBlock, blocks.EmailBlock, blocks.RegexBlock)
    ):
        yield str(valor or "").strip()


# --- Syllables --------------------------------------------------------------

_ABIERTAS = set("aeoáéóíú")  # open vowels, plus closed vowels with a tilde (hiatus)
_CERRADAS = set("iuü")
_VOCALES = _ABIERTAS | _CERRADAS
_RE_PALABRA = re.compile(r"[^\W\d_]+")


def _normalizar(palabra):
    # Keep tildes and diaeresis; fold other marks (e.g. "à") to the base letter.
    conservar = set("áéíóúüñ")
    salida = []
    for letra in palabra.lower():
        if letra in conservar or letra.isascii():
            salida.append(letra)
        else:
            base = unicodedata.normalize("NFD", letra)[0]
            salida.append(base)
    return "".join(salida)


def silabas(palabra):
    """Number of syllables of one Spanish word (at least 1)."""
    p = _normalizar(palabra)
    # Silent "u" in que/qui and gue/gui ("gü" keeps its sound).
    p = re.sub(r"([qg])u([eiéí])", r"\1\2", p)
    # "y" is a vowel when it is not followed by a vowel ("hoy", "muy", "y").
    letras = []
    for i, letra in enumerate(p):
        if letra == "y" and (i + 1 == len(p) or p[i + 1] not in _VOCALES):
            letras.append("i")
        else:
            letras.append(letra)
    cuenta = 0
    grupo = []
    for letra in [*letras, " "]:
        if letra in _VOCALES:
            grupo.append(letra)
            continue
        if grupo:
            abiertas = sum(1 for v in grupo if v in _ABIERTAS)
            cuenta += abiertas or 1
            grupo = []
    return max(cuenta, 1)


def palabras(texto):
    return _RE_PALABRA.findall(texto or "")


# --- Sentences and paragraphs -----------------------------------------------

_ABREVIATURAS = {
    "sr",
    "sra",
    "srta",
    "sres",
    "dr",
    "dra",
    "art",
    "arts",
    "núm",
    "nro",
    "pág",
    "págs",
    "av",
    "avda",
    "depto",
    "ej",
    "aprox",
    "tel",
    "p",
    "lic",
    "ing",
    "prof",
    "cía",
    "vs",
}
_RE_FIN = re.compile(r"([.!?…]+)[\"'”»)\]]*(?=\s|$)")


def parrafos(texto):
    return [linea.strip() for linea in (texto or "").split("\n") if palabras(linea)]


def oraciones(parrafo):
    """The sentences of one paragraph (a paragraph always ends a sentence)."""
    resultado = []
    inicio = 0
    for fin in _RE_FIN.finditer(parrafo):
        previa = parrafo[inicio : fin.start()].split()
        ultima = previa[-1].lower().strip("(¿¡\"'«") if previa else ""
        if fin.group(1) == "." and ultima in _ABREVIATURAS:
            continue
        resultado.append(parrafo[inicio : fin.end()].strip())
        inicio = fin.end()
    resto = parrafo[inicio:].strip()
    if resto:
        resultado.append(resto)
    return [o for o in resultado if palabras(o)]


# --- Scores -------------------------------------------------------------------

# (lower bound, label) from the easiest band down; a score falls in the first band it reaches.
ESCALA_FERNANDEZ_HUERTA = [
    (90, _("muy fácil")),
    (80, _("fácil")),
    (70, _("algo fácil")),
    (60, _("normal")),
    (50, _("algo difícil")),
    (30, _("difícil")),
    (-math.inf, _("muy difícil")),
]
ESCALA_INFLESZ = [
    (80, _("muy fácil")),
    (65, _("bastante fácil")),
    (55, _("normal")),
    (40, _("algo difícil")),
    (-math.inf, _("muy difícil")),
]

EXPLICACION_SZIGRISZT = _(
    "Índice de Szigriszt-Pazos (escala INFLESZ), de 0 a 100: más alto es más fácil; 55 a 65 "
    "es «normal», como un diario: para el público general apunte a 55 o más."
)
EXPLICACION_FERNANDEZ_HUERTA = _(
    "Fernández-Huerta es otra medida de 0 a 100 (60 a 70 es «normal»); castiga menos las "
    "oraciones largas."
)


def fernandez_huerta(n_palabras, n_silabas, n_oraciones):
    """206.84 − 0.60·P − 1.02·F (P, F: syllables and sentences per 100 words)."""
    p = 100 * n_silabas / n_palabras
    f = 100 * n_oraciones / n_palabras
    return 206.84 - 0.60 * p - 1.02 * f


def szigriszt_pazos(n_palabras, n_silabas, n_oraciones):
    """206.835 − 62.3·S/W − W/F."""
    return 206.835 - 62.3 * n_silabas / n_palabras - n_palabras / n_oraciones


def interpretar(puntaje, escala):
    for limite, etiqueta in escala:
        if puntaje >= limite:
            return etiqueta
    return escala[-1][1]


def minutos_de_lectura(n_palabras, palabras_por_minuto=None):
    """Whole minutes to read n words (rounded up, at least 1)."""
    ppm = palabras_por_minuto or configuracion()["PALABRAS_POR_MINUTO"]
    return max(1, math.ceil(n_palabras / ppm))


# --- Hints ----------------------------------------------------------------------

_RE_SIGLA = re.compile(r"\b([A-ZÁÉÍÓÚÑ]{2,})s?\b")
_RE_ROMANO = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def _sin_tildes(texto):
    return "".join(
        c for c in unicodedata.normalize("NFD", texto) if unicodedata.category(c) != "Mn"
    ).lower()


def _extracto(texto, largo=80):
    texto = " ".join(texto.split())
    return texto if len(texto) <= largo else texto[: largo - 1].rsplit(" ", 1)[0] + "…"


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


@dataclass
class Analisis:
    palabras: int
    silabas: int
    oraciones: int
    parrafos: int
    fernandez_huerta: float | None
    szigriszt_pazos: float | None
    minutos_lectura: int
    sugerencias: list = field(default_factory=list)

    @property
    def vacio(self):
        return self.palabras == 0

    @property
    def nivel_fernandez_huerta(self):
        if self.fernandez_huerta is None:
            return ""
        return interpretar(self.fernandez_huerta, ESCALA_FERNANDEZ_HUERTA)

    @property
    def nivel_szigriszt_pazos(self):
        if self.szigriszt_pazos is None:
            return ""
        return interpretar(self.szigriszt_pazos, ESCALA_INFLESZ)

    def como_dict(self):
        return {
            "palabras": self.palabras,
            "silabas": self.silabas,
            "oraciones": self.oraciones,
            "parrafos": self.parrafos,
            "fernandez_huerta": self.fernandez_huerta,
            "nivel_fernandez_huerta": str(self.nivel_fernandez_huerta),
            "szigriszt_pazos": self.szigriszt_pazos,
            "nivel_szigriszt_pazos": str(self.nivel_szigriszt_pazos),
            "minutos_lectura": self.minutos_lectura,
            "sugerencias": [
                {"tipo": s.tipo, "mensaje": str(s.mensaje), "extracto": s.extracto}
                for s in self.sugerencias
            ],
        }


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


def analizar(texto, terminos=(), max_palabras_oracion=None, max_palabras_parrafo=None):
    """Scores and hints for one plain text (paragraphs separated by newlines)."""
    config = configuracion()
    max_oracion = max_palabras_oracion or config["MAX_PALABRAS_ORACION"]
    max_parrafo = max_palabras_parrafo or config["MAX_PALABRAS_PARRAFO"]

    sugerencias = []
    n_palabras = n_silabas = n_oraciones = 0
    lista_parrafos = parrafos(unicodedata.normalize("NFC", texto or ""))
    for parrafo in lista_parrafos:
        palabras_parrafo = palabras(parrafo)
        n_palabras += len(palabras_parrafo)
        n_silabas += sum(silabas(p) for p in palabras_parrafo)
        if len(palabras_parrafo) > max_parrafo:
            sugerencias.append(
                Sugerencia(
                    "parrafo_largo",
                    _(
                        "Párrafo de %(palabras)s palabras (más de %(maximo)s): divídalo o "
                        "use una lista."
                    )
                    % {"palabras": len(palabras_parrafo), "maximo": max_parrafo},
                    _extracto(parrafo),
                )
            )
        for oracion in oraciones(parrafo):
            n_oraciones += 1
            largo = len(palabras(oracion))
            if largo > max_oracion:
                sugerencias.append(
                    Sugerencia(
                        "oracion_larga",
                        _(
                            "Oración de %(palabras)s palabras (más de %(maximo)s): "
                            "divídala en dos o más."
                        )
                        % {"palabras": largo, "maximo": max_oracion},
                        _extracto(oracion),
                    )
                )

    plano = "\n".join(lista_parrafos)
    sugerencias += buscar_jerga(plano, terminos)
    sugerencias += buscar_siglas(plano, set(config["SIGLAS_CONOCIDAS"]))

    fh = sp = None
    if n_palabras:
        fh = round(fernandez_huerta(n_palabras, n_silabas, n_oraciones), 1)
        sp = round(szigriszt_pazos(n_palabras, n_silabas, n_oraciones), 1)
    return Analisis(
        palabras=n_palabras,
        silabas=n_silabas,
        oraciones=n_oraciones,
        parrafos=len(lista_parrafos),
        fernandez_huerta=fh,
        szigriszt_pazos=sp,
        minutos_lectura=minutos_de_lectura(n_palabras, config["PALABRAS_POR_MINUTO"]),
        sugerencias=sugerencias,
    )


def terminos_de_jerga():
    """The jargon list editable by the coordination, from the `lenguaje_claro_jerga`
    hook (home keeps it as a snippet): `Termino`s of the Spanish list."""
    from wagtail import hooks

    return [
        Termino(*termino) for hook in hooks.get_hooks("lenguaje_claro_jerga") for termino in hook()
    ]
