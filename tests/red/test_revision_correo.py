"""Wagtail's workflow e-mails leave through the task queue, after the approval commits:
a mail server that is down or slow never touches the publication (issue 19)."""

import pytest
from django.core import mail
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from wagtail.admin.mail import send_mail

from tests.nucleo.smtp import ServidorSMTP
from tests.nucleo.test_correo import correo_por_smtp_y_cola_en_base, trabajar  # noqa: F401
from tests.red.test_revision import accion, enviada  # noqa: F401
from tests.usuarios import ingresar

pytestmark = pytest.mark.django_db

COLA = "nucleo.correo.CorreoEnCola"


def test_aprobar_con_el_servidor_de_correo_caido_publica_y_el_aviso_sale_despues(
    client,
    coordinadora,
    editora_renca,
    enviada,  # noqa: F811
    correo_por_smtp_y_cola_en_base,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    puerto = correo_por_smtp_y_cola_en_base
    settings.EMAIL_BACKEND = COLA  # in front of SMTP on a closed port
    ingresar(client, coordinadora)
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = accion(client, enviada, "approve", "Muy clara, se publica.")
    assert respuesta.status_code in (200, 302)
    enviada.refresh_from_db()
    assert enviada.live
    assert client.get("/red/renca/" + enviada.slug + "/").status_code == 200
    # The approval notice waits in the queue, addressed to the editor who submitted.
    en_cola = DBTaskResult.objects.filter(status="READY", task_path="nucleo.correo.enviar_correo")
    assert any(editora_renca.email in t.args_kwargs["kwargs"]["destinatarios"] for t in en_cola)

    servidor = ServidorSMTP(puerto)
    try:
        trabajar()
    finally:
        servidor.detener()
    assert any(editora_renca.email in m for m in servidor.mensajes)
    assert any("Auto-Submitted: auto-generated" in m for m in servidor.mensajes)


def test_un_correo_de_una_transaccion_revertida_no_sale(settings):
    settings.EMAIL_BACKEND = COLA
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Página aprobada", "Texto", ["editora@example.org"])
        raise RuntimeError("la transacción falla después de enviar")
    assert mail.outbox == []


def test_el_mensaje_llega_entero_tras_el_commit(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = COLA
    with django_capture_on_commit_callbacks(execute=True):
        send_mail(
            "Página aprobada",
            "Texto plano",
            ["editora@example.org"],
            from_email="Red <red@example.org>",
            html_message="<p>Texto <b>HTML</b></p>",
            bcc=["archivo@example.org"],
        )
        assert mail.outbox == []  # nothing before the commit
    (mensaje,) = mail.outbox
    assert mensaje.subject == "Página aprobada"
    assert mensaje.to == ["editora@example.org"]
    assert mensaje.bcc == ["archivo@example.org"]
    assert mensaje.from_email == "Red <red@example.org>"
    assert mensaje.extra_headers["Auto-Submitted"] == "auto-generated"
    assert mensaje.alternatives[0][0] == "<p>Texto <b>HTML</b></p>"


def test_el_sitio_envia_todo_su_correo_por_la_cola():
    from red.settings import base

    assert base.EMAIL_BACKEND == COLA
    assert base.RED_CORREO_BACKEND != COLA
