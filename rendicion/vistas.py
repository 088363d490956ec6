"""What the program page shows: headline, charts and the filtered list of commitments.

A fixed number of queries whatever the number of commitments: one for the counts,
one for the filtered list, one for the comunas of the filter, two for the map
(docs/rendicion.md).
"""

from collections import Counter

from django import forms
from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from red.models import Comuna

from .graficos import barras
from .mapa import mapa_del_programa
from .models import COLORES_ESTADO, CompromisoPage, Estado


class FiltroCompromisos(forms.Form):
    eje = forms.CharField(label=_("Eje"), required=False, max_length=120)
    estado = forms.ChoiceField(
        label=_("Estado"), required=False, choices=[("", _("Todos"))] + list(Estado.choices)
    )
    comuna = forms.CharField(label=_("Comuna"), required=False, max_length=5)
    q = forms.CharField(label=_("Texto"), required=False, max_length=100)


def contar(compromisos):
    """Counts for the headline and charts, from (eje, estado) pairs."""
    por_estado = Counter(e for _eje, e in compromisos)
    ejes = {}
    for eje, estado in compromisos:
        ejes.setdefault(eje, Counter())[estado] += 1
    return por_estado, ejes


FILTROS = ("eje", "estado", "comuna", "q")


def clave_de_filtros(request):
    """The part of the fragment key that the query string decides: the filters' raw
    values (the form shows them back), nothing else of the query string."""
    datos = request.GET if request is not None else {}
    return repr([datos.get(nombre, "")[:120] for nombre in FILTROS])


def datos_del_programa(programa, request, filtrar=True):
    """The program's figures, computed only when a template reads them: inside the
    page's `{% fragmento %}`, so never when the fragment is kept nor by the routes
    (cambios, seguir) that don't show them."""
    return SimpleLazyObject(lambda: contexto_programa(programa, request, filtrar))


def contexto_programa(programa, request, filtrar=True):
    base = CompromisoPage.objects.child_of(programa).live().public()
    pares = list(base.values_list("eje", "estado"))
    por_estado, por_eje = contar(pares)
    total = len(pares)
    cumplidos = por_estado.get(Estado.CUMPLIDO, 0)
    ejes = sorted(por_eje)
    filas_estado = [
        (etiqueta, por_estado.get(valor, 0), COLORES_ESTADO[valor])
        for valor, etiqueta in Estado.choices
    ]
    filas_eje = [
        (eje, por_eje[eje].get(Estado.CUMPLIDO, 0), sum(por_eje[eje].values())) for eje in ejes
    ]
    contexto = {
        "total": total,
        "cumplidos": cumplidos,
        "sin_informacion": por_estado.get(Estado.SIN_INFORMACION, 0),
        "filas_estado": filas_estado,
        "filas_eje": filas_eje,
        "grafico_estado": barras(
            [(f[0], f[1], f[1], f[2]) for f in filas_estado],
            total,
            _("Compromisos por estado"),
            "grafico-estado",
        ),
        "grafico_eje": barras(
            [(f[0], f[1], f[2], COLORES_ESTADO[Estado.CUMPLIDO]) for f in filas_eje],
            max((f[2] for f in filas_eje), default=0),
            _("Compromisos cumplidos por eje"),
            "grafico-eje",
        ),
    }
    if not filtrar:
        contexto["compromisos"] = base.order_by("eje", "numero").values(
            "title", "eje", "numero", "estado", "avance"
        )
        return contexto
    datos = request.GET if request is not None else {}
    form = FiltroCompromisos(datos)
    form.fields["eje"].widget = forms.Select(choices=[("", _("Todos"))] + [(e, e) for e in ejes])
    comunas = list(Comuna.objects.all().values_list("cut", "nombre"))
    form.fields["comuna"].widget = forms.Select(choices=[("", _("Todas"))] + comunas)
    form.is_valid()
    filtro = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    qs = base
    if filtro.get("eje"):
        qs = qs.filter(eje=filtro["eje"])
    if filtro.get("estado"):
        qs = qs.filter(estado=filtro["estado"])
    if filtro.get("comuna"):
        qs = qs.filter(Q(toda_la_region=True) | Q(comunas__cut=filtro["comuna"])).distinct()
    if filtro.get("q"):
        qs = qs.filter(Q(title__icontains=filtro["q"]) | Q(promesa__icontains=filtro["q"]))
    url = programa.url
    etiquetas = dict(Estado.choices)
    compromisos = [
        {**c, "url": f"{url}{c['slug']}/", "estado_nombre": etiquetas.get(c["estado"], "")}
        for c in qs.order_by("eje", "numero").values(
            "title", "slug", "eje", "numero", "estado", "avance"
        )
    ]
    contexto.update(
        {
            "form": form,
            "compromisos": compromisos,
            "filtrado": any(filtro.values()),
            "mapa": mapa_del_programa(programa, base),
            "guia": programa.guia(),
        }
    )
    return contexto


def contexto_compromiso(compromiso):
    """What a commitment's page shows besides its own fields."""
    return {
        "historial": compromiso.cambios.select_related(
            "evidencia_documento", "evidencia_conjunto", "corrige"
        ).order_by("-fecha", "-sort_order", "-pk"),
        "programa": compromiso.get_parent().specific,
        "comunas": list(compromiso.comunas.all()),
        "relacionadas": [
            (_("Prácticas relacionadas"), list(compromiso.practicas.live().public())),
            (_("Herramientas relacionadas"), list(compromiso.herramientas.live().public())),
            (_("Eventos relacionados"), list(compromiso.eventos.live().public())),
        ],
    }
