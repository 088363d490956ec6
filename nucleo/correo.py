"""E-mail sent in the background, retried while the mail server does not answer.

Views save what the person sent first and then enqueue `enviar_correo`; with the
database task backend (django_tasks_db, production) a worker
(`manage.py trabajador_tareas`) sends it. When the SMTP server is down the task enqueues
itself again with a growing delay (RED_CORREO_REINTENTO_SEGUNDOS × 2^n, up to
RED_CORREO_MAX_INTENTOS attempts), so the e-mail goes out once the server is back.
With a backend that cannot defer (the immediate one of development) the failure
is recorded in the task result instead.

E-mail sent by others — Wagtail's workflow notifications, Django's password reset —
takes the same road: `EMAIL_BACKEND` is `CorreoEnCola`, which enqueues each message
once the transaction commits, and the task sends it with `RED_CORREO_BACKEND`. So no
request waits on SMTP inside its transaction (a slow mail server once made an
approval lose its publication: docs/decisiones.md).
"""

import base64
import logging
import smtplib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def enviar_correo(
    asunto,
    cuerpo,
    destinatarios,
    html=None,
    adjuntos=(),
    intento=1,
    cabeceras=None,
    remitente=None,
    copia=(),
    copia_oculta=(),
    responder_a=(),
):
    """Sends one e-mail. `adjuntos` is a list of [name, content, MIME type], the
    content text or, with a fourth item "base64", bytes in base64; `cabeceras` extra
    headers (e.g. List-Unsubscribe)."""
    mensaje = EmailMultiAlternatives(
        asunto,
        cuerpo,
        from_email=remitente,
        to=list(destinatarios),
        cc=list(copia),
        bcc=list(copia_oculta),
        reply_to=list(responder_a),
        headers=dict(cabeceras or {}),
        connection=get_connection(settings.RED_CORREO_BACKEND),
    )
    if html:
        mensaje.attach_alternative(html, "text/html")
    for nombre, contenido, tipo, *codificacion in adjuntos:
        if codificacion == ["base64"]:
            contenido = base64.b64decode(contenido)
        mensaje.attach(nombre, contenido, tipo)
    try:
        mensaje.send()
    except (smtplib.SMTPException, OSError) as exc:
        if (
            intento >= settings.RED_CORREO_MAX_INTENTOS
            or not enviar_correo.get_backend().supports_defer
        ):
            raise
        retraso = settings.RED_CORREO_REINTENTO_SEGUNDOS * 2 ** (intento - 1)
        logger.warning(
            "El servidor de correo no responde (%s): reintento %s en %s s",
            exc.__class__.__name__,
            intento + 1,
            retraso,
        )
        enviar_correo.using(run_after=timezone.now() + timedelta(seconds=retraso)).enqueue(
            asunto,
            cuerpo,
            list(destinatarios),
            html,
            [list(a) for a in adjuntos],
            intento + 1,
            cabeceras=cabeceras,
            remitente=remitente,
            copia=list(copia),
            copia_oculta=list(copia_oculta),
            responder_a=list(responder_a),
        )
        return "reintento programado"
    return "enviado"


def argumentos_de_tarea(mensaje):
    """An EmailMessage as the JSON arguments of `enviar_correo`."""
    alternativas = getattr(mensaje, "alternatives", [])
    html = next((contenido for contenido, tipo in alternativas if tipo == "text/html"), None)
    adjuntos = []
    for adjunto in mensaje.attachments:
        nombre, contenido, tipo = adjunto
        if isinstance(contenido, bytes):
            adjuntos.append([nombre, base64.b64encode(contenido).decode(), tipo, "base64"])
        else:
            adjuntos.append([nombre, contenido, tipo])
    return {
        "asunto": str(mensaje.subject),
        "cuerpo": str(mensaje.body),
        "destinatarios": list(mensaje.to),
        "html": html,
        "adjuntos": adjuntos,
        "cabeceras": dict(mensaje.extra_headers),
        "remitente": mensaje.from_email,
        "copia": list(mensaje.cc),
        "copia_oculta": list(mensaje.bcc),
        "responder_a": list(mensaje.reply_to),
    }


class CorreoEnCola(BaseEmailBackend):
    """The site's EMAIL_BACKEND: every message becomes an `enviar_correo` task,
    enqueued when the current transaction commits (at once outside one); a rolled
    back transaction sends nothing."""

    def send_messages(self, email_messages):
        for mensaje in email_messages:
            argumentos = argumentos_de_tarea(mensaje)
            transaction.on_commit(partial(enviar_correo.enqueue, **argumentos), robust=True)
        return len(email_messages)
