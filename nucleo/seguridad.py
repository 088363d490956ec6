"""Security headers, client address, form limits and brute-force protection for the login.

- `PoliticaCSPMiddleware`: the strict public Content-Security-Policy
  (settings.CONTENT_SECURITY_POLICY, no inline script or style) everywhere except
  the Wagtail admin, which needs inline scripts and styles and gets
  settings.RED_CSP_ADMIN (its login pages, which have none, get
  RED_CSP_ADMIN_INGRESO: script-src 'self'), and served documents, which get a sandbox that keeps
  any HTML or script in an uploaded file from running in the site's origin.
- `CabecerasSeguridadMiddleware`: Permissions-Policy and Cross-Origin-Resource-Policy
  (Django's SecurityMiddleware already sends HSTS, nosniff, Referrer-Policy and COOP).
- `ip_cliente`: the client's address behind our proxies (django-ipware).
- `envios_agotados`: per-address limits of the public forms (django-ratelimit).
- `FormularioIngreso` and `ManejadorIngreso`: the Wagtail login form, throttled by
  django-axes per username + IP and per IP. The message is the same whether the
  user exists or not.
"""

import datetime
import logging

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts
from django import forms
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponse
from django.http.response import HttpResponseBase
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
            politica = (
                settings.RED_CSP_ADMIN_INGRESO
                if _empieza_con(request, settings.RED_RUTAS_ADMIN_SIN_SCRIPT_EN_LINEA)
                else settings.RED_CSP_ADMIN
            )
            return PolicyParts(config=politica, nonce=parts.nonce)
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


def envios_agotados(request, grupo, maximo, ventana, metodo="POST"):
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
        method=metodo,
        increment=True,
    )


# Admin login throttling: django-axes (database handler) --------------------


def usuario_de_ingreso(request, credentials):
    """AXES_USERNAME_CALLABLE: the username as counted, whatever its case or spaces."""
    usuario = (credentials or {}).get("username") or request.POST.get("username") or ""
    return usuario.strip().lower()


def ventana_de_ingreso(request=None):
    """AXES_COOLOFF_TIME: failures older than INGRESO_VENTANA_SEGUNDOS no longer count."""
    return datetime.timedelta(seconds=settings.RED_INGRESO_VENTANA_SEGUNDOS)


def limite_de_ingreso(request=None, credentials=None):
    """AXES_FAILURE_LIMIT: the per username + IP limit (see ManejadorIngreso for the IP's)."""
    return settings.RED_INGRESO_MAX_INTENTOS


def respuesta_de_bloqueo(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the login page itself says why (FormularioIngreso).

    axes answers the failure that reaches the limit with its own page; ours is
    the form's error, shown from the next attempt on, as before axes.
    """
    if isinstance(original_response, HttpResponseBase):
        return original_response
    return HttpResponse(FormularioIngreso.error_messages["demasiados_intentos"], status=429)


class ManejadorIngreso(AxesDatabaseHandler):
    """axes' database handler with one limit per lockout parameter.

    AXES_LOCKOUT_PARAMETERS counts username + IP and IP alone, but axes compares
    the larger count with a single AXES_FAILURE_LIMIT. Here each count is
    measured against its own limit (INGRESO_MAX_INTENTOS, INGRESO_MAX_INTENTOS_IP)
    and the failures reported are those of the one closest to it, on the scale of
    AXES_FAILURE_LIMIT: locked when either count reached its limit.
    """

    def get_failures(self, request, credentials=None):
        limite = settings.RED_INGRESO_MAX_INTENTOS
        limites = (limite, settings.RED_INGRESO_MAX_INTENTOS_IP)
        intentos = self.get_user_attempts(request, credentials)
        quedan = min(
            tope - (fallos.aggregate(n=Sum("failures_since_start"))["n"] or 0)
            for fallos, tope in zip(intentos, limites, strict=True)
        )
        return limite - quedan


class FormularioIngreso(LoginForm):
    """Wagtail's login form; django-axes counts the failures, this form says so."""

    error_messages = {
        **LoginForm.error_messages,
        "demasiados_intentos": _(
            "Hubo demasiados intentos fallidos de ingreso. Espere unos minutos e intente de nuevo."
        ),
    }

    def clean(self):
        credenciales = {"username": self.data.get("username")}
        if self.request is not None and not AxesProxyHandler.is_allowed(self.request, credenciales):
            # No password is checked while throttled, so the answer says nothing
            # about whether the account exists or the password was right.
            logger.warning("Ingreso bloqueado por demasiados intentos fallidos")
            raise forms.ValidationError(
                self.error_messages["demasiados_intentos"], code="demasiados_intentos"
            )
        return super().clean()
