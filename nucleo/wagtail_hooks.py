"""Admin hooks of the foundation: images and documents by collection permission."""

from wagtail import hooks

from .archivos import DocumentosAdminAPI, ImagenesAdminAPI, documento_de_otra_coleccion


# After Wagtail's own registrations (order 0), which these replace.
@hooks.register("construct_admin_api", order=100)
def api_admin_por_coleccion(router):
    router.register_endpoint("images", ImagenesAdminAPI)
    router.register_endpoint("documents", DocumentosAdminAPI)


# After Wagtail's check_view_restrictions, which sends anonymous visitors to log in.
hooks.register("before_serve_document", documento_de_otra_coleccion, order=100)
