"""Admin hooks of the foundation: images and documents by collection permission, and
no publication or workflow step carried out by an autosave."""

from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext as _
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


# The edit form's fields that publish or move a workflow (Wagtail's EditView
# .action_name_and_method). A click on "Aprobar y publicar" adds them to the form.
ACCIONES_DE_PUBLICACION = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
    "action-cancel-workflow",
)


@hooks.register("before_edit_page")
def autoguardado_sin_publicar(request, page):
    """Wagtail 8's autosave posts the whole edit form as JSON; after a click on a
    workflow button it carried the action again, wrote the pre-approval page back
    and could leave a page unpublished (docs/decisiones.md). An autosave only saves
    a draft: any publish or workflow action it carries is refused with a 409."""
    if request.method != "POST" or request.accepts("text/html"):
        return None
    if not any(request.POST.get(campo) for campo in ACCIONES_DE_PUBLICACION):
        return None
    return JsonResponse(
        {
            "success": False,
            "error_code": "accion_en_autoguardado",
            "error_message": _(
                "El guardado automático no publica ni mueve la revisión: use los botones "
                "de la página."
            ),
        },
        status=409,
    )
