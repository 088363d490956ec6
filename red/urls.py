"""The project's URLs. Apps are included by their dotted path, so this shell
imports only the foundation and the open-data page's file route."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from nucleo import views as nucleo_views
from nucleo.api import api_router
from nucleo.documentos import medio_de_desarrollo, servir_documento
from nucleo.sitemap import SitemapBilingue, robots_txt

from .datos import descarga

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Before Wagtail's own pattern: the same answer whatever the name (nucleo/documentos.py).
    re_path(r"^documentos/(\d+)/(.*)$", servir_documento),
    path("documentos/", include(wagtaildocs_urls)),
    path("healthz", nucleo_views.healthz, name="healthz"),
    path("healthz/tareas", nucleo_views.healthz_tareas, name="healthz_tareas"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"paginas": SitemapBilingue}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    # Local media for development, except the documents: those go only through
    # /documentos/ and its privacy checks, as in production (nginx never serves them).
    urlpatterns += [
        re_path(
            r"^" + re.escape(settings.MEDIA_URL.lstrip("/")) + r"(?P<path>.*)$",
            medio_de_desarrollo,
        )
    ]

urlpatterns += i18n_patterns(
    path("", include("home.urls")),  # site search
    path("", include("eventos.urls")),  # .ics feeds, served by Wagtail pages
    # Files of the open-data page: Wagtail's pattern does not serve names with a dot.
    re_path(
        r"^datos/(?P<archivo>[a-z][a-z-]*\.(?:csv|json|jsonld))$", descarga, name="datos_descarga"
    ),
    path("", include("practicas.urls")),  # the practices feed
    path("", include("rendicion.urls")),  # confirming and ending an e-mail follow
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "nucleo.views.bad_request"
handler403 = "nucleo.views.permission_denied"
handler404 = "nucleo.views.page_not_found"
handler500 = "nucleo.views.server_error"
