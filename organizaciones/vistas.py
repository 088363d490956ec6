"""`/red/organizaciones/registrar/`: an organization registers itself (a route of the index)."""

import logging

from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .estados import avisar_registro
from .forms import RegistroOrganizacionForm
from .limites import envio_permitido

logger = logging.getLogger(__name__)


def registrar(pagina, request):
    """GET shows the form; POST validates, saves as pendiente and sends the confirmation."""
    if request.method != "POST":
        return _formulario(pagina, request, RegistroOrganizacionForm(), {})

    form = RegistroOrganizacionForm(request.POST)
    if not envio_permitido(request):
        aviso = _(
            "Recibimos demasiados registros desde su conexión. Espere una hora e intente de "
            "nuevo, o escriba a la Coordinación de la Red."
        )
        return _formulario(pagina, request, form, {"aviso": aviso}, status=429)
    if form.es_bot():
        logger.warning("Registro de organización descartado: campo trampa lleno")
        aviso = _(
            "No pudimos recibir el registro. Deje vacío el campo «Deje este campo vacío» e "
            "intente de nuevo."
        )
        return _formulario(pagina, request, form, {"aviso": aviso}, status=400)
    if not form.is_valid():
        return _formulario(pagina, request, form, {}, status=422)

    organizacion = form.guardar()
    log(instance=organizacion, action="organizaciones.registrada")
    avisar_registro(organizacion)
    return redirect(pagina.get_url(request) + pagina.reverse_subpage("registrar_gracias"))


def _formulario(pagina, request, form, contexto, status=200):
    accion = pagina.get_url(request) + pagina.reverse_subpage("registrar")
    respuesta = pagina.render(
        request,
        template="organizaciones/registrar.html",
        context_overrides={"form": form, "accion": accion, **contexto},
    )
    respuesta.status_code = status
    # What the person typed (contacts included) is never kept by a cache.
    patch_cache_control(respuesta, private=True, no_store=True)
    return respuesta
