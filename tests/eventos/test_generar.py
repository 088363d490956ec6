"""`generar_eventos --n N`: synthetic events for load tests, clearly marked."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from eventos.models import EventoPage
from tests.red.factories import municipalidad


def test_creates_marked_events_half_upcoming_and_prints_progress(red_index):
    municipalidad(red_index, "13128")
    salida = io.StringIO()
    call_command("generar_eventos", "--n", "4", stdout=salida)
    eventos = EventoPage.objects.all()
    assert eventos.count() == 4
    assert all(e.es_demo and e.title.startswith("[Sintético]") for e in eventos)
    assert eventos.filter(inicio__gte=timezone.now()).count() == 2
    assert all(e.live and e.fin > e.inicio for e in eventos)
    assert "4/4 eventos sintéticos" in salida.getvalue()


def test_refuses_in_production_and_without_members(settings, red_index):
    with pytest.raises(CommandError, match="primero"):
        call_command("generar_eventos", "--n", "2", stdout=io.StringIO())
    settings.RED_ENTORNO = "produccion"
    with pytest.raises(CommandError, match="producción"):
        call_command("generar_eventos", "--n", "2", stdout=io.StringIO())
