"""Mail server down: the e-mail waits in the task queue and goes out when it returns."""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nucleo.correo import enviar_correo

from .conftest import puerto_cerrado
from .smtp import ServidorSMTP


@pytest.fixture
def correo_por_smtp_y_cola_en_base(settings):
    puerto = puerto_cerrado()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.RED_CORREO_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = puerto
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 2
    settings.RED_CORREO_REINTENTO_SEGUNDOS = 30
    return puerto


def trabajar():
    """One pass of the production worker over the tasks that are due.

    The worker closes "old" connections between tasks; inside a test that would
    close the test's own transaction on PostgreSQL, so that one call is a no-op here.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())


def test_con_el_servidor_caido_el_correo_se_reintenta_y_sale_al_volver(
    db, correo_por_smtp_y_cola_en_base
):
    puerto = correo_por_smtp_y_cola_en_base
    enviar_correo.enqueue(
        "Inscripción confirmada",
        "Su inscripción quedó registrada.",
        ["persona@example.org"],
        adjuntos=[["evento.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"]],
    )
    trabajar()  # the server is down: the attempt fails and a retry is scheduled
    pendientes = DBTaskResult.objects.filter(status="READY")
    assert pendientes.count() == 1
    reintento = pendientes.get()
    assert reintento.run_after > timezone.now()
    assert reintento.args_kwargs["args"][-1] == 2  # second attempt

    servidor = ServidorSMTP(puerto)
    try:
        trabajar()
        assert servidor.mensajes == []  # not due yet: nothing is sent before its time
        pendientes.update(run_after=timezone.now())
        trabajar()
    finally:
        servidor.detener()
    assert len(servidor.mensajes) == 1
    assert "Inscripci" in servidor.mensajes[0]
    assert "evento.ics" in servidor.mensajes[0]
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2


def test_tras_el_ultimo_intento_el_fallo_queda_registrado(
    db, correo_por_smtp_y_cola_en_base, settings
):
    settings.RED_CORREO_MAX_INTENTOS = 2
    enviar_correo.enqueue("Aviso", "Texto", ["persona@example.org"])
    trabajar()
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    trabajar()
    assert not DBTaskResult.objects.filter(status="READY").exists()
    fallido = DBTaskResult.objects.get(status="FAILED")
    assert fallido.args_kwargs["args"][-1] == 2
