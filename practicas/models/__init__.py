"""The models of practices, tools and their classification, one module a topic.

Re-exported here so that `from practicas.models import X` works for every
model and choice, and so that Django finds the models of the app.
"""

from nucleo.paginas import LICENCIA_URL, Licencia

from .herramienta import (
    Formato,
    Frecuencia,
    HerramientaIndexPage,
    HerramientaPage,
    HerramientaTag,
    TipoHerramienta,
)
from .practica import (
    Dificultad,
    EstadoPractica,
    PracticaIndexPage,
    PracticaPage,
    PracticaTag,
)
from .replicacion import EstadoReplicacion, Replicacion
from .taxonomia import Eje, MetaODS

__all__ = [
    "LICENCIA_URL",
    "Dificultad",
    "Eje",
    "EstadoPractica",
    "EstadoReplicacion",
    "Formato",
    "Frecuencia",
    "HerramientaIndexPage",
    "HerramientaPage",
    "HerramientaTag",
    "Licencia",
    "MetaODS",
    "PracticaIndexPage",
    "PracticaPage",
    "PracticaTag",
    "Replicacion",
    "TipoHerramienta",
]
