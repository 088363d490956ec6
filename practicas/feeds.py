"""`/practicas/feed.xml`: an Atom feed of the newest public practices."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nucleo.exportar import Enlaces

N_ENTRADAS = 30


class PracticasFeed(Feed):
    feed_type = Atom1Feed
    title = _("Nuevas prácticas de la Red Regional de Gobierno Abierto")
    subtitle = _("Las prácticas de gobierno abierto publicadas más recientemente.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.enlaces = Enlaces(request)
        return None

    def link(self):
        return self.request.build_absolute_uri("/practicas/")

    def items(self):
        from practicas.biblioteca import practicas_publicas, preparar_listado

        qs = (
            practicas_publicas()
            .filter(locale__language_code=get_language())
            .select_related("locale")
            .order_by("-first_published_at", "-pk")[:N_ENTRADAS]
        )
        return preparar_listado(qs)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.resumen

    def item_link(self, item):
        return self.enlaces.url(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        # The member that publishes it, never the editor who wrote the page.
        return item.miembro.title if item.miembro else None

    def item_categories(self, item):
        return [e.nombre for e in item.lista_ejes] + [t.name for t in item.lista_etiquetas]
