"""Kept routes: which live page answers each address, until something is published.

Hand-written for speed (see docs/cache.md): Wagtail finds a page by asking the
database for the site, the locale and each level of the path (two queries per
level), and the answer is the same for every visitor until the tree changes,
which bumps the content version. A routable page's route (`/red/unete/`)
carries a view function, kept by reference. View restrictions are still
checked on every request (`BasePage.get_view_restrictions`, against the kept
restricted paths).
"""

import pickle  # nosec B403 - only to catch what does not pickle

from django.core.cache import caches
from django.db import DatabaseError

from .cache import clave_de_contenido


def ruta_guardada(request, view_func, view_args, view_kwargs):
    """From LeerDeCacheMiddleware.process_view: sets Wagtail's route for the request
    from the kept one, or keeps the one Wagtail finds."""
    from django.utils.translation import get_language
    from wagtail.models import Page
    from wagtail.url_routing import RouteResult
    from wagtail.views import serve

    if view_func is not serve:
        return
    ruta = view_kwargs.get("path", view_args[0] if view_args else "")
    clave = clave_de_contenido("ruta", request.get_host(), request.get_port(), get_language(), ruta)
    cache = caches["contenido"]
    guardada = cache.get(clave)
    if guardada is not None:
        request._wagtail_site, pagina, args, kwargs = guardada
        request._wagtail_route_for_request = RouteResult(pagina, args, kwargs)
        return
    # Routed before the page renders: nothing a render adds to the page is kept.
    try:
        resultado = Page.route_for_request(request, ruta)
    except DatabaseError:
        # The view meets the same error, and BaseDeDatosCaidaMiddleware answers.
        return
    if resultado is not None:
        # Kept with the page: most views read the page's locale.
        resultado.page.locale  # noqa: B018
        guardar = (request._wagtail_site, resultado.page, resultado.args, resultado.kwargs)
        try:
            # A routable page's route carries its view function: kept when it pickles.
            cache.set(clave, guardar, 3600)
        except (pickle.PicklingError, AttributeError, TypeError):
            return
