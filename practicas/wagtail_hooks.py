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


@hooks.register("cdn_urls_de_listados")
def canal_de_practicas():
    """The practices feed lists every practice: the CDN forgets it on each publish."""
    return ["practicas_feed"]


@hooks.register("red_practica_del_mapa")
def practica_del_mapa(pk):
    """`/red/?practica=<id>`: the live, public practice whose map the directory draws."""
    from .models import PracticaPage

    return PracticaPage.objects.live().public().filter(pk=pk).first()


@hooks.register("datos_conjuntos_dcat")
def herramientas_en_el_catalogo(pagina, request, enlaces, red):
    from .datos import conjuntos_dcat_de_herramientas

    return conjuntos_dcat_de_herramientas(pagina, request, enlaces, red)
