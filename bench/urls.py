"""The site's URLs plus `/_bench/constante/<bytes>/`: the ceiling for any Django page here."""

from django.http import HttpResponse
from django.urls import path

from red.urls import handler400, handler403, handler404, handler500  # noqa: F401
from red.urls import urlpatterns as urlpatterns_sitio


def constante(request, n):
    """A response of exactly `n` bytes that touches neither the database nor templates."""
    return HttpResponse(b"x" * n, content_type="text/html; charset=utf-8")


urlpatterns = [path("_bench/constante/<int:n>/", constante), *urlpatterns_sitio]
