"""Wagtail admin of the catastro: organizations by comuna, verify and reject, kinds.

Every view reads organizations through `permisos.visibles_para` or checks
`permisos.puede` on the object: an editor of another comuna's municipality gets
a 404 (list, detail, edit, delete, history, usage, verify, reject), whatever the
address they type or POST to.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from red.models import Comuna

from .estados import CambioNoPermitido, rechazar, verificar
from .forms import RechazoForm, VerificacionForm, rut_valido
from .importar_admin import ImportarOrganizaciones
from .models import EstadoOrganizacion, Organizacion, OrigenOrganizacion, TipoOrganizacion
from .permisos import PoliticaOrganizaciones, comunas_del_usuario, puede, visibles_para


class OrganizacionAdminForm(WagtailAdminModelForm):
    """Edit form: the RUT is checked; a municipality chooses only its own comuna."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comunas = comunas_del_usuario(self.for_user)
        if comunas is not None and "comuna" in self.fields:
            self.fields["comuna"].queryset = Comuna.objects.filter(pk__in=comunas)

    def clean_rut(self):
        rut = rut_valido(self.cleaned_data["rut"])
        otras = Organizacion.objects.filter(rut=rut).exclude(pk=self.instance.pk)
        if otras.exists():
            raise ValidationError(_("Ya hay otra organización con ese RUT."), code="unique")
        return rut

    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.origen = OrigenOrganizacion.ADMINISTRACION
        return super().save(commit)

    def _save_m2m(self):
        super()._save_m2m()
        # The comuna of domicile is always one of the comunas where it works.
        self.instance.comunas.add(self.instance.comuna)


class PorComuna:
    """Mixin of the object views: an organization of another comuna does not exist here."""

    def get_object(self, *args, **kwargs):
        objeto = super().get_object(*args, **kwargs)
        if not puede(self.request.user, "view", objeto):
            raise Http404
        return objeto


class IndexOrganizaciones(generic.IndexView):
    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Importar un registro municipal"),
                url=reverse("organizaciones:importar"),
                icon_name="upload",
            ),
        ]

    def get_base_queryset(self):
        return visibles_para(self.request.user, super().get_base_queryset()).select_related(
            "tipo", "comuna"
        )


class EditOrganizacion(PorComuna, generic.EditView):
    pass


class DeleteOrganizacion(PorComuna, generic.DeleteView):
    pass


class HistoryOrganizacion(PorComuna, HistoryView):
    pass


class UsageOrganizacion(PorComuna, UsageView):
    pass


