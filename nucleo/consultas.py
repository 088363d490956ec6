"""Helpers to list what the public may see, cheaply."""

from django.db.models import Q
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, PageViewRestriction

from .cache import en_cache


def rutas_restringidas():
    """The paths of the pages with a view restriction, kept until something is published.

    A restriction covers the page's subtree. An alias shares its source's
    restrictions, so aliases of pages in a restricted subtree are listed too
    (more than Wagtail checks: for those Wagtail's own query decides).
    """

    def calcular():
        rutas = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        if rutas:
            bajo = Q()
            for ruta in rutas:
                bajo |= Q(alias_of__path__startswith=ruta)
            rutas += Page.objects.filter(bajo).values_list("path", flat=True)
        return tuple(rutas)

    return en_cache("rutas-restringidas", calcular, proceso=True)


def sin_restricciones():
    """Q of the pages with no view restriction on them or an ancestor.

    What Wagtail's `.public()` does, with the restricted paths kept until something
    is published (saving a restriction bumps the version): `.public()` asks the
    database for them every time a listing is built.
    """
    q = Q()
    for ruta in rutas_restringidas():
        q &= ~Q(path__startswith=ruta)
    return q


class ListaPerezosa:
    """What a Paginator slices: a queryset built only when a page of it is read."""

    def __init__(self, construir):
        self.construir = construir

    def __getitem__(self, corte):
        return SimpleLazyObject(lambda: self.construir()[corte])
