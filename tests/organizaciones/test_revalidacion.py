"""vencer_organizaciones: lapses by board term or a year without review; one reminder."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from organizaciones.models import EstadoOrganizacion

from .factories import OrganizacionFactory

pytestmark = pytest.mark.django_db


def correr():
    salida = io.StringIO()
    call_command("vencer_organizaciones", stdout=salida)
    return salida.getvalue()


def verificada(dias=10, directiva=400, **kwargs):
    return OrganizacionFactory(
        estado=EstadoOrganizacion.VERIFICADA,
        verificada=timezone.now() - timedelta(days=dias),
        directiva_vence=timezone.localdate() + timedelta(days=directiva),
        **kwargs,
    )


def test_board_term_ended_and_year_without_review_lapse(client, catastro):
    al_dia = verificada()
    directiva = verificada(directiva=-1)
    vieja = verificada(dias=400)
    salida = correr()
    assert "Vencidas por fin del periodo de la directiva: 1" in salida
    assert "Vencidas por pasar un año sin revalidar: 1" in salida
    for org, estado in (
        (al_dia, "verificada"),
        (directiva, "vencida"),
        (vieja, "vencida"),
    ):
        org.refresh_from_db()
        assert org.estado == estado
    html = client.get(f"/red/organizaciones/{directiva.ruta}").content.decode()
    assert "La verificación venció" in html


def test_reminder_is_sent_once_before_the_lapse(catastro):
    pronto = verificada(dias=350, contacto_email="pronto@example.org")
    verificada()
    mail.outbox.clear()
    assert "Recordatorios de revalidación enviados: 1" in correr()
    assert [m.to for m in mail.outbox] == [["pronto@example.org"]]
    assert "Revalide" in mail.outbox[0].subject
    assert "Recordatorios de revalidación enviados: 0" in correr()
    assert len(mail.outbox) == 1
    pronto.refresh_from_db()
    assert pronto.estado == EstadoOrganizacion.VERIFICADA


def test_a_new_verification_restarts_the_year(client, catastro, editora_renca):
    from organizaciones.estados import verificar

    org = verificada(dias=400)
    correr()
    org.refresh_from_db()
    assert org.estado == "vencida"
    verificar(org, editora_renca, "Nuevo certificado de vigencia.")
    org.refresh_from_db()
    assert org.estado == "verificada" and org.recordatorio_enviado is None
    correr()
    org.refresh_from_db()
    assert org.estado == "verificada"
