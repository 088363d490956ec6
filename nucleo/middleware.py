"""Middleware that keeps a database outage from showing a traceback."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def base_de_datos_caida():
    """True when the database cannot be reached (not when one query was wrong)."""
    if connection.connection is None:
        return True  # the connection could not even be opened
    try:
        return not connection.is_usable()
    except DatabaseError:
        return True


class BaseDeDatosCaidaMiddleware:
    """Turns a view's error from an unreachable database into the branded 503 page.

    Any other database error (a query the database refused) stays a 500, so a
    bug is not disguised as an outage. templates/503.html is rendered without a
    request context: context processors (site settings, the user) would query
    the database again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        if not base_de_datos_caida():
            return None
        logger.error("La base de datos no responde: %s", exception.__class__.__name__)
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "60"
        add_never_cache_headers(response)
        return response
