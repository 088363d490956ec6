"""Wagtail admin hooks of the home app. Each area keeps its hooks in its own section."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nucleo.panels import analizar_texto

from .models import TerminoJerga

# --- Lenguaje claro: the editor's readability endpoint and the jargon list ------


@hooks.register("register_admin_urls")
def urls_lenguaje_claro():
    return [path("lenguaje-claro/analizar/", analizar_texto, name="lenguaje_claro_analizar")]


class TerminoJergaViewSet(SnippetViewSet):
    model = TerminoJerga
    icon = "glasses"
    menu_label = _("Jerga administrativa")
    list_display = ["termino", "alternativa", "nota"]
    ordering = ["termino"]


register_snippet(TerminoJergaViewSet)


@hooks.register("lenguaje_claro_jerga")
def jerga_de_la_coordinacion():
    """The readability panel flags every term of the Spanish list."""
    from wagtail.models import Locale

    return TerminoJerga.objects.filter(locale=Locale.get_default()).values_list(
        "termino", "alternativa", "nota"
    )
