"""Helpers for a site whose content exists in Spanish and, page by page, in English.

Spanish is the source locale: listings are built from the Spanish pages (the
complete set) and each item is then swapped for its live translation in the
visitor's language when there is one, in a single query for the whole list.
"""

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .cache import en_cache
from .consultas import sin_restricciones


def idioma_actual():
    return translation.get_language() or settings.LANGUAGE_CODE


def traducciones_en_idioma(paginas, idioma=None):
    """Maps each page's translation_key to its live translation in `idioma` (one query).

    Pages already in that language map to themselves without a query.
    """
    idioma = idioma or idioma_actual()
    paginas = list(paginas)
    faltan = [p.translation_key for p in paginas if p.locale.language_code != idioma]
    resultado = {p.translation_key: p for p in paginas if p.locale.language_code == idioma}
    if faltan:
        modelo = type(paginas[0]) if len({type(p) for p in paginas}) == 1 else Page
        for pagina in (
            modelo.objects.live()
            .filter(sin_restricciones())
            .filter(translation_key__in=faltan, locale__language_code=idioma)
        ):
            resultado[pagina.translation_key] = pagina
    return resultado


def traductor(paginas, idioma=None):
    """A function page → the page to show in `idioma` (its translation, or itself)."""
    traducidas = traducciones_en_idioma(paginas, idioma)
    return lambda pagina: traducidas.get(pagina.translation_key, pagina)


def ruta_en_idioma(ruta, idioma=None):
    """A site path written in Spanish (`/red/unete/`) as it is in `idioma` (`/en/red/unete/`).

    For a path served by Wagtail the answer is the URL of the page's live
    translation (plus any route below the page, such as `unete/`), or the
    Spanish page when it has not been translated: a link never leads to a
    404. Other language-prefixed views get the language prefix; paths outside
    them (`/admin/`, `/healthz`) come back as they are. Answers are kept under
    the content version, like every kept part of a page (docs/cache.md).
    """
    idioma = idioma or idioma_actual()
    if idioma == settings.LANGUAGE_CODE:
        return ruta
    return en_cache("ruta-idioma", lambda: _calcular_ruta(ruta, idioma), idioma, ruta)


def _calcular_ruta(ruta, idioma):
    camino, signo, consulta = ruta.partition("?")
    with translation.override(settings.LANGUAGE_CODE):
        try:
            coincidencia = resolve(camino)
        except Resolver404:
            return ruta
    if coincidencia.url_name == "wagtail_serve":
        return _ruta_de_pagina(camino, idioma) + signo + consulta
    with translation.override(idioma):
        try:
            camino = reverse(
                coincidencia.view_name, args=coincidencia.args, kwargs=coincidencia.kwargs
            )
        except NoReverseMatch:
            return ruta
    return camino + signo + consulta


def _ruta_de_pagina(camino, idioma):
    """The deepest Spanish page on `camino`, translated, plus the rest of the path."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return camino
    pagina = site.root_page
    componentes = [c for c in camino.strip("/").split("/") if c]
    resto = []
    for posicion, slug in enumerate(componentes):
        hija = pagina.get_children().filter(slug=slug).first()
        if hija is None:
            resto = componentes[posicion:]
            break
        pagina = hija
    destino = (
        Page.objects.live()
        .filter(sin_restricciones())
        .filter(translation_key=pagina.translation_key, locale__language_code=idioma)
        .first()
    ) or pagina
    url = destino.get_url()
    if url is None:
        return camino
    return url + "".join(f"{parte}/" for parte in resto)


# Translatable snippets (axes, SDG targets) shown in the page's language ----------


def en_idioma(objetos, locale_id):
    """`objetos` (axes or SDG targets) in the language `locale_id`, in the same order.

    Pages translated with wagtail-localize keep pointing to the Spanish axes and
    targets (it copies many-to-many fields as they are), so the translation is
    looked up here, in one query; one without a translation stays in Spanish and
    its template marks it `lang="es"`.
    """
    objetos = list(objetos)
    pendientes = {o.translation_key for o in objetos if o.locale_id != locale_id}
    if not pendientes:
        return objetos
    modelo = type(objetos[0])
    traducidos = {
        o.translation_key: o
        for o in modelo.objects.filter(locale_id=locale_id, translation_key__in=pendientes)
    }
    return [traducidos.get(o.translation_key, o) for o in objetos]


def uno_por_clave(queryset, clave, locale=None):
    """{clave: object}: every axis (or SDG target) once, keyed by a field that is the
    same in every language (slug, code), in `locale` when it has been translated and
    in the default language otherwise. Without `locale`, the default language."""
    por_defecto = Locale.get_default()
    idiomas = {por_defecto.pk, locale.pk if locale is not None else por_defecto.pk}
    elegidos = {}
    for objeto in queryset.filter(locale_id__in=idiomas):
        valor = getattr(objeto, clave)
        if valor not in elegidos or objeto.locale_id != por_defecto.pk:
            elegidos[valor] = objeto
    orden = queryset.model._meta.ordering[0]
    return dict(sorted(elegidos.items(), key=lambda par: str(getattr(par[1], orden)).lower()))


def en_idioma_de_cada_uno(items, atributo):
    """For listings: replaces each item's list `atributo` (its axes, say) by the same
    objects in the item's own language, with one query per language."""
    por_idioma = {}
    for item in items:
        por_idioma.setdefault(item.locale_id, []).append(item)
    for locale_id, grupo in por_idioma.items():
        traducidos = iter(
            en_idioma([o for item in grupo for o in getattr(item, atributo)], locale_id)
        )
        for item in grupo:
            setattr(item, atributo, [next(traducidos) for _o in getattr(item, atributo)])
