"""Admin view: export and import a program's commitments as CSV (its owners only)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .csv_programa import exportar, importar
from .models import ProgramaPage


class ImportarForm(forms.Form):
    archivo = forms.FileField(label=_("Archivo CSV"))
    probar = forms.BooleanField(label=_("Solo probar, sin guardar"), required=False, initial=True)


def _programa_editable(request, pk):
    programa = get_object_or_404(ProgramaPage, pk=pk)
    if not programa.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return programa


def exportar_csv(request, pk):
    programa = _programa_editable(request, pk)
    respuesta = HttpResponse(exportar(programa), content_type="text/csv; charset=utf-8")
    respuesta["Content-Disposition"] = f'attachment; filename="{programa.slug}.csv"'
    return respuesta


def importar_csv(request, pk):
    programa = _programa_editable(request, pk)
    resultado = None
    form = ImportarForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        probar = form.cleaned_data["probar"]
        errores, creados, actualizados = importar(
            programa, form.cleaned_data["archivo"], guardar=not probar
        )
        resultado = {
            "errores": errores,
            "creados": creados,
            "actualizados": actualizados,
            "probar": probar,
        }
    return TemplateResponse(
        request,
        "rendicion/admin/importar.html",
        {"programa": programa, "form": form, "resultado": resultado},
    )
