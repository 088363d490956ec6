"""The site's one caching mechanism: two version numbers and what they prefix.

Everything kept (whole anonymous pages, the kept parts of pages: routes,
fragments, counts) lives under a key that carries a version; a change the
public can see bumps the version, every kept entry is missed at once and the
old ones expire on their own. `docs/cache.md` tells the whole story.

- `contenido`: bumped by publishing, unpublishing, moving or deleting a page and
  by saving or deleting a public model (each app lists its own in its AppConfig
  as `modelos_publicos`; Wagtail's are listed here). Drafts, renditions and
  what anonymous visitors send (join applications) never bump it.
- `cupos`: bumped by a registration (`modelos_de_cupos`): only what shows the
  places left of events carries it (`en_cache(..., cupos=True)`,
  `{% fragmento ... cupos=True %}`), and the page cache.
"""

import functools
import hashlib
import logging
import time
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

CLAVE_VERSION_CONTENIDO = "red:contenido:version"
CLAVE_VERSION_CUPOS = "red:cupos:version"

# Wagtail's models whose saves change public pages. Not Rendition: the first
# render of an image at a new size saves one, and nothing public changes.
MODELOS_PUBLICOS_DE_WAGTAIL = (
    "wagtailcore.Site",
    "wagtailcore.Locale",
    # A view restriction hides pages from listings and changes kept routes.
    "wagtailcore.PageViewRestriction",
)


@functools.cache
def _modelos(atributo):
    """The labels each app declares in its AppConfig under `atributo`."""
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    etiquetas = set()
    if atributo == "modelos_publicos":
        etiquetas |= {*MODELOS_PUBLICOS_DE_WAGTAIL, get_image_model_string()}
        etiquetas.add(get_document_model_string())
    for config in apps.get_app_configs():
        etiquetas.update(getattr(config, atributo, ()))
    return frozenset(etiquetas)


def modelo_publico(modelo):
    """Whether saving or deleting a `modelo` changes what the public sees."""
    return modelo._meta.label in _modelos("modelos_publicos")


def _al_cambiar(sender, instance=None, **kwargs):
    if sender.__module__ == "__fake__":
        # A historical model: a data migration on a database nobody has visited
        # yet, perhaps before the shared store's table exists (nucleo 0001).
        return
    # A save that an anonymous visitor causes says so; it must not let anyone
    # outside keep the cache cold.
    if getattr(instance, "sin_invalidar_cache", False):
        return
    etiqueta = sender._meta.label
    if etiqueta in _modelos("modelos_de_cupos"):
        invalidar_cupos()
    elif etiqueta in _modelos("modelos_publicos"):
        invalidar_paginas()


def _al_borrar(sender, **kwargs):
    from wagtail.models import Page

    # Saving a page is a draft until it is published (signals below); deleting
    # one is public at once.
    if sender.__module__ == "__fake__":
        return  # a data migration (above)
    if issubclass(sender, Page):
        invalidar_paginas()
    else:
        _al_cambiar(sender, **kwargs)


def _al_cambiar_m2m(sender, instance, **kwargs):
    _al_cambiar(type(instance), instance=instance)


def conectar_senales():
    """Called from NucleoConfig.ready(): what makes kept pages and parts stale."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, published

    for senal in (page_published, page_unpublished, post_page_move, published):
        senal.connect(invalidar_paginas, dispatch_uid=f"red-cache-{id(senal)}")
    post_save.connect(_al_cambiar, dispatch_uid="red-cache-post-save")
    post_delete.connect(_al_borrar, dispatch_uid="red-cache-post-delete")
    m2m_changed.connect(_al_cambiar_m2m, dispatch_uid="red-cache-m2m")


def _cache():
    return caches[settings.CACHE_MIDDLEWARE_ALIAS]


def _cache_de_versiones():
    # Shared by every process (docs/cache.md): Redis, or the database without it.
    return caches[settings.RED_CACHE_VERSIONES]


# Inside a request both versions are read once, together, and kept here: every
# kept part of a page is then read under one version, and a publish halfway
# through a render cannot mix them. Set by LeerDeCacheMiddleware.
_versiones_de_la_solicitud = ContextVar("versiones_de_la_solicitud", default=None)


# The versions this process read last: what it serves under while the shared
# store cannot be read (the database down, when it holds them).
_ultimas_versiones = {}


def _versiones():
    leidas = _versiones_de_la_solicitud.get()
    if leidas:
        return leidas
    try:
        versiones = _leer_versiones()
    except (OperationalError, InterfaceError) as error:
        # Kept pages go on being served while the database is down; a page never
        # kept reaches its view, whose own database error becomes the branded 503.
        logger.warning("Versiones de la caché ilegibles: %s", error.__class__.__name__)
        versiones = dict(_ultimas_versiones)
    else:
        _ultimas_versiones.update(versiones)
    if leidas is not None:
        leidas.update(versiones)
    return versiones


def _leer_versiones():
    claves = (CLAVE_VERSION_CONTENIDO, CLAVE_VERSION_CUPOS)
    versiones = _cache_de_versiones().get_many(claves)
    if len(versiones) < len(claves):
        # First read ever (or the cache was emptied): start from now.
        nuevas = {c: time.time_ns() for c in claves if c not in versiones}
        for clave, version in nuevas.items():
            if not _cache_de_versiones().add(clave, version, timeout=None):
                nuevas[clave] = _cache_de_versiones().get(clave, version)
        versiones.update(nuevas)
    return versiones


def version_contenido():
    return _versiones().get(CLAVE_VERSION_CONTENIDO)


def version_cupos():
    return _versiones().get(CLAVE_VERSION_CUPOS)


def _nueva_version(clave):
    version = time.time_ns()
    _cache_de_versiones().set(clave, version, timeout=None)
    leidas = _versiones_de_la_solicitud.get()
    if leidas:
        leidas[clave] = version


def invalidar_paginas(**kwargs):
    """Makes every cached page and every kept fragment, count and route stale."""
    _nueva_version(CLAVE_VERSION_CONTENIDO)


def invalidar_cupos():
    """After a registration: cached pages and what shows places left are stale."""
    _nueva_version(CLAVE_VERSION_CUPOS)


def clave_de_contenido(nombre, *partes, cupos=False):
    """A key of the `contenido` cache: stale as soon as something is published
    (and, with `cupos`, as soon as someone registers for an event)."""
    # Parts may hold what a visitor typed: hashed, the key stays short and clean.
    resumen = hashlib.sha256(repr(partes).encode()).hexdigest()[:32]
    version = f"{version_contenido()}.{version_cupos()}" if cupos else version_contenido()
    return f"{nombre}:v{version}:{resumen}"


def en_cache(nombre, calcular, *partes, segundos=3600, cupos=False, proceso=False):
    """`calcular()`, kept until something is published or for `segundos`.

    For the costly parts of public pages that only change when content does
    (figures, the map, facet counts). `cupos=True` for what shows places left;
    `proceso=True` for small immutable values, also kept in this process's memory.
    """
    clave = clave_de_contenido(nombre, *partes, cupos=cupos)
    # With `proceso=True`, kept in this process until the shared version changes:
    # cold, with the content cache off, a page asks for the restricted paths often.
    memoria = _memoria_de_proceso(clave) if proceso else None
    memo = memoria.get(("en_cache", clave)) if memoria is not None else None
    if memo is not None:
        return memo
    cache = caches["contenido"]
    valor = cache.get(clave)
    if valor is None:
        valor = calcular()
        cache.set(clave, valor, segundos)
    if memoria is not None:
        memoria[("en_cache", clave)] = valor
    return valor


# Small immutable values (tuples of strings) kept in this process for the current
# content version: read once per version, not once per request.
_por_version = {"version": None, "valores": {}}


def _memoria_de_proceso(clave):
    version = clave.split(":v", 1)[1].split(":", 1)[0]
    if _por_version["version"] != version:
        _por_version["version"] = version
        _por_version["valores"] = {}
    return _por_version["valores"]


def prefijo_de_paginas():
    """The page cache's key prefix: a page is stale after any change (both versions)."""
    return f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}:v{version_contenido()}.{version_cupos()}"


