"""Template helpers shared by every page: language links and language-aware paths."""

from django import template
from django.conf import settings
from django.core.cache import caches
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from nucleo.cache import clave_de_contenido, en_cache
from nucleo.consultas import sin_restricciones
from nucleo.traduccion import idioma_actual, ruta_en_idioma

register = template.Library()

# A kept fragment never holds a visitor's CSRF token: `{% csrf_token %}` renders
# this placeholder inside it, replaced by the visitor's token on every response.
HUECO_CSRF = "@@token-csrf-de-esta-visita@@"
MARCA_CSRF = "csrfmiddlewaretoken"


class FragmentoNode(template.Node):
    def __init__(self, nodelist, nombre, partes, cupos=False):
        self.nodelist = nodelist
        self.nombre = nombre
        self.partes = partes
        self.cupos = cupos

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            # A preview shows a draft: it must neither read nor leave public fragments.
            return self.nodelist.render(context)
        # As text: a lazy value would otherwise enter the key unread.
        partes = [str(parte.resolve(context)) for parte in self.partes]
        clave = clave_de_contenido(
            f"fragmento:{self.nombre}",
            idioma_actual(),
            request.get_host(),
            *partes,
            cupos=self.cupos,
        )
        cache = caches["contenido"]
        html = cache.get(clave)
        if html is None:
            with context.push(csrf_token=HUECO_CSRF):
                html = self.nodelist.render(context)
            # Any other token (a form rendered outside `{% csrf_token %}`) is personal.
            if html.count(MARCA_CSRF) <= html.count(HUECO_CSRF):
                cache.set(clave, html, 3600)
        if HUECO_CSRF in html:
            # Reading the token also marks the response as personal (never page-cached).
            html = html.replace(HUECO_CSRF, str(context.get("csrf_token", "")))
        return html


@register.tag
def fragmento(parser, token):
    """`{% fragmento "nombre" var… [cupos=True] %}…{% endfragmento %}`: HTML kept until
    something is published, per language, host and the given values (never for
    previews); with `cupos=True` also until someone registers for an event.

    The site's only fragment tag (docs/cache.md). Only for parts that are the same
    for every visitor: nothing from the session, the user or the query string
    unless it is one of the values of the key. A `{% csrf_token %}` inside is kept
    as a placeholder and filled in per response.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'":
        raise template.TemplateSyntaxError("fragmento necesita un nombre entre comillas")
    cupos = "cupos=True" in bits
    if cupos:
        bits.remove("cupos=True")
    nodelist = parser.parse(("endfragmento",))
    parser.delete_first_token()
    partes = [parser.compile_filter(b) for b in bits[2:]]
    return FragmentoNode(nodelist, bits[1][1:-1], partes, cupos=cupos)


def _traducciones_vivas(page, request):
    """{language code: (URL, full URL)} of the live translations of `page`, itself
    included, plus the page's own URL under the key `None`.

    Kept until something is published (never for a preview, whose page may be
    unsaved); the language switcher and the hreflang links share it.
    """
    if not hasattr(page, "_traducciones_vivas"):

        def calcular():
            paginas = (
                page.get_translations(inclusive=True)
                .live()
                .filter(sin_restricciones())
                .select_related("locale")
            )
            traducciones = {
                p.locale.language_code: (p.get_url(request), p.get_full_url(request))
                for p in paginas
            }
            return {**traducciones, None: (page.get_url(request), None)}

        if getattr(request, "is_preview", False) or request is None:
            page._traducciones_vivas = calcular()
        else:
            host = request.get_host()
            page._traducciones_vivas = en_cache("traducciones", calcular, page.pk, host)
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
    traducciones = (
        _traducciones_vivas(page, request) if isinstance(page, Page) and page.pk else None
    )
    options = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        translated = True
        if traducciones is not None:
            destino = traducciones.get(code)
            if destino is not None:
                url = destino[0] + _ruta_bajo_la_pagina(page, request, traducciones)
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


def _ruta_bajo_la_pagina(page, request, traducciones):
    """What the address adds to the page's own URL: a route of a routable page
    (`unete/`) and the query string (filters), so that the switch keeps them."""
    if request is None:
        return ""
    propia = traducciones[None][0] or ""
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
        traducciones = _traducciones_vivas(page, request)
        for code, (_url, url) in sorted((c, u) for c, u in traducciones.items() if c):
            if url:
                enlaces.append({"code": code, "url": url})
        por_defecto = next((e for e in enlaces if e["code"] == settings.LANGUAGE_CODE), None)
        if len(enlaces) > 1 and por_defecto:
            enlaces.append({"code": "x-default", "url": por_defecto["url"]})
    return {"enlaces": enlaces if len(enlaces) > 1 else []}


@register.filter
def pesos(monto):
    """A CLP amount as people read it: "$120.000.000" in Spanish (Chile's dots),
    "$120,000,000" in English; the locale's own grouping would use a thin space."""
    try:
        cifra = f"{int(monto):,}"
    except (TypeError, ValueError):
        return ""
    if not idioma_actual().startswith("en"):
        cifra = cifra.replace(",", ".")
    return f"${cifra}"
