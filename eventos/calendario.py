"""The calendar at `/eventos/`: upcoming events first, the archive, filters and places left.

Filters are allowlisted: an unknown kind, modality, comuna or axis is ignored,
never an error. Places left come from one annotated subquery, so the number of
queries does not grow with the number of events listed.
"""

import functools

from django import forms
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from nucleo.cache import en_cache
from nucleo.consultas import ListaPerezosa, sin_restricciones
from nucleo.traduccion import en_idioma_de_cada_uno, idioma_actual, uno_por_clave
from practicas.models import Eje
from red.models import Comuna, MiembroPage

from .models import EstadoInscripcion, EventoPage, Inscripcion, Modalidad, TipoEvento

POR_PAGINA = 12
TIEMPO_EN_CACHE = 300


def eventos_publicos(locale=None):
    qs = EventoPage.objects.live().filter(sin_restricciones())
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def con_confirmadas(qs):
    """Annotates `n_confirmadas_anotadas`: confirmed registrations of the event in any language."""
    confirmadas = (
        Inscripcion.objects.filter(
            evento__translation_key=OuterRef("translation_key"),
            estado=EstadoInscripcion.CONFIRMADA,
        )
        .order_by()
        .values("evento__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return qs.annotate(
        n_confirmadas_anotadas=Coalesce(
            Subquery(confirmadas, output_field=IntegerField()), Value(0)
        )
    )


def preparar(eventos):
    """Gives each event its places left, organizer, comuna and axes without extra queries each."""
    eventos = list(eventos)
    prefetch_related_objects(eventos, "ejes")
    padres = {e.path[: -EventoPage.steplen] for e in eventos}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=padres)}
    for evento in eventos:
        evento.n_confirmadas = evento.n_confirmadas_anotadas
        evento.organizador = miembros.get(evento.path[: -EventoPage.steplen])
        evento.lista_ejes = list(evento.ejes.all())
    en_idioma_de_cada_uno(eventos, "lista_ejes")
    return eventos


class FiltroCalendarioForm(forms.Form):
    tipo = forms.ChoiceField(
        label=_("Tipo"), required=False, choices=[("", _("Todos"))] + TipoEvento.choices
    )
    modalidad = forms.ChoiceField(
        label=_("Modalidad"), required=False, choices=[("", _("Todas"))] + Modalidad.choices
    )
    comuna = forms.ChoiceField(label=_("Comuna"), required=False)
    eje = forms.ChoiceField(label=_("Eje"), required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comuna"].choices = [("", _("Todas")), *_opciones_comunas()]
        self.fields["eje"].choices = [("", _("Todos")), *_opciones_ejes(locale)]


def _opciones_comunas():
    """The comunas that have events, kept until something is published."""
    return en_cache(
        "calendario-comunas",
        lambda: [
            (c.cut, c.nombre) for c in Comuna.objects.filter(eventos__isnull=False).distinct()
        ],
    )


def _opciones_ejes(locale):
    def calcular():
        ejes = uno_por_clave(Eje.objects.all(), "slug", locale)
        return [(e.slug, e.nombre) for e in ejes.values()]

    return en_cache("calendario-ejes", calcular, getattr(locale, "pk", None), idioma_actual())


def valores_validos(datos, locale):
    """The filters of the query string, only with values the form offers: whatever
    is not in the allowlist is dropped (read from kept lists, without building the form)."""
    permitidos = {
        "tipo": TipoEvento.values,
        "modalidad": Modalidad.values,
        "comuna": [cut for cut, _nombre in _opciones_comunas()],
        "eje": [slug for slug, _nombre in _opciones_ejes(locale)],
    }
    return {
        nombre: datos[nombre]
        for nombre, validos in permitidos.items()
        if datos.get(nombre) and datos[nombre] in validos
    }


def filtrar(qs, valores):
    if valores.get("tipo"):
        qs = qs.filter(tipo=valores["tipo"])
    if valores.get("modalidad"):
        qs = qs.filter(modalidad=valores["modalidad"])
    if valores.get("comuna"):
        qs = qs.filter(comuna__cut=valores["comuna"])
    if valores.get("eje"):
        qs = qs.filter(ejes__slug=valores["eje"]).distinct()
    return qs


def contexto_calendario(indice, request):
    archivo = request.GET.get("archivo") == "1"
    valores = valores_validos(request.GET, indice.locale)
    ahora = timezone.now()
    # Which events are upcoming changes with the clock: kept counts and cards
    # carry a five-minute slot, like the page cache's five minutes. The cards
    # show places left: their fragment is marked `cupos=True` (the template).
    franja = int(ahora.timestamp()) // TIEMPO_EN_CACHE

    @functools.cache
    def eventos():
        # Built only when the count or the cards are not kept, and once.
        qs = eventos_publicos(indice.locale)
        qs = (
            qs.filter(fin__lt=ahora).order_by("-inicio")
            if archivo
            else qs.filter(fin__gte=ahora).order_by("inicio")
        )
        return con_confirmadas(filtrar(qs, valores)).select_related("comuna")

    paginator = Paginator(ListaPerezosa(eventos), POR_PAGINA)
    paginator.count = en_cache(
        "calendario-total",
        lambda: eventos().count(),
        indice.pk,
        archivo,
        sorted(valores.items()),
        franja,
        segundos=TIEMPO_EN_CACHE,
    )
    pagina = paginator.get_page(request.GET.get("page"))
    extra = request.GET.copy()
    extra.pop("page", None)
    for clave in list(extra):
        if clave not in valores and clave != "archivo":
            extra.pop(clave)
    return {
        # Drawn only when the kept filter fragment is missing.
        "filtro": SimpleLazyObject(
            lambda: FiltroCalendarioForm(request.GET or None, locale=indice.locale)
        ),
        "filtro_activo": bool(valores),
        "archivo": archivo,
        "pagina_eventos": pagina,
        # Read only when the template's kept fragment of cards is missing.
        "eventos": SimpleLazyObject(lambda: preparar(pagina.object_list)),
        "consulta_sin_pagina": extra.urlencode(),
        "franja": franja,
    }
