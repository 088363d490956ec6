"""Public views to follow a program by e-mail: the form, the confirmation link and
the unsubscribe link (rendicion/seguimiento.py holds the rules)."""

import logging

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from nucleo.seguridad import envios_agotados

from . import seguimiento
from .forms import SeguirForm
from .models import CompromisoPage, Suscripcion

logger = logging.getLogger(__name__)


def _privada(respuesta):
    """Kept by nobody: the answer may echo an address, or a personal link."""
    patch_cache_control(respuesta, private=True, no_store=True)
    respuesta["X-Robots-Tag"] = "noindex"
    return respuesta


def _compromiso_pedido(programa, valor):
    """The commitment named by ?compromiso=, only a live public one of this program."""
    if not valor:
        return None
    try:
        pk = int(valor)
    except (TypeError, ValueError):
        raise Http404 from None
    compromiso = CompromisoPage.objects.child_of(programa).live().public().filter(pk=pk).first()
    if compromiso is None:
        raise Http404
    return compromiso


def seguir(programa, request):
    compromiso = _compromiso_pedido(
        programa, request.POST.get("compromiso") or request.GET.get("compromiso")
    )
    url = programa.url + programa.reverse_subpage("seguir")
    sufijo = f"&compromiso={compromiso.pk}" if compromiso else ""

    def responder(form, status=200, mensaje=None):
        contexto = {
            "page": programa,
            "form": form,
            "compromiso": compromiso,
            "mensaje": mensaje,
            "enviado": request.method == "GET" and request.GET.get("enviado") == "1",
        }
        respuesta = TemplateResponse(request, "rendicion/seguir.html", contexto, status=status)
        return _privada(respuesta)

    if request.method != "POST":
        return responder(SeguirForm())
    form = SeguirForm(request.POST)
    enviado = HttpResponseRedirect(f"{url}?enviado=1{sufijo}#seguir", status=303)
    if envios_agotados(
        request,
        "rendicion.seguir",
        settings.RED_RENDICION_SEGUIR_POR_IP,
        settings.RED_RENDICION_SEGUIR_VENTANA_SEGUNDOS,
    ):
        logger.warning("Pedido de seguimiento rechazado por límite de intentos")
        mensaje = _(
            "Recibimos demasiados pedidos desde su conexión. Espere un rato e intente de nuevo."
        )
        return responder(form, 429, mensaje)
    if form.es_bot():
        return _privada(enviado)  # looks like success: the bot learns nothing
    if not form.is_valid():
        return responder(form, 422)
    seguimiento.suscribir(programa, compromiso, form.cleaned_data["email"])
    return _privada(enviado)


def _enlace_invalido(request, status, expirado=False):
    respuesta = TemplateResponse(
        request,
        "rendicion/seguir_enlace_invalido.html",
        {"expirado": expirado},
        status=status,
    )
    return _privada(respuesta)


def confirmar(request, token):
    try:
        suscripcion = seguimiento.suscripcion_de_token(
            token, seguimiento.SAL_CONFIRMAR, seguimiento.confirmacion_vigente_segundos()
        )
    except signing.SignatureExpired:
        return _enlace_invalido(request, 410, expirado=True)
    except (signing.BadSignature, Suscripcion.DoesNotExist, ValueError):
        return _enlace_invalido(request, 404)
    seguimiento.confirmar(suscripcion)
    return _privada(
        TemplateResponse(
            request,
            "rendicion/seguir_listo.html",
            {
                "sigue": suscripcion.compromiso or suscripcion.programa,
                "programa": suscripcion.programa,
                "enlace_baja": seguimiento.url_baja(suscripcion),
            },
        )
    )


# The token is the secret: a mail client's one-click POST (RFC 8058) carries no CSRF
# cookie, and a forged request would need the link itself.
@csrf_exempt
def baja(request, token):
    try:
        suscripcion = seguimiento.suscripcion_de_token(token, seguimiento.SAL_BAJA)
    except (signing.BadSignature, ValueError):
        return _enlace_invalido(request, 404)
    except Suscripcion.DoesNotExist:
        # Already gone: unsubscribing twice is not an error.
        return _privada(TemplateResponse(request, "rendicion/seguir_baja.html", {"hecho": True}))
    if request.method == "POST":
        seguimiento.dar_de_baja(suscripcion)
        return _privada(TemplateResponse(request, "rendicion/seguir_baja.html", {"hecho": True}))
    return _privada(
        TemplateResponse(
            request,
            "rendicion/seguir_baja.html",
            {"hecho": False, "sigue": suscripcion.compromiso or suscripcion.programa},
        )
    )
