"""Following a program or one commitment by e-mail (docs/rendicion.md, «Seguir por correo»).

Double opt-in: the form only enqueues a confirmation; nothing else is sent until
its link is opened. Every e-mail carries a one-click unsubscribe link (RFC 8058
headers too) that deletes the row. The page answers the same whatever the address
(new, pending or already following), so nobody learns who follows what.

When a commitment is published with new timeline entries, its followers and the
program's get one e-mail, built and sent by a task, never inside the request.
"""

import hashlib
import logging

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _g
from django_tasks import task

from nucleo.correo import enviar_correo
from nucleo.texto import una_linea

from .models import AvisoDeCambio, CambioEstado, CompromisoPage, Suscripcion

logger = logging.getLogger(__name__)

SAL_CONFIRMAR = "rendicion.seguir.confirmar"
SAL_BAJA = "rendicion.seguir.baja"


# Signed links ------------------------------------------------------------------


def token(suscripcion, sal):
    """Three URL path segments (Django's ':' become '/', as in eventos' links)."""
    return signing.dumps(str(suscripcion.codigo), salt=sal).replace(":", "/")


def suscripcion_de_token(valor, sal, max_age=None):
    """Raises signing.BadSignature (SignatureExpired for an old confirmation link)
    or Suscripcion.DoesNotExist (already unsubscribed)."""
    codigo = signing.loads(valor.replace("/", ":"), salt=sal, max_age=max_age)
    return Suscripcion.objects.select_related("programa", "compromiso").get(codigo=codigo)


def _url_absoluta(nombre, valor):
    ruta = reverse(nombre, kwargs={"token": valor})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + ruta


def url_confirmar(suscripcion):
    return _url_absoluta("rendicion_seguir_confirmar", token(suscripcion, SAL_CONFIRMAR))


def url_baja(suscripcion):
    return _url_absoluta("rendicion_seguir_baja", token(suscripcion, SAL_BAJA))


def confirmacion_vigente_segundos():
    return settings.RED_RENDICION_CONFIRMAR_DIAS * 24 * 3600


# Subscribing ---------------------------------------------------------------------


def suscribir(programa, compromiso, email):
    """Records the request and enqueues its confirmation; the caller answers the same
    in every case. A pending address gets the confirmation again at most once per
    RED_RENDICION_REENVIO_SEGUNDOS; a confirmed one gets nothing new."""
    filtro = {"programa": programa, "compromiso": compromiso, "email": email}
    suscripcion = Suscripcion.objects.filter(**filtro).first()
    if suscripcion is None:
        try:
            with transaction.atomic():
                suscripcion = Suscripcion.objects.create(**filtro)
        except IntegrityError:
            # Two requests at once for the same address: the first one stands.
            suscripcion = Suscripcion.objects.get(**filtro)
    if suscripcion.confirmada:
        return suscripcion
    clave = "rendicion.confirmar:" + hashlib.sha256(str(suscripcion.codigo).encode()).hexdigest()
    if caches["compartida"].add(clave, 1, settings.RED_RENDICION_REENVIO_SEGUNDOS):
        # With the database backend the task row commits with the subscription.
        enviar_confirmacion.enqueue(suscripcion.pk)
    return suscripcion


def confirmar(suscripcion):
    if not suscripcion.confirmada:
        suscripcion.confirmada = timezone.now()
        suscripcion.save(update_fields=["confirmada"])
    return suscripcion


def dar_de_baja(suscripcion):
    suscripcion.delete()


def _que_sigue(suscripcion):
    return suscripcion.compromiso or suscripcion.programa


def _correo(suscripcion, plantilla, asunto, contexto):
    with translation.override(settings.LANGUAGE_CODE):
        contexto = {
            "suscripcion": suscripcion,
            "programa": suscripcion.programa,
            "sigue": _que_sigue(suscripcion),
            "enlace_baja": url_baja(suscripcion),
            **contexto,
        }
        texto = render_to_string(f"rendicion/correos/{plantilla}.txt", contexto)
        return una_linea(asunto), texto


@task()
def enviar_confirmacion(suscripcion_id):
    suscripcion = (
        Suscripcion.objects.select_related("programa", "compromiso")
        .filter(pk=suscripcion_id)
        .first()
    )
    if suscripcion is None or suscripcion.confirmada:
        return "nada que confirmar"
    with translation.override(settings.LANGUAGE_CODE):
        asunto = _g("Confirme que quiere seguir: %(titulo)s") % {
            "titulo": _que_sigue(suscripcion).title
        }
    asunto, texto = _correo(
        suscripcion, "confirmar", asunto, {"enlace_confirmar": url_confirmar(suscripcion)}
    )
    return enviar_correo.call(asunto, texto, [suscripcion.email])


# Telling followers ------------------------------------------------------------------


def al_publicar_compromiso(sender, instance, **kwargs):
    """page_published of a commitment: its entries not yet announced are marked, and
    one task (its row committed with the publish) tells the followers."""
    compromiso = instance.specific if hasattr(instance, "specific") else instance
    if compromiso.locale.language_code != settings.LANGUAGE_CODE:
        return  # a translation carries the same timeline: announced once, in Spanish
    nuevas = list(
        CambioEstado.objects.filter(compromiso=compromiso, aviso__isnull=True).values_list(
            "pk", flat=True
        )
    )
    if not nuevas:
        return
    AvisoDeCambio.objects.bulk_create(
        [AvisoDeCambio(cambio_id=pk) for pk in nuevas], ignore_conflicts=True
    )
    programa_id = compromiso.get_parent().pk
    if Suscripcion.objects.filter(programa_id=programa_id, confirmada__isnull=False).exists():
        avisar_cambios.enqueue(compromiso.pk, nuevas)


def seguidores(compromiso):
    """Confirmed followers of the commitment or of its whole program, one per address."""
    programa_id = compromiso.get_parent().pk
    filas = (
        Suscripcion.objects.filter(confirmada__isnull=False, programa_id=programa_id)
        .filter(Q(compromiso__isnull=True) | Q(compromiso=compromiso))
        .select_related("programa", "compromiso")
        .order_by("email", "compromiso_id")
    )
    por_correo = {}
    for fila in filas:
        # Following the commitment itself wins: its unsubscribe link is the precise one.
        if fila.email not in por_correo or fila.compromiso_id:
            por_correo[fila.email] = fila
    return list(por_correo.values())


@task()
def avisar_cambios(compromiso_id, cambio_ids):
    compromiso = CompromisoPage.objects.filter(pk=compromiso_id).first()
    if compromiso is None or not compromiso.live:
        return "sin compromiso publicado"
    cambios = list(
        CambioEstado.objects.filter(pk__in=cambio_ids, compromiso=compromiso).order_by(
            "fecha", "pk"
        )
    )
    enviados = 0
    for suscripcion in seguidores(compromiso):
        with translation.override(settings.LANGUAGE_CODE):
            asunto = _g("Cambió el estado de «%(titulo)s»") % {"titulo": compromiso.title}
        asunto, texto = _correo(
            suscripcion,
            "cambio",
            asunto,
            {
                "compromiso": compromiso,
                "compromiso_url": compromiso.get_full_url() or "",
                "cambios": cambios,
            },
        )
        enlace = url_baja(suscripcion)
        enviar_correo.enqueue(
            asunto,
            texto,
            [suscripcion.email],
            cabeceras={
                "List-Unsubscribe": f"<{enlace}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        enviados += 1
    return f"{enviados} avisos"
