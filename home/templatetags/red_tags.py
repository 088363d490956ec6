"""Template helpers shared by every page: language links and language-aware paths."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from home.traduccion import ruta_en_idioma

register = template.Library()


def _traducciones_vivas(page):
    """Live translations of `page` by language code, the page itself included.

    Kept on the page object: the language switcher and the hreflang links of
    the same response share one query.
    """
    if not hasattr(page, "_traducciones_vivas"):
        paginas = page.get_translations(inclusive=True).live().public().select_related("locale")
        page._traducciones_vivas = {p.locale.language_code: p for p in paginas}
    return page._traducciones_vivas


@register.simple_tag(takes_context=True)
def ruta(context, path):
    """A site path written as in Spanish (`/red/unete/`), in the current language."""
    return ruta_en_idioma(path)


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages.

    For a Wagtail page we link to its live translation when it exists;
    otherwise we say so, in that language, and link to that language's home
    page. Other views (search, forms, errors) link to the same address in the
    other language.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    traducciones = _traducciones_vivas(page) if isinstance(page, Page) and page.pk else None
    options = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        translated = True
        if traducciones is not None:
            destino = traducciones.get(code)
            if destino is not None:
                url = destino.get_url(request) + _ruta_bajo_la_pagina(page, request)
            else:
                translated = False
                url = ruta_en_idioma("/", code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = ruta_en_idioma("/", code)
        # Both texts are shown in the target language, so each catalogue says
        # them in its own language ("…in English" in locale/en).
        with translation.override(code):
            # Translators: the name of the language is the language of this catalogue.
            nota = "" if translated else gettext("Esta página aún no está traducida al español.")
            # Translators: the name of the language is the language of this catalogue.
            etiqueta = gettext("Ver esta página en español")
        options.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "translated": translated,
                "nota": nota,
                "etiqueta": etiqueta,
            }
        )
    return {"options": options}


def _ruta_bajo_la_pagina(page, request):
    """What the address adds to the page's own URL: a route of a routable page
    (`unete/`) and the query string (filters), so that the switch keeps them."""
    if request is None:
        return ""
    propia = page.get_url(request) or ""
    resto = request.path[len(propia) :] if propia and request.path.startswith(propia) else ""
    consulta = request.META.get("QUERY_STRING", "")
    return resto + (f"?{consulta}" if consulta else "")


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def enlaces_alternativos(context):
    """`<link rel="alternate" hreflang>` for each live language version of the page."""
    request = context.get("request")
    page = context.get("page")
    enlaces = []
    if isinstance(page, Page) and page.pk:
        for code, pagina in sorted(_traducciones_vivas(page).items()):
            url = pagina.get_full_url(request)
            if url:
                enlaces.append({"code": code, "url": url})
        por_defecto = next((e for e in enlaces if e["code"] == settings.LANGUAGE_CODE), None)
        if len(enlaces) > 1 and por_defecto:
            enlaces.append({"code": "x-default", "url": por_defecto["url"]})
    return {"enlaces": enlaces if len(enlaces) > 1 else []}
