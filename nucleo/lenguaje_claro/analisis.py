"""`analizar`: the scores and hints of one plain text, for the editor's panel."""

import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .configuracion import configuracion
from .jerga import Sugerencia, buscar_jerga, buscar_siglas
from .legibilidad import (
    ESCALA_FERNANDEZ_HUERTA,
    ESCALA_INFLESZ,
    fernandez_huerta,
    interpretar,
    minutos_de_lectura,
    szigriszt_pazos,
)
from .texto import oraciones, palabras, parrafos, silabas


def _extracto(texto, largo=80):
    texto = " ".join(texto.split())
    return texto if len(texto) <= largo else texto[: largo - 1].rsplit(" ", 1)[0] + "…"


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
