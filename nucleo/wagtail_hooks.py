"""Admin hooks of the foundation: images and documents by collection permission."""

from django.urls import path
from wagtail import hooks

from .archivos import DocumentosAdminAPI, ImagenesAdminAPI, documento_de_otra_coleccion


# After Wagtail's own registrations (order 0), which these replace.
@hooks.register("construct_admin_api", order=100)
def api_admin_por_coleccion(router):
    router.register_endpoint("images", ImagenesAdminAPI)
    router.register_endpoint("documents", DocumentosAdminAPI)


# After Wagtail's check_view_restrictions, which sends anonymous visitors to log in.
hooks.register("before_serve_document", documento_de_otra_coleccion, order=100)


# Before wagtail-localize's own URL for the same path, which it shadows.
@hooks.register("register_admin_urls", order=-100)
def subida_po():
    from .traduccion_po import subir_po

    return [path("localize/translate/<int:translation_id>/pofile/upload/", subir_po)]
