from django.db import DatabaseError, connection
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers a query, 503 otherwise (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"estado": "error", "base_de_datos": "no responde"}, status=503)
    return JsonResponse({"estado": "ok", "base_de_datos": "ok"})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def bad_request(request, exception=None):
    # Static: the request may be what is broken (oversized, a foreign Host).
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception=None):
    return HttpResponseForbidden(loader.get_template("403.html").render())


def server_error(request):
    # Rendered without a request context: the database may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
