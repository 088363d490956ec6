"""Factories for events, the calendar and registrations."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from eventos.models import (
    EstadoInscripcion,
    EventoIndexPage,
    EventoPage,
    Inscripcion,
    Modalidad,
    TipoEvento,
    TipoParticipante,
)
from practicas.models import Eje
from red.models import Comuna
from tests.factories import HomePageFactory, MiembroPageFactory, texto


def en_dias(dias, hora=10, minuto=0):
    """A Santiago-time datetime `dias` days from today at hour:minute."""
    dia = timezone.localdate() + datetime.timedelta(days=dias)
    return timezone.make_aware(datetime.datetime.combine(dia, datetime.time(hora, minuto)))


class EventoIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Eventos"
    slug = "eventos"

    class Meta:
        model = EventoIndexPage


class EventoPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MiembroPageFactory)
    title = factory.Sequence(lambda n: f"Evento de prueba {n}")
    resumen = texto()
    tipo = TipoEvento.TALLER
    modalidad = Modalidad.PRESENCIAL
    inicio = factory.LazyFunction(lambda: en_dias(10, 10))
    fin = factory.LazyFunction(lambda: en_dias(10, 13))
    lugar = "Salón municipal"
    direccion = "Calle Falsa 123"
    cupos = 5

    class Meta:
        model = EventoPage


def crear_evento(parent, ejes=(), comuna=None, tags=(), **kwargs):
    evento = EventoPageFactory(
        parent=parent,
        comuna=Comuna.objects.get(cut=comuna) if comuna else None,
        **kwargs,
    )
    if ejes:
        evento.ejes.set(Eje.objects.filter(slug__in=ejes, locale=evento.locale))
    if tags:
        evento.tags.add(*tags)
    if ejes or tags:
        evento.save()
    return evento


def crear_inscripcion(evento, n=1, estado=EstadoInscripcion.CONFIRMADA, **kwargs):
    datos = {
        "nombre": f"Persona {n}",
        "email": f"persona{n}@example.org",
        "tipo_participante": TipoParticipante.ORGANIZACION,
        "consentimiento": True,
        "comuna": Comuna.objects.get(cut="13128"),
        "estado": estado,
    }
    datos.update(kwargs)
    return Inscripcion.objects.create(evento=evento, **datos)


def datos_formulario(**cambios):
    datos = {
        "nombre": "Ana Pérez",
        "email": "ana@example.org",
        "organizacion": "Junta de vecinos Villa Esperanza",
        "comuna": str(Comuna.objects.get(cut="13128").pk),
        "tipo_participante": TipoParticipante.ORGANIZACION,
        "necesidades_accesibilidad": "",
        "consentimiento": "on",
    }
    datos.update(cambios)
    return {k: v for k, v in datos.items() if v is not None}