class InspectOrganizacion(PorComuna, generic.InspectView):
    """The organization with its contact and the verify and reject forms."""

    def puede_revisar(self):
        return puede(self.request.user, "verificar", self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form_verificar", VerificacionForm(user=self.request.user))
        context.setdefault("form_rechazar", RechazoForm())
        context["puede_revisar"] = self.puede_revisar()
        context["puede_rechazar"] = self.object.estado != EstadoOrganizacion.RECHAZADA
        return context

    def get_rut_display_value(self):
        return self.object.rut_formateado

    def get_comunas_display_value(self):
        return ", ".join(c.nombre for c in self.object.comunas.all()) or "—"

    def get_verificada_por_display_value(self):
        usuario = self.object.verificada_por
        return (usuario.get_full_name() or usuario.get_username()) if usuario else "—"

    def get_evidencia_display_value(self):
        return self.object.evidencia.title if self.object.evidencia else "—"


class RevisarOrganizacion(InspectOrganizacion):
    """POST only: verify or reject. Refusals answer 404 (other comuna) or 403 / 422."""

    http_method_names = ["post"]
    accion = None  # "verificar" or "rechazar"

    def post(self, request, *args, **kwargs):
        if not self.puede_revisar():
            raise PermissionDenied
        if self.accion == "verificar":
            form = VerificacionForm(request.POST, user=request.user)
        else:
            form = RechazoForm(request.POST)
        if not form.is_valid():
            return self._rechazo(form, 422)
        datos = form.cleaned_data
        if self.accion == "verificar":
            verificar(
                self.object,
                request.user,
                datos["evidencia_nota"],
                datos["evidencia"],
                datos["directiva_vence"],
            )
            messages.success(request, _("Organización verificada."))
        else:
            try:
                rechazar(self.object, request.user, datos["motivo_rechazo"])
            except CambioNoPermitido:
                messages.error(
                    request, _("La organización ya estaba rechazada: no se cambió nada.")
                )
                return self._rechazo(form, 409)
            messages.success(
                request, _("Organización rechazada: se envió el motivo a su representante.")
            )
        return redirect(reverse("organizaciones:inspect", args=[self.object.pk]))

    def _rechazo(self, form, status):
        nombre = "form_verificar" if self.accion == "verificar" else "form_rechazar"
        respuesta = self.render_to_response(self.get_context_data(**{nombre: form}))
        respuesta.status_code = status
        return respuesta


class OrganizacionViewSet(ModelViewSet):
    model = Organizacion
    icon = "group"
    menu_label = _("Catastro de organizaciones")
    menu_order = 260
    add_to_admin_menu = True
    name = "organizaciones"
    url_prefix = "organizaciones"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("nombre"),
                    FieldPanel("rut"),
                    FieldPanel("tipo"),
                    FieldPanel("comuna"),
                    FieldPanel("comunas", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("descripcion"),
                ],
                heading=_("La organización (público)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("registro"),
                    FieldPanel("numero_registro"),
                    FieldPanel("directiva_vence"),
                    FieldPanel("miembro"),
                ],
                heading=_("Registro (público)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("contacto_nombre"),
                    FieldPanel("contacto_email"),
                    FieldPanel("contacto_telefono"),
                ],
                heading=_("Representante (privado)"),
            ),
        ],
        base_form_class=OrganizacionAdminForm,
    )
    list_display = [
        "nombre",
        Column("rut", label=_("RUT"), accessor="rut_formateado"),
        Column("tipo", label=_("Tipo"), accessor="tipo"),
        Column("comuna", label=_("Comuna"), accessor="comuna"),
        Column("estado", label=_("Estado"), accessor="get_estado_display"),
    ]
    list_filter = ["estado", "tipo", "comuna"]
    search_fields = ["nombre", "rut", "nombre_busqueda"]
    search_backend_name = None  # database lookups: organizations are not in the search index
    ordering = ["nombre_busqueda"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_template_name = "organizaciones/admin/inspect.html"
    inspect_view_fields = [
        "nombre",
        "rut",
        "tipo",
        "comuna",
        "comunas",
        "descripcion",
        "registro",
        "numero_registro",
        "directiva_vence",
        "contacto_nombre",
        "contacto_email",
        "contacto_telefono",
        "consentimiento",
        "estado",
        "verificada_por",
        "verificada_por_entidad",
        "verificada",
        "evidencia",
        "evidencia_nota",
        "motivo_rechazo",
        "motivo_vencimiento",
        "origen",
        "miembro",
        "creada",
    ]
    index_view_class = IndexOrganizaciones
    edit_view_class = EditOrganizacion
    delete_view_class = DeleteOrganizacion
    history_view_class = HistoryOrganizacion
    usage_view_class = UsageOrganizacion
    inspect_view_class = InspectOrganizacion

    def _revisar(self, accion):
        return self.construct_view(
            RevisarOrganizacion, **self.get_inspect_view_kwargs(accion=accion)
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("inspect/<str:pk>/verificar/", self._revisar("verificar"), name="verificar"),
            path("inspect/<str:pk>/rechazar/", self._revisar("rechazar"), name="rechazar"),
            path("importar/", ImportarOrganizaciones.as_view(), name="importar"),
        ]


class PoliticaTipos(ModelPermissionPolicy):
    """The list of kinds is the coordination's."""

    def user_has_permission(self, user, action):
        return comunas_del_usuario(user) is None

    def user_has_any_permission(self, user, actions):
        return comunas_del_usuario(user) is None


class TipoOrganizacionViewSet(ModelViewSet):
    model = TipoOrganizacion
    icon = "tag"
    menu_label = _("Tipos de organización")
    add_to_settings_menu = True
    name = "tipos_organizacion"
    url_prefix = "tipos-organizacion"
    form_fields = ["nombre", "nombre_en", "slug", "orden"]
    list_display = ["nombre", "nombre_en", "orden"]
    copy_view_enabled = False


register_permission_policy(Organizacion, PoliticaOrganizaciones(Organizacion))
register_permission_policy(TipoOrganizacion, PoliticaTipos(TipoOrganizacion))


@hooks.register("register_admin_viewset")
def registrar_organizaciones():
    return OrganizacionViewSet()


@hooks.register("register_admin_viewset")
def registrar_tipos():
    return TipoOrganizacionViewSet()


@hooks.register("register_log_actions")
def acciones_del_catastro(actions):
    actions.register_action(
        "organizaciones.registrada", _("Organización registrada"), _("Registrada")
    )
    actions.register_action(
        "organizaciones.verificada", _("Organización verificada"), _("Verificada")
    )
    actions.register_action("organizaciones.rechazada", _("Organización rechazada"), _("Rechazada"))
    actions.register_action("organizaciones.vencida", _("Organización vencida"), _("Vencida"))
    actions.register_action("organizaciones.importada", _("Organización importada"), _("Importada"))
