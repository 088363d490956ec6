"""Readability scores and reading time.

Scores (both on a 0–100 scale where higher is easier):

- Fernández-Huerta (1959): ``206.84 − 0.60·P − 1.02·F``, with P syllables per
  100 words and F sentences per 100 words.
- Szigriszt-Pazos (1993), perspicuity: ``206.835 − 62.3·S/W − W/F``, with S
  syllables, W words and F sentences; read with the INFLESZ scale (Barrio-Cantalejo, 2008).
"""

import math

from django.utils.translation import gettext_lazy as _

from .configuracion import configuracion

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
