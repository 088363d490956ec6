"""«¿Qué cambió?»: the latest status changes of a program, as a page and an Atom feed."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from nucleo.exportar import Enlaces

N_CAMBIOS = 30


def ultimos_cambios(programa, n=N_CAMBIOS):
    """The newest entries of the program's live, public commitments (two queries)."""
    from .models import CambioEstado, CompromisoPage

    vivos = CompromisoPage.objects.child_of(programa).live().public()
    return list(
        CambioEstado.objects.filter(compromiso__in=vivos.values("pk"))
        .select_related("compromiso", "corrige")
        .order_by("-fecha", "-registrado", "-pk")[:n]
    )


class CambiosFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, programa):
        super().__init__()
        self.programa = programa

    def get_object(self, request, *args, **kwargs):
        self.enlaces = Enlaces(request)
        self.request = request
        return self.programa

    def title(self, programa):
        return _("¿Qué cambió? %(programa)s") % {"programa": programa.title}

    def subtitle(self, programa):
        return _("Los últimos cambios de estado de los compromisos, con su evidencia.")

    def link(self, programa):
        return self.enlaces.url(programa)

    def items(self, programa):
        return ultimos_cambios(programa)

    def item_title(self, item):
        return f"{item.compromiso.title}: {item.get_estado_display()} ({item.avance} %)"

    def item_description(self, item):
        return item.nota

    def item_link(self, item):
        return f"{self.enlaces.url(item.compromiso)}#cambio-{item.pk}"

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.registrado

    def item_author_name(self, item):
        return self.programa.autoridad
