"""Public views of an event: its page with the registration form, and the management page."""

import json
import logging

from django.conf import settings
from django.core import signing
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from nucleo.cache import en_cache
from nucleo.seguridad import envios_agotados
from nucleo.traduccion import en_idioma, idioma_actual
from red.models import MiembroPage, TipoMiembro

from . import inscripciones
from .forms import InscripcionForm
from .models import EstadoInscripcion, EventoIndexPage, Inscripcion, Modalidad

logger = logging.getLogger(__name__)

MENSAJES_RECHAZO = {
    "antes": _("Las inscripciones para este evento todavía no abren."),
    "cerrada": _("Las inscripciones para este evento están cerradas."),
    "sin_cupos": _("Sin cupos: este evento ya no tiene lugares disponibles."),
    "demasiados": _(
        "Recibimos demasiados intentos de inscripción desde su conexión. Espere un rato e "
        "intente de nuevo."
    ),
}

# One answer for every registration taken or already there: the page never says
# whether an address was registered (the e-mail tells its owner).
MENSAJES_EXITO = {
    "enviada": _(
        "Recibimos su inscripción. Revise su correo: le contamos si tiene un cupo o quedó en "
        "la lista de espera, con el enlace para ver o cancelar su inscripción."
    ),
}


def _supera_limite(request):
    """Counts one attempt for this IP; True when it went over the limit of the window."""
    return envios_agotados(
        request,
        "eventos.inscripcion",
        settings.RED_EVENTOS_INSCRIPCIONES_POR_IP,
        settings.RED_EVENTOS_VENTANA_SEGUNDOS,
    )


def organizador_de(evento):
    return MiembroPage.objects.filter(path=evento.path[: -Page.steplen]).first()


def json_ld(evento, request, organizador, ejes):
    """schema.org Event; the online link is never in it (only the page's URL)."""
    url = evento.get_full_url(request)
    lugar_fisico = {
        "@type": "Place",
        "name": evento.lugar or evento.comuna_nombre,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": evento.direccion,
            "addressLocality": evento.comuna_nombre,
            "addressRegion": "Región Metropolitana de Santiago",
            "addressCountry": "CL",
        },
    }
    lugar_virtual = {"@type": "VirtualLocation", "url": url}
    modos = {
        Modalidad.PRESENCIAL: ("OfflineEventAttendanceMode", lugar_fisico),
        Modalidad.EN_LINEA: ("OnlineEventAttendanceMode", lugar_virtual),
        Modalidad.HIBRIDA: ("MixedEventAttendanceMode", [lugar_fisico, lugar_virtual]),
    }
    modo, ubicacion = modos.get(evento.modalidad, modos[Modalidad.PRESENCIAL])
    datos = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": evento.title,
        "description": evento.resumen,
        "abstract": strip_tags(evento.descripcion),
        "url": url,
        "startDate": evento.inicio.astimezone(evento_zona()).isoformat(),
        "endDate": evento.fin.astimezone(evento_zona()).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{modo}",
        "location": ubicacion,
        "inLanguage": evento.locale.language_code,
        "isAccessibleForFree": True,
        "maximumAttendeeCapacity": evento.cupos,
        "remainingAttendeeCapacity": evento.cupos_disponibles,
        "about": [{"@type": "Thing", "name": e.nombre} for e in ejes],
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "CLP",
            "url": url,
            "availability": "https://schema.org/InStock"
            if evento.cupos_disponibles
            else "https://schema.org/SoldOut",
        },
    }
    if evento.publico_objetivo:
        datos["audience"] = {"@type": "Audience", "audienceType": evento.publico_objetivo}
    expositores = [b.value["nombre"] for b in evento.expositores]
    if expositores:
        datos["performer"] = [{"@type": "Person", "name": n} for n in expositores]
    if organizador:
        tipo = (
            "Organization"
            if organizador.tipo == TipoMiembro.ORGANIZACION
            else "GovernmentOrganization"
        )
        datos["organizer"] = {
            "@type": tipo,
            "name": organizador.title,
            "url": organizador.get_full_url(request),
        }
    texto = json.dumps(datos, ensure_ascii=False)
    texto = texto.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(texto)  # noqa: S308 - JSON with <, > and & escaped # nosec B308 B703


def evento_zona():
    from .ics import ZONA

    return ZONA


def _partes_del_evento(evento, request):
    """What the event page shows besides the form: the same for every visitor."""
    fuente = evento.pagina_fuente()
    organizador = organizador_de(evento)
    ejes = en_idioma(evento.ejes.all(), evento.locale_id)
    calendario = EventoIndexPage.objects.live().filter(locale=evento.locale).first()
    return {
        "fuente": fuente,
        "n_confirmadas": fuente.n_confirmadas,
        "organizador": organizador,
        "ejes": ejes,
        "etiquetas": list(evento.tags.all()),
        # In English, link to the practice's English version when it has one.
        "practicas_relacionadas": [p.localized for p in evento.practicas.all() if p.live],
        "calendario_url": calendario.get_url(request) if calendario else None,
        "json_ld": json_ld(evento, request, organizador, ejes),
    }