# The page cache -----------------------------------------------------------------
# Hand-written rather than Django's Update/FetchFromCacheMiddleware: those take
# one key prefix for the process (ours carries the versions), and they would
# share a page that rendered a CSRF token, a preview, or one asked for with a
# session cookie.


def _cookies_que_cambian_la_respuesta():
    """A session (a logged-in user, a form's state) and queued messages change what
    a page shows: a request carrying one never reads nor fills the page cache. The
    others the site sets (`csrftoken`, the language cookie: the language comes from
    the address) change nothing, and a visitor carrying them is served from it."""
    return (settings.SESSION_COOKIE_NAME, "messages", *settings.RED_COOKIES_PERSONALES)


def _solicitud_cacheable(request):
    return (
        settings.RED_CACHE_PAGINAS
        and request.method in ("GET", "HEAD")
        and not any(c in request.COOKIES for c in _cookies_que_cambian_la_respuesta())
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


def _sin_cookies(funcion, request, *args, **kwargs):
    """The page cache's key, the same whatever cookies the request carries: every
    response varies on `Cookie` (sessions, CSRF), but a request with a cookie that
    changes the response never gets here (`_solicitud_cacheable`), and a response
    that depends on the CSRF cookie (a form) is never stored."""
    cookies = request.META.pop("HTTP_COOKIE", None)
    try:
        return funcion(request, *args, **kwargs)
    finally:
        if cookies is not None:
            request.META["HTTP_COOKIE"] = cookies


class LeerDeCacheMiddleware:
    """Last in MIDDLEWARE: reads the versions once for the whole request, answers
    anonymous GETs from the page cache, and routes Wagtail pages from kept routes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        marca = _versiones_de_la_solicitud.set({})
        try:
            return self._responder(request)
        finally:
            _versiones_de_la_solicitud.reset(marca)

    def _responder(self, request):
        from django.utils.cache import get_cache_key

        if not _solicitud_cacheable(request):
            return self.get_response(request)
        prefijo = request._red_prefijo_cache = prefijo_de_paginas()
        for metodo in ("GET", "HEAD") if request.method == "HEAD" else ("GET",):
            clave = _sin_cookies(get_cache_key, request, prefijo, metodo, cache=_cache())
            respuesta = _cache().get(clave) if clave else None
            if respuesta is not None:
                respuesta["X-Cache"] = "HIT"
                return respuesta
        request._red_guardar_en_cache = True
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from .rutas import ruta_guardada

        ruta_guardada(request, view_func, view_args, view_kwargs)


class GuardarEnCacheMiddleware:
    """Early in MIDDLEWARE: stores what LeerDeCacheMiddleware missed, if it may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils.cache import learn_cache_key, patch_response_headers

        response = self.get_response(request)
        if not getattr(request, "_red_guardar_en_cache", False):
            return response
        if not _respuesta_cacheable(request, response):
            response.headers.setdefault("X-Cache", "BYPASS")
            return response
        segundos = settings.CACHE_MIDDLEWARE_SECONDS
        patch_response_headers(response, segundos)
        clave = _sin_cookies(
            learn_cache_key, request, response, segundos, request._red_prefijo_cache, cache=_cache()
        )
        _cache().set(clave, response, segundos)
        response["X-Cache"] = "MISS"
        return response
