"""`.ics` addresses: `/eventos/calendario.ics` and `<event>/evento.ics`.

Wagtail only serves paths of [\\w-] segments ending in '/', so these are handed
to Wagtail's own `serve` (live, privacy and site checks included) with the
trailing slash the routable pages expect.
"""

from django.urls import re_path
from wagtail import views as wagtail_views


def servir_ics(request, ruta):
    return wagtail_views.serve(request, ruta + "/")


urlpatterns = [
    re_path(r"^(?P<ruta>(?:[\w\-]+/)*[\w\-]+\.ics)$", servir_ics, name="eventos_ics"),
]
