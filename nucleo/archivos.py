"""Images and documents of a collection reach only whoever may use that collection.

Wagtail filters its choosers and listings by collection permissions, but not
two side doors:

- the admin API (`/admin/api/main/images/`, `/admin/api/main/documents/`, used
  by the rich-text editor and the choosers' JavaScript) lists every image and
  document with its title and download URL. `ImagenesAdminAPI` and
  `DocumentosAdminAPI` replace Wagtail's endpoints (hook `construct_admin_api`
  in `nucleo/wagtail_hooks.py`) and keep only what the user may choose or
  change (`instances_user_has_any_permission_for`, the chooser's own rule);
- a collection with a "login" view restriction lets any logged-in account
  download its documents. `documento_de_otra_coleccion` (hook
  `before_serve_document`) answers 404 to a logged-in user with no permission on
  the document's collection: the restriction means "the editors of this
  collection" (and the coordination, which has the root collection).
"""

from django.http import Http404
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import BaseViewRestriction
from wagtail.permissions import policy_registry

ACCIONES_DE_USO = ["choose", "change"]


def utilizables(modelo, usuario, queryset):
    """The part of `queryset` (images or documents) that `usuario` may choose or change."""
    politica = policy_registry.get_by_type(modelo)
    return queryset & politica.instances_user_has_any_permission_for(usuario, ACCIONES_DE_USO)


class _SoloUtilizables:
    def get_queryset(self):
        return utilizables(self.model, self.request.user, super().get_queryset())


class ImagenesAdminAPI(_SoloUtilizables, ImagesAdminAPIViewSet):
    pass


class DocumentosAdminAPI(_SoloUtilizables, DocumentsAdminAPIViewSet):
    pass


def documento_de_otra_coleccion(documento, request):
    """A "login" restriction opens the document to its collection's users only."""
    usuario = request.user
    if not usuario.is_authenticated:
        return None  # Wagtail's own check already sent them to the login page
    restricciones = documento.collection.get_view_restrictions()
    if not any(r.restriction_type == BaseViewRestriction.LOGIN for r in restricciones):
        return None
    politica = policy_registry.get_by_type(type(documento))
    if politica.user_has_any_permission_for_instance(usuario, ACCIONES_DE_USO, documento):
        return None
    # The same 404 as a wrong id or file name: the answer confirms nothing.
    raise Http404
