"""Admin: the free tags of practices, editable as snippets (rename, merge by hand, delete)."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet


class EtiquetaViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Etiquetas")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


register_snippet(EtiquetaViewSet)


@hooks.register("miembro_secciones")
def herramientas_del_miembro(miembro, request):
    """The tools a member shares, on its profile page (after its practices)."""
    from .biblioteca import herramientas_publicas, preparar_herramientas

    herramientas = preparar_herramientas(
        herramientas_publicas(miembro.locale).child_of(miembro).order_by("title")[:12]
    )
    if not herramientas:
        return None
    return {
        "template": "practicas/includes/herramientas_miembro.html",
        "context": {"herramientas": herramientas},
    }
