"""Wagtail admin of the network: applications to join, member set-up and audit-log actions."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import AprobacionForm, RechazoForm
from .grupos import asegurar_flujo_revision, configurar_miembro
from .models import MiembroPage, RedIndexPage
from .solicitudes import SolicitudIngreso, SolicitudYaRevisada, aprobar, rechazar

PERMISO_REVISAR = "red.revisar_solicitudingreso"

# --- Applications to join: list, detail, approve and reject --------------------


class InspectSolicitudView(InspectView):
    """The application with the approve and reject forms (while it is pending)."""

    def puede_revisar(self):
        return self.request.user.has_perm(PERMISO_REVISAR)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form_aprobar", AprobacionForm())
        context.setdefault("form_rechazar", RechazoForm())
        context["puede_revisar"] = self.object.pendiente and self.puede_revisar()
        return context

    def get_comunas_display_value(self):
        return ", ".join(c.nombre for c in self.object.comunas.all()) or "-"

    def get_rut_display_value(self):
        return self.object.rut_formateado

    def get_consentimiento_display_value(self):
        return (
            _("Sí, lo autorizó al enviar la solicitud") if self.object.consentimiento else _("No")
        )

    def get_revisada_por_display_value(self):
        usuario = self.object.revisada_por
        return (usuario.get_full_name() or usuario.get_username()) if usuario else "—"

    def get_revisada_display_value(self):
        from django.utils.formats import date_format
        from django.utils.timezone import localtime

        revisada = self.object.revisada
        return date_format(localtime(revisada), "DATETIME_FORMAT") if revisada else "—"

    def get_miembro_display_value(self):
        return self.object.miembro.title if self.object.miembro else "—"

    def get_motivo_display_value(self):
        return self.object.motivo or "—"


class RevisarSolicitudView(InspectSolicitudView):
    """POST only: approve or reject. A refusal re-renders the detail with a 4xx."""

    http_method_names = ["post"]
    accion = None  # "aprobar" or "rechazar"

    def post(self, request, *args, **kwargs):
        if not self.puede_revisar():
            raise PermissionDenied
        form_class = AprobacionForm if self.accion == "aprobar" else RechazoForm
        form = form_class(request.POST)
        if not form.is_valid():
            return self._rechazo(form, status=422)
        try:
            if self.accion == "aprobar":
                solicitud = aprobar(self.object, request.user, form.cleaned_data["motivo"])
                messages.success(
                    request,
                    _(
                        "Solicitud aprobada: se creó la página de %(miembro)s, su grupo de "
                        "editores y su colección, y se envió la invitación a %(correo)s."
                    )
                    % {"miembro": solicitud.miembro.title, "correo": solicitud.contacto_email},
                )
            else:
                solicitud = rechazar(self.object, request.user, form.cleaned_data["motivo"])
                messages.success(
                    request,
                    _("Solicitud rechazada: se envió el motivo a %(correo)s.")
                    % {"correo": solicitud.contacto_email},
                )
        except SolicitudYaRevisada:
            self.object.refresh_from_db()
            messages.error(
                request,
                _("Otra persona de la Coordinación ya revisó esta solicitud: no se cambió nada."),
            )
            return self._rechazo(form, status=409)
        except RedIndexPage.DoesNotExist:
            messages.error(
                request,
                _("El sitio no tiene directorio de la Red (/red/): créelo antes de aprobar."),
            )
            return self._rechazo(form, status=409)
        return redirect(self.request.path.rsplit("/", 2)[0] + "/")

    def _rechazo(self, form, status):
        nombre = "form_aprobar" if self.accion == "aprobar" else "form_rechazar"
        respuesta = self.render_to_response(self.get_context_data(**{nombre: form}))
        respuesta.status_code = status
        return respuesta


class SolicitudIngresoViewSet(ModelViewSet):
    model = SolicitudIngreso
    icon = "group"
    menu_label = _("Solicitudes de ingreso")
    menu_order = 250
    add_to_admin_menu = True
    name = "solicitudes_ingreso"
    url_prefix = "solicitudes-ingreso"
    list_display = [
        "nombre",
        Column("tipo", label=_("Tipo"), accessor="get_tipo_display"),
        Column("rut", label=_("RUT"), accessor="rut_formateado"),
        Column("estado", label=_("Estado"), accessor="get_estado_display"),
        "creada",
    ]
    list_filter = ["estado", "tipo"]
    search_fields = ["nombre", "rut", "contacto_email", "contacto_nombre"]
    search_backend_name = None  # plain database lookups: applications are not in the search index
    ordering = ["-creada"]
    inspect_view_enabled = True
    inspect_view_class = InspectSolicitudView
    inspect_template_name = "red/admin/solicitud_inspect.html"
    inspect_view_fields = [
        "nombre",
        "tipo",
        "comunas",
        "rut",
        "contacto_nombre",
        "contacto_email",
        "que_compartir",
        "consentimiento",
        "estado",
        "creada",
        "revisada_por",
        "revisada",
        "motivo",
        "miembro",
    ]
    # Applications come from the public form only; their data is not edited here.
    form_fields = ["motivo"]
    copy_view_enabled = False

    def _revisar_view(self, accion):
        return self.construct_view(
            RevisarSolicitudView, **self.get_inspect_view_kwargs(accion=accion)
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("inspect/<int:pk>/aprobar/", self._revisar_view("aprobar"), name="aprobar"),
            path("inspect/<int:pk>/rechazar/", self._revisar_view("rechazar"), name="rechazar"),
        ]


@hooks.register("register_admin_viewset")
def registrar_solicitudes():
    return SolicitudIngresoViewSet()


@hooks.register("register_log_actions")
def acciones_de_la_red(actions):
    actions.register_action(
        "red.solicitud.recibida", _("Solicitud de ingreso recibida"), _("Solicitud recibida")
    )
    actions.register_action(
        "red.solicitud.aprobada", _("Solicitud de ingreso aprobada"), _("Solicitud aprobada")
    )
    actions.register_action(
        "red.solicitud.rechazada", _("Solicitud de ingreso rechazada"), _("Solicitud rechazada")
    )


# --- Members: their editor group and collection; the review workflow -----------


@hooks.register("after_create_page")
def configurar_pagina_nueva(request, page):
    if (
        isinstance(page.specific, MiembroPage)
        and page.locale.language_code == settings.LANGUAGE_CODE
    ):
        configurar_miembro(page.specific)
    elif isinstance(page.specific, RedIndexPage):
        asegurar_flujo_revision()


# --- Page chooser: nobody sees another member's drafts ---------------------------


@hooks.register("construct_page_chooser_queryset")
def ocultar_borradores_ajenos(pages, request):
    """Wagtail's chooser lists every page (to link to any of them), drafts included.

    Editors of a member keep the pages they may edit and the live pages of
    others. The chooser may search through the search backend, which filters
    only on indexed fields (`id`, `live`).
    """
    from django.db.models import Q
    from wagtail.permission_policies.pages import PagePermissionPolicy

    politica = PagePermissionPolicy()
    usuario = request.user
    raiz = politica.explorable_root_instance(usuario)
    if usuario.is_superuser or (raiz is not None and raiz.depth <= 1):
        return pages  # the coordination reviews everything
    editables = list(
        politica.instances_user_has_any_permission_for(
            usuario, ["add", "change", "publish"]
        ).values_list("pk", flat=True)
    )
    return pages.filter(Q(id__in=editables) | Q(live=True))
