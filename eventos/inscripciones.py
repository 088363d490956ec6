"""The registration rules: capacity, waiting list, cancellation and the e-mails.

Every change of state runs inside `transaction.atomic()` after locking the
event's row with `select_for_update()`: on PostgreSQL concurrent registrations
for the same event wait for each other, so the count of confirmed places read
inside the transaction is exact and capacity is never exceeded (on SQLite writes
are serialized anyway). E-mails are enqueued after the transaction commits, and
built by the task (`enviar_aviso`), not by the request.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _g
from django_tasks import task

from nucleo.correo import enviar_correo
from nucleo.texto import normalizar_email, una_linea

from .models import EstadoInscripcion, EventoIndexPage, EventoPage, Inscripcion

SAL_ENLACE = "eventos.inscripcion"


class InscripcionRechazada(Exception):
    """The registration was not taken; `motivo` says why."""

    def __init__(self, motivo, existente=None):
        super().__init__(motivo)
        self.motivo = motivo
        self.existente = existente


def inscribir(evento, datos, ahora=None):
    """Registers a person: confirmed if there is a place, waiting list if any, else refused.

    `datos` are the cleaned fields of the form. Raises InscripcionRechazada with
    motivo "antes", "cerrada", "duplicada" or "sin_cupos". The address is
    normalised (`nucleo.texto.normalizar_email`) before it is compared or stored.
    A duplicate is told apart only after the places are counted, so that an
    address already registered meets exactly what a new one would ("sin_cupos"
    carries the existing registration too, for its e-mail).
    """
    evento = evento.pagina_fuente()
    email = normalizar_email(datos["email"])
    try:
        with transaction.atomic():
            evento = EventoPage.objects.select_for_update().get(pk=evento.pk)
            estado_ventana = evento.estado_inscripcion(ahora)
            if estado_ventana != "abierta":
                raise InscripcionRechazada(estado_ventana)
            existente = Inscripcion.objects.activas().filter(evento=evento, email=email).first()
            confirmadas = Inscripcion.objects.confirmadas().filter(evento=evento).count()
            if confirmadas < evento.cupos:
                estado = EstadoInscripcion.CONFIRMADA
            elif evento.lista_espera:
                estado = EstadoInscripcion.ESPERA
            else:
                raise InscripcionRechazada("sin_cupos", existente)
            if existente:
                raise InscripcionRechazada("duplicada", existente)
            inscripcion = Inscripcion.objects.create(
                evento=evento, **{**datos, "email": email}, estado=estado
            )
    except IntegrityError as exc:
        # The partial unique index caught a duplicate the lookup above could not see.
        existente = Inscripcion.objects.activas().filter(evento=evento, email=email).first()
        raise InscripcionRechazada("duplicada", existente) from exc
    avisar(inscripcion, inscripcion.estado)
    return inscripcion


def avisar_duplicada(existente):
    """E-mails the link to manage the registration that already exists, at most
    once per RED_EVENTOS_AVISO_DUPLICADA_SEGUNDOS per address (20 repeated
    attempts are one e-mail, not 20). True when it was sent."""
    clave = "eventos.aviso-duplicada:" + hashlib.sha256(existente.email.encode()).hexdigest()
    # add is atomic in the store every worker shares (Redis or the database):
    # one winner per window, whichever worker the repeats reach.
    if not caches["compartida"].add(clave, 1, settings.RED_EVENTOS_AVISO_DUPLICADA_SEGUNDOS):
        return False
    avisar(existente, "duplicada")
    return True


def cancelar(inscripcion):
    """Cancels a registration and promotes the waiting list into the freed places."""
    with transaction.atomic():
        evento = EventoPage.objects.select_for_update().get(pk=inscripcion.evento_id)
        inscripcion = Inscripcion.objects.select_for_update().get(pk=inscripcion.pk)
        if inscripcion.estado == EstadoInscripcion.CANCELADA:
            return inscripcion, []
        inscripcion.estado = EstadoInscripcion.CANCELADA
        inscripcion.cancelada_en = timezone.now()
        inscripcion.save(update_fields=["estado", "cancelada_en", "actualizada"])
        promovidas = _promover(evento)
    avisar(inscripcion, "cancelada")
    for promovida in promovidas:
        avisar(promovida, "promovida")
    return inscripcion, promovidas


def promover_lista(evento):
    """Fills free places from the waiting list (e.g. after raising the capacity)."""
    with transaction.atomic():
        evento = EventoPage.objects.select_for_update().get(pk=evento.pk)
        promovidas = _promover(evento)
    for promovida in promovidas:
        avisar(promovida, "promovida")
    return promovidas


def _promover(evento):
    if evento.ya_termino:
        return []
    libres = evento.cupos - Inscripcion.objects.confirmadas().filter(evento=evento).count()
    promovidas = []
    if libres <= 0:
        return promovidas
    for inscripcion in Inscripcion.objects.en_espera().filter(evento=evento)[:libres]:
        inscripcion.estado = EstadoInscripcion.CONFIRMADA
        inscripcion.promovida_en = timezone.now()
        inscripcion.save(update_fields=["estado", "promovida_en", "actualizada"])
        promovidas.append(inscripcion)
    return promovidas


# Signed management links -------------------------------------------------


def token_de(inscripcion):
    """The signed token of a registration, as three URL path segments.

    Wagtail serves page paths of [\\w-] segments only, so the ':' of Django's
    signatures become '/' (base64url never contains either).
    """
    return signing.dumps(str(inscripcion.codigo), salt=SAL_ENLACE).replace(":", "/")


def inscripcion_de_token(token):
    """The registration a token points to. Raises signing.BadSignature (or
    SignatureExpired) for a forged or old link, Inscripcion.DoesNotExist if gone."""
    codigo = signing.loads(
        token.replace("/", ":"),
        salt=SAL_ENLACE,
        max_age=settings.RED_EVENTOS_ENLACE_DIAS * 24 * 3600,
    )
    return Inscripcion.objects.select_related("evento").get(codigo=codigo)


def url_gestion(inscripcion):
    """Absolute URL of the page where the person sees and cancels the registration."""
    indice = (
        EventoIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if indice is None:
        return ""
    base = indice.get_full_url() or settings.WAGTAILADMIN_BASE_URL.rstrip("/") + indice.url
    return (
        base.rstrip("/")
        + "/"
        + indice.reverse_subpage("gestionar_inscripcion", kwargs={"token": token_de(inscripcion)})
    )


# E-mails -------------------------------------------------------------------

ASUNTOS = {
    "confirmada": "Inscripción confirmada: {titulo}",
    "espera": "Quedó en lista de espera: {titulo}",
    "promovida": "Se liberó un cupo: su inscripción está confirmada: {titulo}",
    "cancelada": "Inscripción cancelada: {titulo}",
    "recordatorio": "Recordatorio: {titulo} es mañana",
    "duplicada": "Ya tiene una inscripción en {titulo}",
}

CON_ENLACE_EN_LINEA = {"confirmada", "promovida", "recordatorio"}


def avisar(inscripcion, tipo):
    """Enqueues the e-mail of one kind for one registration.

    Only its id and kind travel: the message and its .ics are built by the task
    (`enviar_aviso`), never in the request after the registration was committed,
    so nothing that could fail there can turn a saved registration into a 500.
    """
    enviar_aviso.enqueue(inscripcion.pk, tipo)


@task()
def enviar_aviso(inscripcion_id, tipo):
    """Builds the e-mail of one kind (and its .ics) for one registration and sends it."""
    from .ics import ics_de_evento

    inscripcion = Inscripcion.objects.select_related("evento").filter(pk=inscripcion_id).first()
    if inscripcion is None or inscripcion.anonimizada:
        return "sin destinatario"
    evento = inscripcion.evento
    confirmada = inscripcion.estado == EstadoInscripcion.CONFIRMADA
    with translation.override(settings.LANGUAGE_CODE):
        contexto = {
            "inscripcion": inscripcion,
            "evento": evento,
            "evento_url": evento.get_full_url() or "",
            "enlace_gestion": url_gestion(inscripcion),
            "enlace_en_linea": (
                evento.enlace_en_linea
                if confirmada and tipo in CON_ENLACE_EN_LINEA and evento.es_en_linea
                else ""
            ),
            "tipo": tipo,
        }
        asunto = una_linea(_g(ASUNTOS[tipo]).format(titulo=evento.title))
        texto = render_to_string(f"eventos/correos/{tipo}.txt", contexto)
        html = render_to_string(f"eventos/correos/{tipo}.html", contexto)
    adjuntos = []
    if confirmada and tipo in CON_ENLACE_EN_LINEA:
        adjuntos.append(
            [
                f"{evento.slug}.ics",
                ics_de_evento(evento, enlace=contexto["enlace_en_linea"]),
                "text/calendar",
            ]
        )
    # Sent from this task; a mail server that does not answer defers a retry.
    return enviar_correo.call(asunto, texto, [inscripcion.email], html, adjuntos)
