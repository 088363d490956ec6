"""Spanish words, syllables, sentences and paragraphs, counted on the written text.

The decisions, written down:

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
"""

import re
import unicodedata

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
