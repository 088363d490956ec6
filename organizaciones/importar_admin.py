"""The import of a municipal registry from the admin: the same rules as
`importar_organizaciones` (organizaciones/importar.py), for editors who have no shell.

A first submission only checks the file and shows what would change or every
error by line and field; the editor sends it again with «Guardar» ticked to save.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from red.models import Comuna

from .importar import ImportacionNoPermitida, importar
from .permisos import comunas_del_usuario

TAMANO_MAXIMO = 2 * 1024 * 1024  # a registry of a few thousand rows weighs far less


class ImportacionForm(forms.Form):
    archivo = forms.FileField(
        label=_("Archivo CSV del registro municipal"),
        help_text=_(
            "Separado por comas o punto y coma, en UTF-8 o Latin-1, con la fila de "
            "encabezados: rut, nombre, tipo y, si los tiene, registro, numero_registro, "
            "directiva_vence, descripcion, contacto_nombre, contacto_email, "
            "contacto_telefono, comunas. Máximo 2 MB."
        ),
    )
    comuna = forms.ModelChoiceField(label=_("Comuna del registro"), queryset=Comuna.objects.none())
    guardar = forms.BooleanField(
        label=_("Guardar si no hay errores"),
        required=False,
        help_text=_("Sin marcar, solo se revisa el archivo y no se guarda nada."),
    )

    def __init__(self, *args, comunas=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Comuna.objects.all()
        self.fields["comuna"].queryset = qs if comunas is None else qs.filter(pk__in=comunas)
        if comunas is not None and len(comunas) == 1:
            self.fields["comuna"].initial = next(iter(comunas))

    def clean_archivo(self):
        archivo = self.cleaned_data["archivo"]
        if archivo.size > TAMANO_MAXIMO:
            raise forms.ValidationError(_("El archivo pesa más de 2 MB: divídalo en partes."))
        if not archivo.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Suba un archivo .csv (exportado desde su planilla)."))
        return archivo


class ImportarOrganizaciones(WagtailAdminTemplateMixin, FormView):
    form_class = ImportacionForm
    template_name = "organizaciones/admin/importar.html"
    page_title = _("Importar un registro municipal")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.comunas = comunas_del_usuario(request.user)
        if self.comunas is not None and not self.comunas:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Inicio")},
            {"url": reverse("organizaciones:index"), "label": _("Catastro de organizaciones")},
            {"url": "", "label": self.page_title},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "comunas": self.comunas}

    def form_valid(self, form):
        datos = form.cleaned_data
        try:
            resultado = importar(
                datos["archivo"].read(),
                datos["comuna"],
                self.request.user,
                guardar=datos["guardar"],
                nombre_archivo=datos["archivo"].name,
            )
        except ImportacionNoPermitida:
            raise PermissionDenied from None
        if resultado.guardado:
            messages.success(
                self.request,
                _gettext("Registro importado: %(creadas)s nuevas y %(actualizadas)s actualizadas.")
                % {"creadas": resultado.creadas, "actualizadas": resultado.actualizadas},
            )
            return redirect("organizaciones:index")
        respuesta = self.render_to_response(
            self.get_context_data(form=form, resultado=resultado, revisado=True)
        )
        respuesta.status_code = 422 if resultado.errores else 200
        return respuesta
