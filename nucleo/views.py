from django.conf import settings
from django.db import DatabaseError, connection
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
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


@never_cache
@require_safe
def healthz_tareas(request):
    """For monitoring the task worker: the tasks waiting to run and the age of the oldest.

    A task is waiting from the moment it may run (when it was enqueued, or its
    `run_after` for a deferred retry). 503 when the oldest has waited longer
    than RED_TAREAS_ESPERA_MAXIMA seconds (the worker is dead or overwhelmed) or
    the database does not answer. Counts only; no task's content is shown.
    """
    from django_tasks_db.models import DBTaskResult, get_date_max

    ahora = timezone.now()
    try:
        pendientes = list(
            DBTaskResult.objects.ready().values_list("enqueued_at", "run_after")[:10_000]
        )
    except DatabaseError:
        return JsonResponse({"estado": "error", "base_de_datos": "no responde"}, status=503)
    maximo = get_date_max()
    desde = [enc if run == maximo else max(enc, run) for enc, run in pendientes]
    antiguedad = int((ahora - min(desde)).total_seconds()) if desde else 0
    atrasada = antiguedad > settings.RED_TAREAS_ESPERA_MAXIMA
    return JsonResponse(
        {
            "estado": "atrasada" if atrasada else "ok",
            "tareas_pendientes": len(pendientes),
            "antiguedad_maxima_segundos": antiguedad,
        },
        status=503 if atrasada else 200,
    )


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
