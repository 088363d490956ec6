"""Admin for organizers: the registrations of their own events, CSV/XLSX export and attendance.

Who sees a registration follows the page tree: a user sees the registrations of
the events whose page they can edit (the owning member's editors and the
network's coordination, who edit every member). Nobody can add or delete
registrations here; only attendance is editable.
"""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.views.generic import EditView, HistoryView, IndexView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from nucleo.exportar import celda_segura

from .models import EventoPage, Inscripcion

ACCIONES_PERMITIDAS = {"view", "change"}
# Characters that make a spreadsheet read a cell as a formula (CSV injection).


def eventos_editables(user):
    """The events whose page this user can edit."""
    if not user.is_active:
        return EventoPage.objects.none()
    if user.is_superuser:
        return EventoPage.objects.all()
    paginas = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return EventoPage.objects.filter(pk__in=paginas.values("pk"))


class InscripcionPermissionPolicy(BasePermissionPolicy):
    """Registrations are visible and editable only through the events one can edit."""

    def user_has_permission(self, user, action):
        return action in ACCIONES_PERMITIDAS and eventos_editables(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            action in ACCIONES_PERMITIDAS
            and eventos_editables(user).filter(pk=instance.evento_id).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not ACCIONES_PERMITIDAS.intersection(actions):
            return Inscripcion.objects.none()
        return Inscripcion.objects.filter(evento__in=eventos_editables(user).values("pk"))

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)


politica = InscripcionPermissionPolicy(Inscripcion)
register_permission_policy(Inscripcion, politica, exact_class=True)


class InscripcionIndexView(IndexView):
    def get_base_queryset(self):
        return (
            politica.instances_user_has_any_permission_for(self.request.user, ["view"])
            .select_related("evento", "miembro", "comuna")
            .order_by("-evento__inicio", "creada", "pk")
        )

    def preprocess_field_value(self, field, value, export_format):
        return celda_segura(super().preprocess_field_value(field, value, export_format))


class InscripcionEditView(EditView):
    def get_queryset(self):
        # Other events' registrations answer 404, not a form.
        return politica.instances_user_has_any_permission_for(self.request.user, ["change"])


class SoloPropiasMixin:
    """History and usage views look the object up here: other events' answer 404."""

    def get_base_object_queryset(self):
        return politica.instances_user_has_any_permission_for(self.request.user, ["view"])


class InscripcionHistoryView(SoloPropiasMixin, HistoryView):
    pass


class InscripcionUsageView(SoloPropiasMixin, UsageView):
    pass


class InscripcionViewSet(ModelViewSet):
    model = Inscripcion
    icon = "group"
    menu_label = _("Inscripciones")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    index_view_class = InscripcionIndexView
    edit_view_class = InscripcionEditView
    history_view_class = InscripcionHistoryView
    usage_view_class = InscripcionUsageView
    list_display = ["nombre", "email", "evento", "estado", "asistio", "creada"]
    list_filter = ["estado", "asistio"]
    search_fields = ["nombre", "email", "organizacion"]
    list_export = [
        "evento",
        "nombre",
        "email",
        "nombre_organizacion",
        "comuna",
        "get_tipo_participante_display",
        "necesidades_accesibilidad",
        "get_estado_display",
        "asistio",
        "creada",
    ]
    export_headings = {
        "nombre_organizacion": _("Organización"),
        "get_tipo_participante_display": _("Tipo de participante"),
        "get_estado_display": _("Estado"),
    }
    export_filename = "inscripciones"
    panels = [
        HelpPanel(
            content=_(
                "Marque la asistencia después del evento. Los demás datos los ingresó la "
                "persona y no se pueden cambiar aquí."
            )
        ),
        FieldPanel("asistio"),
    ]

    def get_permissions_to_register(self):
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def registrar_inscripciones():
    return InscripcionViewSet("inscripciones")


@hooks.register("miembro_secciones")
def eventos_del_miembro(miembro, request):
    from .calendario import con_confirmadas, eventos_publicos, preparar

    eventos = preparar(
        con_confirmadas(
            eventos_publicos(miembro.locale).child_of(miembro).select_related("comuna")
        ).order_by("-inicio")[:6]
    )
    if not eventos:
        return None
    return {"template": "eventos/includes/miembro.html", "context": {"eventos": eventos}}