def contexto_evento(evento, request, form=None, mensaje=None, mensaje_tipo="error"):
    if getattr(request, "is_preview", False) or not evento.pk:
        partes = _partes_del_evento(evento, request)
    else:
        # Kept until something is published or someone registers (the places
        # left are never stale).
        partes = en_cache(
            "evento",
            lambda: _partes_del_evento(evento, request),
            evento.pk,
            idioma_actual(),
            request.get_host(),
            cupos=True,
        )
    fuente = partes.pop("fuente")
    evento.n_confirmadas = partes.pop("n_confirmadas")
    exito = request.GET.get("inscripcion")
    if mensaje is None and exito in MENSAJES_EXITO:
        mensaje, mensaje_tipo = MENSAJES_EXITO[exito], "exito"
    return {
        **partes,
        # The clock decides whether registration is open: never kept.
        "estado_inscripcion": fuente.estado_inscripcion(),
        # An empty form is built only when the kept fragment of the form is missing.
        "form": form or SimpleLazyObject(InscripcionForm),
        "form_enviado": form is not None,
        "mensaje": mensaje,
        "mensaje_tipo": mensaje_tipo,
    }


def pagina_evento(evento, request):
    if request.method != "POST":
        return evento.render(request, context_overrides=contexto_evento(evento, request))

    def responder(status, **kwargs):
        respuesta = evento.render(
            request, context_overrides=contexto_evento(evento, request, **kwargs)
        )
        respuesta.status_code = status
        # It echoes the name and address that were sent.
        return sin_cache(respuesta)

    form = InscripcionForm(request.POST)
    enviada = HttpResponseRedirect(f"{evento.url}?inscripcion=enviada#inscripcion", status=303)
    if _supera_limite(request):
        logger.warning("Inscripción rechazada por límite de intentos")
        return responder(429, form=form, mensaje=MENSAJES_RECHAZO["demasiados"])
    if form.es_bot():
        # Looks like success so the bot learns nothing; nothing is saved or sent.
        return sin_cache(enviada)
    if not form.is_valid():
        return responder(422, form=form)
    try:
        inscripciones.inscribir(evento, form.datos())
    except inscripciones.InscripcionRechazada as rechazo:
        if rechazo.existente:
            # Its owner gets the link by e-mail (at most once an hour); whoever
            # typed the address sees what a new address would have seen.
            inscripciones.avisar_duplicada(rechazo.existente)
        if rechazo.motivo == "duplicada":
            return sin_cache(enviada)
        return responder(409, form=form, mensaje=MENSAJES_RECHAZO[rechazo.motivo])
    return sin_cache(enviada)


def sin_cache(respuesta):
    """Kept by nobody: neither a shared cache nor the browser's (personal data)."""
    patch_cache_control(respuesta, private=True, no_store=True)
    return respuesta


def gestionar_inscripcion(indice, request, token):
    """See a registration and cancel it, from the signed link of the e-mails."""
    try:
        inscripcion = inscripciones.inscripcion_de_token(token)
    except signing.SignatureExpired:
        return _enlace_invalido(request, indice, 410, expirado=True)
    except (signing.BadSignature, Inscripcion.DoesNotExist, ValueError):
        return _enlace_invalido(request, indice, 404)
    mensaje = None
    cancelable = inscripcion.estado != EstadoInscripcion.CANCELADA and not inscripcion.anonimizada
    if request.method == "POST" and request.POST.get("accion") == "cancelar" and cancelable:
        inscripcion, _promovidas = inscripciones.cancelar(inscripcion)
        mensaje = _("Su inscripción fue cancelada. Le enviamos un correo de confirmación.")
    respuesta = TemplateResponse(
        request,
        "eventos/gestionar_inscripcion.html",
        {
            "page": indice,
            "inscripcion": inscripcion,
            "evento": inscripcion.evento,
            "mensaje": mensaje,
            "puede_cancelar": inscripcion.estado != EstadoInscripcion.CANCELADA
            and not inscripcion.anonimizada
            and not inscripcion.evento.ya_termino,
        },
    )
    sin_cache(respuesta)
    respuesta["X-Robots-Tag"] = "noindex"
    return respuesta


def _enlace_invalido(request, indice, status, expirado=False):
    respuesta = TemplateResponse(
        request,
        "eventos/enlace_invalido.html",
        {"page": indice, "expirado": expirado},
        status=status,
    )
    return sin_cache(respuesta)
