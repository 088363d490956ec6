"""Wagtail API v2 at `/api/v2/`: live, public pages, images and documents.

Wagtail's endpoints already leave out drafts, pages under a view restriction and
items in restricted collections (tests/datos/test_fugas.py checks it). Filters:
`?type=practicas.PracticaPage`, `?tags=<name>`, `?descendant_of=<member id>`
(a member's content), `?child_of=`, `?search=`, and the fields of each type.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PaginasAPIViewSet(PagesAPIViewSet):
    # Never the owner, the last editor or who locked a page: only public metadata.
    meta_fields = [
        f
        for f in PagesAPIViewSet.meta_fields
        if f not in {"owner", "latest_revision_created_at", "locked", "locked_by"}
    ]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PaginasAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
