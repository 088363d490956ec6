"""The demo has upcoming and past events of the network with registrations, and loads twice."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from eventos.models import EstadoInscripcion, EventoPage, Inscripcion

pytestmark = pytest.mark.django_db


def test_demo_has_upcoming_and_past_events_with_registrations(client):
    call_command("cargar_demo", "--omitir=rendicion.demo_en", stdout=io.StringIO())
    eventos = EventoPage.objects.live().filter(locale__language_code="es")
    ahora = timezone.now()
    assert eventos.filter(inicio__gt=ahora).count() >= 3
    assert eventos.filter(fin__lt=ahora).count() >= 2
    assert Inscripcion.objects.filter(evento__fin__lt=ahora, asistio=True).exists()
    assert Inscripcion.objects.filter(estado=EstadoInscripcion.ESPERA).exists()
    n_eventos, n_inscripciones = eventos.count(), Inscripcion.objects.count()

    call_command("cargar_demo", "--omitir=rendicion.demo_en", stdout=io.StringIO())
    assert eventos.count() == n_eventos  # Spanish events; the demo also adds an English one
    assert Inscripcion.objects.count() == n_inscripciones

    html = client.get("/eventos/").content.decode()
    assert "Taller: datos abiertos municipales paso a paso" in html
    assert "Lista de espera" in html
    assert "Próximos eventos" in client.get("/").content.decode()
    assert "Eventos que organiza" in client.get("/red/municipalidad-de-renca/").content.decode()
