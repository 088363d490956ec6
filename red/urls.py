from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.buscar import buscar

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documentos/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("buscar/", buscar, name="buscar"),
    path("", include("eventos.urls")),  # .ics feeds, served by Wagtail pages
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
