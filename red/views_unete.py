"""`/red/unete/`: the public application to join the network (a route of RedIndexPage)."""

import logging

from django.conf import settings
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from nucleo.correo import enviar_correo
from nucleo.seguridad import envios_agotados

from .forms import SolicitudIngresoForm
from .grupos import GRUPO_COORDINACION

logger = logging.getLogger(__name__)


def limite_superado(request):
    """Counts this submission; True when the address went over the limit of its window."""
    return envios_agotados(
        request, "red.unete", settings.RED_UNETE_MAX_ENVIOS, settings.RED_UNETE_VENTANA_SEGUNDOS
    )


def unete(pagina, request):
    """GET shows the form; POST validates, saves and sends the acknowledgement."""
    contexto = {"pagina_unete": True}
    if request.method != "POST":
        return _formulario(pagina, request, SolicitudIngresoForm(), contexto)

    form = SolicitudIngresoForm(request.POST)
    if limite_superado(request):
        contexto["aviso"] = _(
            "Recibimos demasiadas solicitudes desde su conexión. Espere una hora e intente "
            "de nuevo, o escriba a la Coordinación de la Red."
        )
        return _formulario(pagina, request, form, contexto, status=429)
    if form.es_bot():
        logger.warning("Solicitud de ingreso descartada: campo trampa lleno")
        contexto["aviso"] = _(
            "No pudimos recibir la solicitud. Deje vacío el campo «Deje este campo vacío» "
            "e intente de nuevo."
        )
        return _formulario(pagina, request, form, contexto, status=400)
    if not form.is_valid():
        return _formulario(pagina, request, form, contexto, status=422)

    solicitud = form.guardar()
    log(instance=solicitud, action="red.solicitud.recibida")
    _avisar_recepcion(solicitud)
    return redirect(pagina.get_url(request) + pagina.reverse_subpage("unete_gracias"))


def gracias(pagina, request):
    return pagina.render(request, template="red/unete_gracias.html")


def _formulario(pagina, request, form, contexto, status=200):
    accion = pagina.get_url(request) + pagina.reverse_subpage("unete")
    respuesta = pagina.render(
        request,
        template="red/unete.html",
        context_overrides={"form": form, "accion": accion, **contexto},
    )
    respuesta.status_code = status
    return respuesta


def _avisar_recepcion(solicitud):
    """Acknowledgement to the contact and a notice to the coordination (enqueued)."""
    contexto = {"solicitud": solicitud, "base_url": settings.WAGTAILADMIN_BASE_URL}
    enviar_correo.enqueue(
        _("Recibimos su solicitud de ingreso a la Red Regional de Gobierno Abierto"),
        render_to_string("red/correos/solicitud_recibida.txt", contexto),
        [solicitud.contacto_email],
    )
    from django.contrib.auth import get_user_model

    coordinadores = list(
        get_user_model()
        .objects.filter(groups__name=GRUPO_COORDINACION, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if coordinadores:
        enviar_correo.enqueue(
            _("Nueva solicitud de ingreso a la Red"),
            render_to_string("red/correos/solicitud_nueva.txt", contexto),
            coordinadores,
        )
