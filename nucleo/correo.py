"""E-mail sent in the background, retried while the mail server does not answer.

Views save what the person sent first and then enqueue `enviar_correo`; with the
database task backend (django_tasks_db, production) a worker
(`manage.py trabajador_tareas`) sends it. When the SMTP server is down the task enqueues
itself again with a growing delay (RED_CORREO_REINTENTO_SEGUNDOS × 2^n, up to
RED_CORREO_MAX_INTENTOS attempts), so the e-mail goes out once the server is back.
With a backend that cannot defer (the immediate one of development) the failure
is recorded in the task result instead.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def enviar_correo(asunto, cuerpo, destinatarios, html=None, adjuntos=(), intento=1, cabeceras=None):
    """Sends one e-mail. `adjuntos` is a list of [name, text content, MIME type];
    `cabeceras` extra headers (e.g. List-Unsubscribe)."""
    mensaje = EmailMultiAlternatives(
        asunto, cuerpo, to=list(destinatarios), headers=dict(cabeceras or {})
    )
    if html:
        mensaje.attach_alternative(html, "text/html")
    for nombre, contenido, tipo in adjuntos:
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
        )
        return "reintento programado"
    return "enviado"
