"""The plain-language (lenguaje claro) panel of the page editor and its JSON endpoint.

Add it to a page model's ``content_panels``::

    from nucleo.panels import panel_lenguaje_claro

    content_panels = [..., panel_lenguaje_claro(["resumen", "body"])]

On load the panel analyses the page as it is being edited (the latest saved
revision, which is also what a reviewer sees in moderation); while the editor
types, static/js/lenguaje-claro-admin.js sends the text of each field to
``analizar_texto`` and replaces that field's result.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.panels import Panel
from wagtail.permission_policies.pages import PagePermissionPolicy

from .lenguaje_claro import (
    EXPLICACION_FERNANDEZ_HUERTA,
    EXPLICACION_SZIGRISZT,
    analizar,
    terminos_de_jerga,
    texto_de_valor,
)

PLANTILLA_RESULTADO = "home/panels/lenguaje_claro_resultado.html"
MAX_CARACTERES = 200_000


class LenguajeClaroPanel(Panel):
    """Readability scores and hints for some text fields of the page being edited."""

    def __init__(self, campos=(), **kwargs):
        kwargs.setdefault("heading", _("Lenguaje claro"))
        kwargs.setdefault("icon", "glasses")
        super().__init__(**kwargs)
        self.campos = list(campos)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "campos": self.campos}

    def on_model_bound(self):
        for nombre in self.campos:
            self.model._meta.get_field(nombre)  # a typo fails at start-up, not in the editor

    def etiqueta(self, nombre):
        try:
            return str(self.model._meta.get_field(nombre).verbose_name)
        except FieldDoesNotExist:
            return nombre

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/lenguaje_claro.html"

        class Media:
            js = ["js/lenguaje-claro-admin.js"]
            css = {"all": ["css/lenguaje-claro-admin.css"]}

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            terminos = terminos_de_jerga()
            context["resultados"] = [
                {
                    "campo": nombre,
                    "etiqueta": self.panel.etiqueta(nombre),
                    "analisis": analizar(
                        texto_de_valor(getattr(self.instance, nombre, None)), terminos
                    ),
                }
                for nombre in self.panel.campos
            ]
            context["url"] = reverse("lenguaje_claro_analizar")
            context["explicacion_fh"] = EXPLICACION_FERNANDEZ_HUERTA
            context["explicacion_sp"] = EXPLICACION_SZIGRISZT
            return context


def panel_lenguaje_claro(campos, **kwargs):
    """The panel for the given field names (text, rich text or StreamField)."""
    return LenguajeClaroPanel(campos=campos, **kwargs)


class FormularioAnalisis(forms.Form):
    texto = forms.CharField(required=False, max_length=MAX_CARACTERES, strip=False)
    etiqueta = forms.CharField(required=False, max_length=200)


def puede_editar_paginas(user):
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


@require_POST
def analizar_texto(request):
    """POST texto (and etiqueta, the field's label) → scores, hints and the panel's HTML."""
    if not puede_editar_paginas(request.user):
        return JsonResponse(
            {"error": _gettext("No tiene permiso para editar páginas.")}, status=403
        )
    formulario = FormularioAnalisis(request.POST)
    if not formulario.is_valid():
        return JsonResponse({"error": formulario.errors.get_json_data()}, status=400)
    analisis = analizar(formulario.cleaned_data["texto"], terminos_de_jerga())
    html = render_to_string(
        PLANTILLA_RESULTADO,
        {"analisis": analisis, "etiqueta": formulario.cleaned_data["etiqueta"]},
        request=request,
    )
    return JsonResponse({**analisis.como_dict(), "html": html})
