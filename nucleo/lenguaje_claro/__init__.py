"""Spanish plain-language (lenguaje claro) analyser: readability scores and hints.

Pure Python, no network. Each module tells one part, with its decisions
written down at its start:

- `extraccion`: the text a reader reads, from HTML, rich text and StreamField;
- `texto`: words, syllables, sentences and paragraphs in Spanish;
- `legibilidad`: the Fernández-Huerta and Szigriszt-Pazos (INFLESZ) scores;
- `jerga`: jargon (the list editable through the `lenguaje_claro_jerga` hook)
  and acronyms not spelled out;
- `analisis`: `analizar`, all of the above for one text;
- `configuracion`: the limits, which ``settings.LENGUAJE_CLARO`` can change.
"""

from .analisis import Analisis, analizar
from .configuracion import DEFAULTS, configuracion
from .extraccion import html_a_texto, texto_de_valor
from .jerga import Sugerencia, Termino, buscar_jerga, buscar_siglas, terminos_de_jerga
from .legibilidad import (
    ESCALA_FERNANDEZ_HUERTA,
    ESCALA_INFLESZ,
    EXPLICACION_FERNANDEZ_HUERTA,
    EXPLICACION_SZIGRISZT,
    fernandez_huerta,
    interpretar,
    minutos_de_lectura,
    szigriszt_pazos,
)
from .texto import oraciones, palabras, parrafos, silabas

__all__ = [
    "DEFAULTS",
    "ESCALA_FERNANDEZ_HUERTA",
    "ESCALA_INFLESZ",
    "EXPLICACION_FERNANDEZ_HUERTA",
    "EXPLICACION_SZIGRISZT",
    "Analisis",
    "Sugerencia",
    "Termino",
    "analizar",
    "buscar_jerga",
    "buscar_siglas",
    "configuracion",
    "fernandez_huerta",
    "html_a_texto",
    "interpretar",
    "minutos_de_lectura",
    "oraciones",
    "palabras",
    "parrafos",
    "silabas",
    "szigriszt_pazos",
    "terminos_de_jerga",
    "texto_de_valor",
]
