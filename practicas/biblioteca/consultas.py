"""What the libraries list: the live, public pages, and what their cards show.

The cards read the member, axes, tags and more from each page; `preparar_*`
fetch all of it with a fixed number of queries, whatever the number of pages.
"""

from types import SimpleNamespace

from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects
from django.db.models.functions import Length, Substr
from wagtail.models import Locale, Page

from nucleo.cache import en_cache
from nucleo.consultas import sin_restricciones
from nucleo.traduccion import en_idioma_de_cada_uno
from practicas.models import HerramientaPage, PracticaPage, Replicacion
from red.models import MiembroPage


def _publicas(modelo, locale):
    qs = modelo.objects.live().filter(sin_restricciones())
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def practicas_publicas(locale=None):
    """Live, public practices (no view restriction on them or an ancestor)."""
    return _publicas(PracticaPage, locale)


def herramientas_publicas(locale=None):
    """Live, public tools."""
    return _publicas(HerramientaPage, locale)


def miembros_publicos(locale=None):
    """Live, public members (the tools library filters by them)."""
    return _publicas(MiembroPage, locale)


def solo_en_espanol(indice, request, publicos):
    """On a library in another language: how many of its items are only in Spanish,
    and the link to the Spanish library, so a visitor knows there is more.

    `publicos(locale)` lists the library's items. Kept until something is published:
    the Spanish library (every visit) must not pay a query for it.
    """

    def calcular():
        por_defecto = Locale.get_default()
        original = indice.get_translation_or_none(por_defecto)
        if indice.locale_id == por_defecto.pk or original is None or not original.live:
            return None
        traducidas = publicos(indice.locale).values("translation_key")
        n = publicos(por_defecto).exclude(translation_key__in=traducidas).count()
        return {"n": n, "url": original.get_url(request)} if n else None

    # False stands for "nothing to say": the cache cannot tell a kept None from a miss.
    aviso = en_cache("solo-en-espanol", lambda: calcular() or False, indice.pk, request.get_host())
    return aviso or None


def ligeros(objetos, *campos):
    """Plain copies of model rows with only `campos`, for what is kept in the cache
    and read back on every request: model instances are slow to unpickle."""
    return [SimpleNamespace(**{c: getattr(o, c) for c in campos}) for o in objetos]


def con_miembro(qs):
    """Annotates the path of the parent page (the member) and the member's kind."""
    qs = qs.annotate(ruta_miembro=Substr("path", 1, Length("path") - Page.steplen))
    return qs.annotate(
        tipo_miembro=Subquery(
            MiembroPage.objects.filter(path=OuterRef("ruta_miembro")).values("tipo")[:1]
        )
    )


def _preparar(paginas, *relaciones):
    """Attaches each page's member (its parent) in one query and prefetches
    `relaciones` into `lista_<name>` attributes; the axes in the visitor's language."""
    rutas = {p.path[: -Page.steplen] for p in paginas}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=rutas)}
    prefetch_related_objects(paginas, *(relacion for relacion, _lista in relaciones))
    for pagina in paginas:
        pagina.miembro = miembros.get(pagina.path[: -Page.steplen])
        for relacion, lista in relaciones:
            setattr(pagina, lista, list(getattr(pagina, relacion).all()))
    en_idioma_de_cada_uno(paginas, "lista_ejes")
    return paginas


def preparar_listado(practicas):
    """Attaches member, comunas, axes, tags and replication count with a fixed number
    of queries, whatever the number of practices."""
    practicas = list(practicas)
    if not practicas:
        return practicas
    replicas = dict(
        Replicacion.objects.filter(practica_id__in=[p.pk for p in practicas])
        .values("practica_id")
        .annotate(n=Count("id"))
        .values_list("practica_id", "n")
    )
    for practica in practicas:
        practica.n_replicaciones = replicas.get(practica.pk, 0)
    return _preparar(
        practicas,
        ("comunas", "lista_comunas"),
        ("ejes", "lista_ejes"),
        ("tags", "lista_etiquetas"),
    )


def preparar_herramientas(herramientas):
    """Attaches member, axes, tags and formats to tools with a fixed number of queries."""
    herramientas = list(herramientas)
    if not herramientas:
        return herramientas
    return _preparar(
        herramientas,
        ("ejes", "lista_ejes"),
        ("tags", "lista_etiquetas"),
        ("formatos", "lista_formatos"),
    )
