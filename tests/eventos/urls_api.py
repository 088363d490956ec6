"""A throwaway Wagtail API v2 router, only to check EventoPage.api_fields in tests."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from red.urls import urlpatterns as urlpatterns_del_sitio

api = WagtailAPIRouter("wagtailapi")
api.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("api/v2/", api.urls), *urlpatterns_del_sitio]
