"""The task worker survives a database outage (issue 20, defect 2)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from nucleo.correo import enviar_correo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def cola_en_la_base(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def caida(n_fallos, real):
    """close_old_connections that fails like a dead database the first n times."""
    errores = [
        OperationalError("server closed the connection unexpectedly"),
        InterfaceError("connection already closed"),
    ]
    llamadas = {"n": 0}

    def efecto(*args, **kwargs):
        llamadas["n"] += 1
        if llamadas["n"] <= n_fallos:
            raise errores[(llamadas["n"] - 1) % 2]
        return real(*args, **kwargs)

    return efecto


def test_db_worker_alone_dies_with_the_database(cola_en_la_base, mailoutbox):
    enviar_correo.enqueue("Hola", "Cuerpo", ["ana@example.org"])
    real = db_worker.close_old_connections
    with (
        mock.patch.object(db_worker, "close_old_connections", side_effect=caida(1, real)),
        pytest.raises(OperationalError),
    ):
        call_command("db_worker", batch=True, interval=0, startup_delay=False)
    assert mailoutbox == []


def test_the_worker_keeps_running_through_an_outage_then_sends(cola_en_la_base, mailoutbox):
    enviar_correo.enqueue("Inscripción confirmada", "Cuerpo", ["ana@example.org"])
    real = db_worker.close_old_connections
    with (
        mock.patch.object(db_worker, "close_old_connections", side_effect=caida(4, real)),
        mock.patch("nucleo.management.commands.trabajador_tareas.time.sleep") as dormir,
    ):
        call_command(
            "trabajador_tareas",
            batch=True,
            interval=0,
            startup_delay=False,
            espera_inicial=1,
            espera_maxima=5,
        )
    # Four failures in a row: waits doubling up to the maximum, then the e-mail goes out.
    assert [c.args[0] for c in dormir.call_args_list] == [1, 2, 4, 5]
    assert [m.subject for m in mailoutbox] == ["Inscripción confirmada"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db
def test_healthz_tareas_reports_the_age_of_the_oldest_pending_task(client, cola_en_la_base):
    vacia = client.get("/healthz/tareas")
    assert vacia.status_code == 200
    assert vacia.json() == {
        "estado": "ok",
        "tareas_pendientes": 0,
        "antiguedad_maxima_segundos": 0,
    }
    assert "no-cache" in vacia["Cache-Control"]

    enviar_correo.enqueue("Reciente", "Cuerpo", ["ana@example.org"])
    vieja = enviar_correo.enqueue("Vieja", "Cuerpo", ["ana@example.org"])
    # A retry deferred to the future is not late yet.
    enviar_correo.using(run_after=timezone.now() + timedelta(hours=1)).enqueue("Luego", "", [])
    DBTaskResult.objects.filter(pk=vieja.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=120)
    )
    datos = client.get("/healthz/tareas").json()
    assert datos["estado"] == "ok" and datos["tareas_pendientes"] == 2
    assert 120 <= datos["antiguedad_maxima_segundos"] < 130

    # The worker has been dead for longer than the limit: monitoring sees a 503.
    DBTaskResult.objects.filter(pk=vieja.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=3600)
    )
    atrasada = client.get("/healthz/tareas")
    assert atrasada.status_code == 503
    assert atrasada.json()["estado"] == "atrasada"
    assert atrasada.json()["antiguedad_maxima_segundos"] >= 3600
    assert "Vieja" not in atrasada.content.decode()


@pytest.mark.django_db
def test_healthz_tareas_without_database_is_a_503(client):
    with mock.patch.object(DBTaskResult.objects, "ready", side_effect=OperationalError("caída")):
        respuesta = client.get("/healthz/tareas")
    assert respuesta.status_code == 503
    assert respuesta.json()["base_de_datos"] == "no responde"


def test_a_stop_during_an_outage_ends_the_worker_without_waiting(cola_en_la_base):
    from nucleo.management.commands.trabajador_tareas import TrabajadorResistente

    trabajador = TrabajadorResistente(
        espera_inicial=1,
        espera_maxima=60,
        queue_names=["default"],
        interval=0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="prueba",
        excluded_queue_names=[],
    )

    def parada_en_plena_caida():
        trabajador.running = False  # what a SIGTERM does while a task runs
        raise OperationalError("the database system is shutting down")

    with (
        mock.patch.object(db_worker, "close_old_connections", side_effect=parada_en_plena_caida),
        mock.patch("nucleo.management.commands.trabajador_tareas.time.sleep") as dormir,
    ):
        assert trabajador.run() is None
    dormir.assert_not_called()
