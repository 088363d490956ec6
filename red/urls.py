from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.buscar import buscar

from .api import api_router
from .datos import descarga
from .feeds import PracticasFeed
from .sitemap import SitemapBilingue, robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"paginas": SitemapBilingue}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("buscar/", buscar, name="buscar"),
    path("", include("eventos.urls")),  # .ics feeds, served by Wagtail pages
    # Files of the open-data page: Wagtail's pattern does not serve names with a dot.
    re_path(r"^datos/(?P<archivo>[a-z]+\.(?:csv|json|jsonld))$", descarga, name="datos_descarga"),
    path("practicas/feed.xml", PracticasFeed(), name="practicas_feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
