"""Wagtail API v2 at `/api/v2/`: live, public pages, images and documents.

Wagtail's endpoints already leave out drafts, pages under a view restriction and
items in restricted collections (tests/datos/test_fugas.py checks it). Filters:
`?type=practicas.PracticaPage`, `?tags=<name>`, `?descendant_of=<member id>`
(a member's content), `?child_of=`, `?search=`, and the fields of each type.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class ParametrosLimpiosMixin:
    """Refuses with 400 what no search or filter needs: control characters (a NUL byte
    breaks the database query) and searches longer than the site's own search box."""

    MAX_BUSQUEDA = 200

    def listing_view(self, request):
        for clave, valor in request.GET.items():
            if any(ord(c) < 32 for c in clave + valor):
                raise BadRequestError(f"El parámetro «{clave[:40]}» tiene caracteres no válidos.")
        if len(request.GET.get("search", "")) > self.MAX_BUSQUEDA:
            raise BadRequestError(f"La búsqueda puede tener hasta {self.MAX_BUSQUEDA} caracteres.")
        return super().listing_view(request)


class PaginasAPIViewSet(ParametrosLimpiosMixin, PagesAPIViewSet):
    # Never the owner, the last editor or who locked a page: only public metadata.
    meta_fields = [
        f
        for f in PagesAPIViewSet.meta_fields
        if f not in {"owner", "latest_revision_created_at", "locked", "locked_by"}
    ]


class ImagenesAPIViewSet(ParametrosLimpiosMixin, ImagesAPIViewSet):
    pass


class DocumentosAPIViewSet(ParametrosLimpiosMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PaginasAPIViewSet)
api_router.register_endpoint("images", ImagenesAPIViewSet)
api_router.register_endpoint("documents", DocumentosAPIViewSet)
