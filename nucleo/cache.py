"""Caching: a Redis backend that fails open, and the anonymous page cache.

`RedisCacheTolerante` is Django's RedisCache that logs and answers as a miss
when Redis does not answer, so a Redis outage slows the site down instead of
taking it down (sessions live in the database, not in Redis).

The page cache stores complete anonymous GET responses under a key prefix that
carries a version number; publishing, unpublishing, moving or deleting a page,
or saving any of the site's own content models (snippets, settings, members,
images, documents, registrations), bumps the version, so every cached page is
missed at once and the old entries expire on their own. The kept parts of
pages (`en_cache`, `{% fragmento %}`) have their own version, which a
registration does not bump: it only changes what shows places left.
`GuardarEnCacheMiddleware` goes first in MIDDLEWARE and `LeerDeCacheMiddleware`
last, like Django's per-site cache.

Never cached: requests carrying a session cookie (logged-in users, previews,
anyone with personal state), non-GET/HEAD requests, the admin, documents and
health checks, responses that set a cookie, responses that rendered a CSRF
token (forms), responses marked private/no-cache/no-store, and anything but 200.
"""

import functools
import hashlib
import logging
import pickle  # nosec B403
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError
from django.utils.cache import get_cache_key, learn_cache_key, patch_response_headers
from django.utils.functional import SimpleLazyObject
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CLAVE_VERSION = "red:paginas:version"


def _tolerante(respuesta_si_falla):
    def decorador(metodo):
        @functools.wraps(metodo)
        def envoltura(self, *args, **kwargs):
            try:
                return metodo(self, *args, **kwargs)
            except (RedisError, OSError) as exc:
                logger.warning("Redis no responde (%s): se sigue sin caché", exc.__class__.__name__)
                if isinstance(respuesta_si_falla, type) and issubclass(
                    respuesta_si_falla, Exception
                ):
                    raise respuesta_si_falla("Redis no responde") from exc
                return respuesta_si_falla(*args, **kwargs)

        return envoltura

    return decorador


