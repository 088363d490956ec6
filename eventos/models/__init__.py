"""The models of events and registrations, one module a topic.

Re-exported here so that `from eventos.models import X` works for every model
and choice, and so that Django finds the models of the app.
"""

from .evento import EventoIndexPage, EventoPage, EventoTag, Modalidad, TipoEvento
from .inscripcion import EstadoInscripcion, Inscripcion, InscripcionQuerySet, TipoParticipante

__all__ = [
    "EstadoInscripcion",
    "EventoIndexPage",
    "EventoPage",
    "EventoTag",
    "Inscripcion",
    "InscripcionQuerySet",
    "Modalidad",
    "TipoEvento",
    "TipoParticipante",
]
