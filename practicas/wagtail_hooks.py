"""Admin: the free tags of practices, editable as snippets (rename, merge by hand, delete)."""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
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