class RedisCacheTolerante(RedisCache):
    """RedisCache that answers as a miss (and logs) when Redis is down."""

    add = _tolerante(lambda *a, **k: False)(RedisCache.add)
    get = _tolerante(lambda key, default=None, **k: default)(RedisCache.get)
    set = _tolerante(lambda *a, **k: None)(RedisCache.set)
    touch = _tolerante(lambda *a, **k: False)(RedisCache.touch)
    delete = _tolerante(lambda *a, **k: False)(RedisCache.delete)
    get_many = _tolerante(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _tolerante(lambda *a, **k: False)(RedisCache.has_key)
    # Django's incr raises ValueError for a missing key: a dead Redis is one.
    incr = _tolerante(ValueError)(RedisCache.incr)
    set_many = _tolerante(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _tolerante(lambda *a, **k: None)(RedisCache.delete_many)
    clear = _tolerante(lambda *a, **k: None)(RedisCache.clear)


# Saving any model of these apps may change what a public page shows.
APPS_DE_CONTENIDO = {
    "home",
    "red",
    "practicas",
    "eventos",
    "taggit",
    "wagtailimages",
    "wagtaildocs",
}


def _al_guardar(sender, **kwargs):
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    if getattr(sender, "solo_cambia_cupos", False):
        # A registration changes the places left of its event, nothing else public.
        invalidar_cupos()
        return
    if issubclass(sender, Page):
        # Draft saves touch the page row too; only publishing changes the site
        # (page_published / page_unpublished / post_page_move below).
        return
    # A view restriction hides pages from listings and changes kept routes.
    if sender._meta.app_label in APPS_DE_CONTENIDO or issubclass(
        sender, (Site, Locale, PageViewRestriction)
    ):
        invalidar_paginas()


def _al_borrar(sender, **kwargs):
    from wagtail.models import Page

    if issubclass(sender, Page):
        invalidar_paginas()
    else:
        _al_guardar(sender, **kwargs)


def conectar_senales():
    """Called from RedConfig.ready(): what makes cached pages stale."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, published

    for senal in (page_published, page_unpublished, post_page_move, published):
        senal.connect(invalidar_paginas, dispatch_uid=f"red-cache-{id(senal)}")
    post_save.connect(_al_guardar, dispatch_uid="red-cache-post-save")
    post_delete.connect(_al_borrar, dispatch_uid="red-cache-post-delete")
    m2m_changed.connect(_al_guardar_m2m, dispatch_uid="red-cache-m2m")


def _al_guardar_m2m(sender, instance, **kwargs):
    _al_guardar(type(instance))


def _cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


# Three version numbers, each the prefix of the keys it makes stale at once:
# the page cache (any change), the content cache (a publish or a saved snippet,
# setting or image) and the places left of events (a registration). A
# registration bumps the first and the last: pages are rendered again from
# the kept fragments, and only what shows places left is redrawn.
CLAVE_VERSION_CONTENIDO = "red:contenido:version"
CLAVE_VERSION_CUPOS = "red:cupos:version"

# Inside a request, each version read first (or set by a save) is kept here:
# every kept part of a page is then read under one version, with one cache read.
_versiones_de_la_solicitud = ContextVar("versiones_de_la_solicitud", default=None)


def _version(clave):
    leidas = _versiones_de_la_solicitud.get()
    if leidas is not None and clave in leidas:
        return leidas[clave]
    version = _cache().get_or_set(clave, time.time_ns, timeout=None)
    if leidas is not None:
        leidas[clave] = version
    return version


def _nueva_version(*claves):
    version = time.time_ns()
    _cache().set_many(dict.fromkeys(claves, version), timeout=None)
    leidas = _versiones_de_la_solicitud.get()
    if leidas is not None:
        leidas.update(dict.fromkeys(claves, version))


def version_paginas():
    return _version(CLAVE_VERSION)


def version_contenido():
    return _version(CLAVE_VERSION_CONTENIDO)


def version_cupos():
    return _version(CLAVE_VERSION_CUPOS)


def invalidar_paginas(**kwargs):
    """Makes every cached page and every kept fragment, count and route stale."""
    _nueva_version(CLAVE_VERSION, CLAVE_VERSION_CONTENIDO)


def invalidar_cupos():
    """After a registration: cached pages and what shows places left are stale."""
    _nueva_version(CLAVE_VERSION, CLAVE_VERSION_CUPOS)


class VersionPorSolicitudMiddleware:
    """First in MIDDLEWARE: each version is read once per request.

    A page asks for it for every kept fragment, count and route (a dozen times);
    one read also means a publish halfway through a render cannot mix versions.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        marca = _versiones_de_la_solicitud.set({})
        try:
            return self.get_response(request)
        finally:
            _versiones_de_la_solicitud.reset(marca)


def clave_de_contenido(nombre, *partes):
    """A key of the `contenido` cache: stale as soon as something is published."""
    # Parts may hold what a visitor typed: hashed, the key stays short and clean.
    resumen = hashlib.sha256(repr(partes).encode()).hexdigest()[:32]
    return f"{nombre}:v{version_contenido()}:{resumen}"


def en_cache(nombre, calcular, *partes, segundos=3600):
    """`calcular()`, kept until something is published or for `segundos`.

    For the costly parts of public pages that only change when content does
    (figures, the map, facet counts): the key carries the content version, so
    publishing makes them stale at the same moment as the cached pages.
    """
    clave = clave_de_contenido(nombre, *partes)
    cache = caches["contenido"]
    valor = cache.get(clave)
    if valor is None:
        valor = calcular()
        cache.set(clave, valor, segundos)
    return valor


class RutasEnCacheMiddleware:
    """Remembers which live page answers each address, until something is published.

    Wagtail finds a page by asking the database for the site, the locale and
    each level of the path (two queries per level). The answer is the same for
    every visitor until the tree changes, which bumps the content version. A
    routable page's route (`/red/unete/`) carries a view function, kept by
    reference. View restrictions are still checked on every request
    (`BasePage.get_view_restrictions`, against the kept restricted paths).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.utils.translation import get_language
        from wagtail.models import Page
        from wagtail.url_routing import RouteResult
        from wagtail.views import serve

        if view_func is not serve:
            return None
        ruta = view_kwargs.get("path", view_args[0] if view_args else "")
        clave = clave_de_contenido(
            "ruta", request.get_host(), request.get_port(), get_language(), ruta
        )
        cache = caches["contenido"]
        guardada = cache.get(clave)
        if guardada is not None:
            request._wagtail_site, pagina, args, kwargs = guardada
            request._wagtail_route_for_request = RouteResult(pagina, args, kwargs)
            return None
        # Routed before the page renders: nothing a render adds to the page is kept.
        try:
            resultado = Page.route_for_request(request, ruta)
        except DatabaseError:
            # The view meets the same error, and BaseDeDatosCaidaMiddleware answers.
            return None
        if resultado is not None:
            # Kept with the page: most views read the page's locale.
            resultado.page.locale  # noqa: B018
            guardar = (request._wagtail_site, resultado.page, resultado.args, resultado.kwargs)
            try:
                # A routable page's route carries its view function: kept when it pickles.
                cache.set(clave, guardar, 3600)
            except (pickle.PicklingError, AttributeError, TypeError):
                return None
        return None


def version_de_contenido(request):
    """Context processor: the versions to put in the keys of `{% cache %}` fragments
    (`version_cupos` in those that show places left)."""
    return {
        "version_contenido": SimpleLazyObject(version_contenido),
        "version_cupos": SimpleLazyObject(version_cupos),
    }


def _prefijo():
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:v{version_paginas()}"


def _solicitud_cacheable(request):
    return (
        settings.RED_CACHE_PAGINAS
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(tuple(settings.RED_RUTAS_SIN_CACHE))
    )


def _respuesta_cacheable(request, response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # get_token() marks the request: the page shows a form with a CSRF token
        # tied to this visitor's cookie.
        and "CSRF_COOKIE_NEEDS_UPDATE" not in request.META
        and not getattr(request, "is_preview", False)
        and not any(d in control for d in ("private", "no-cache", "no-store", "max-age=0"))
        and not (hasattr(request, "user") and request.user.is_authenticated)
    )


class LeerDeCacheMiddleware:
    """Last in MIDDLEWARE: answers anonymous GETs from the cache when it can."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _solicitud_cacheable(request):
            return self.get_response(request)
        prefijo = _prefijo()
        request._red_prefijo_cache = prefijo
        clave = get_cache_key(request, prefijo, "GET", cache=_cache())
        if clave is not None:
            respuesta = _cache().get(clave)
            if respuesta is None and request.method == "HEAD":
                clave = get_cache_key(request, prefijo, "HEAD", cache=_cache())
                respuesta = _cache().get(clave)
            if respuesta is not None:
                respuesta["X-Cache"] = "HIT"
                return respuesta
        request._red_guardar_en_cache = True
        return self.get_response(request)


class GuardarEnCacheMiddleware:
    """First in MIDDLEWARE: stores what LeerDeCacheMiddleware missed, if it may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not getattr(request, "_red_guardar_en_cache", False):
            return response
        if not _respuesta_cacheable(request, response):
            response.headers.setdefault("X-Cache", "BYPASS")
            return response
        segundos = settings.CACHE_MIDDLEWARE_SECONDS
        patch_response_headers(response, segundos)
        clave = learn_cache_key(
            request, response, segundos, request._red_prefijo_cache, cache=_cache()
        )
        _cache().set(clave, response, segundos)
        response["X-Cache"] = "MISS"
        return response
