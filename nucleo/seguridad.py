"""Security headers for every response and brute-force protection for the admin login.

- `PoliticaCSPMiddleware`: the strict public Content-Security-Policy
  (settings.CONTENT_SECURITY_POLICY, no inline script or style) everywhere except
  the Wagtail admin, which needs inline scripts and styles and gets
  settings.RED_CSP_ADMIN, and served documents, which get a sandbox that keeps
  any HTML or script in an uploaded file from running in the site's origin.
- `CabecerasSeguridadMiddleware`: Permissions-Policy and Cross-Origin-Resource-Policy
  (Django's SecurityMiddleware already sends HSTS, nosniff, Referrer-Policy and COOP).
- `FormularioIngreso`: the Wagtail login form with a cache-based counter of failed
  attempts per username + IP and per IP. The message is the same whether the
  user exists or not.
"""

import hashlib
import logging

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from ipware import get_client_ip
from wagtail.admin.forms.auth import LoginForm

logger = logging.getLogger(__name__)

# Documents are files uploaded by editors: nothing in them may run or load anything.
CSP_DOCUMENTOS = "default-src 'none'; sandbox; frame-ancestors 'none'"


def _empieza_con(request, prefijos):
    return request.path_info.startswith(tuple(prefijos))


class PoliticaCSPMiddleware(CSPMiddleware):
    """django-csp with one policy for the public site and another for the admin."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and _empieza_con(request, settings.RED_RUTAS_ADMIN)
        ):
            return PolicyParts(config=settings.RED_CSP_ADMIN, nonce=parts.nonce)
        return parts

    def process_response(self, request, response):
        if _empieza_con(request, settings.RED_RUTAS_DOCUMENTOS):
            # Replaces Wagtail's own "default-src 'none'" with a stricter sandbox.
            response[HEADER] = CSP_DOCUMENTOS
            return response
        return super().process_response(request, response)


class CabecerasSeguridadMiddleware:
    """Headers Django does not send by itself, on every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.RED_PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def ip_cliente(request):
    """The client's IP address, trusting X-Forwarded-For only from our own proxies.

    RED_PROXIES_DE_CONFIANZA is the number of reverse proxies in front of the
    app servers, each appending the address it saw; with 0 the header is ignored
    because anyone can send it. django-ipware reads the chain from the right:
    its proxy_count counts the hops written after the client's, so one less
    than ours (the outermost proxy writes the client itself). Only that header
    is read: X-Real-IP, CF-Connecting-IP and the like come from the client too.
    """
    proxies = settings.RED_PROXIES_DE_CONFIANZA
    if proxies > 0:
        ip, _enrutable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=("HTTP_X_FORWARDED_FOR",),
            strict=False,  # addresses the client prepended are ignored, not an error
        )
        if ip:
            return ip
    return request.META.get("REMOTE_ADDR", "")


def _ip_del_envio(_grupo, request):
    return ip_cliente(request)


def envios_agotados(request, grupo, maximo, ventana):
    """Counts this submission of form `grupo` for the client's address; True past `maximo`.

    django-ratelimit keeps the count in the default cache with an atomic
    add/incr, under a key per fixed window of `ventana` seconds (the window
    does not move with each submission). Each form has its own `grupo`, so
    reaching one limit does not block another form.
    """
    return is_ratelimited(
        request,
        group=grupo,
        key=_ip_del_envio,
        rate=(maximo, ventana),
        method="POST",
        increment=True,
    )


def _clave(*partes):
    resumen = hashlib.sha256("\x00".join(partes).encode()).hexdigest()
    return f"red:ingreso:{resumen}"


class FormularioIngreso(LoginForm):
    """Wagtail's login form with throttling of failed attempts."""

    error_messages = {
        **LoginForm.error_messages,
        "demasiados_intentos": _(
            "Hubo demasiados intentos fallidos de ingreso. Espere unos minutos e intente de nuevo."
        ),
    }

    def _claves(self):
        usuario = (self.data.get("username") or "").strip().lower()
        ip = ip_cliente(self.request) if self.request else ""
        return (
            (_clave("usuario-ip", usuario, ip), settings.RED_INGRESO_MAX_INTENTOS),
            (_clave("ip", ip), settings.RED_INGRESO_MAX_INTENTOS_IP),
        )

    def clean(self):
        claves = self._claves()
        if any((cache.get(clave) or 0) >= limite for clave, limite in claves):
            # No password is checked while throttled, so the answer says nothing
            # about whether the account exists or the password was right.
            logger.warning("Ingreso bloqueado por demasiados intentos fallidos")
            raise forms.ValidationError(
                self.error_messages["demasiados_intentos"], code="demasiados_intentos"
            )
        try:
            return super().clean()
        except forms.ValidationError:
            ventana = settings.RED_INGRESO_VENTANA_SEGUNDOS
            for clave, _limite in claves:
                cache.set(clave, (cache.get(clave) or 0) + 1, ventana)
            raise
