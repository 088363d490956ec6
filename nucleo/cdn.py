"""What the CDN must forget when a page is published, unpublished or moved.

Wagtail's frontend_cache purges the page's own URL. The pages that list it (the
home pages, the libraries, the calendar, the directory, the open-data files,
the feed, the sitemap and the page's parent) would otherwise keep showing it,
or not showing it, until their max-age ends.
Filtered listings (`/practicas/?eje=...`) have URLs of their own that a CDN
cannot purge by prefix everywhere: they still expire with max-age
(docs/despliegue.md).

The purge runs as a background task: a CDN that answers slowly (Wagtail's HTTP
backend waits without a timeout) must not hold up the editor who publishes.
"""

import copy

from django.conf import settings
from django.db import transaction
from django_tasks import task

# Page types whose unfiltered URL lists other pages say so with this attribute
# (home pages, libraries, calendar, directory, open data); addresses that are not
# pages (feeds) come from the `cdn_urls_de_listados` hook, one URL name each.
ATRIBUTO_LISTADO = "lista_otras_paginas"


def conectar_senales():
    """Called from NucleoConfig.ready()."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(_al_publicar, dispatch_uid="red-cdn-publicar")
    page_unpublished.connect(_al_publicar, dispatch_uid="red-cdn-despublicar")
    post_page_move.connect(_al_mover, dispatch_uid="red-cdn-mover")


def _al_publicar(sender, instance, **kwargs):
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: purgar_listados(instance))


def _al_mover(sender, instance, parent_page_before, url_path_before, **kwargs):
    if not settings.WAGTAILFRONTENDCACHE:
        return
    # The old address stops existing and the old parent stops listing the page.
    antes = copy.copy(instance)
    antes.url_path = url_path_before
    transaction.on_commit(lambda: purgar_listados(instance, antes, parent_page_before))


def purgar_listados(pagina, *otras):
    """Enqueue the purge of the listings, the page's parent and `otras` from every CDN."""
    from django.urls import reverse
    from django.utils import translation
    from wagtail import hooks
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page, Site, get_page_models

    modelos = [m for m in get_page_models() if getattr(m, ATRIBUTO_LISTADO, False)]
    nombres = [nombre for hook in hooks.get_hooks("cdn_urls_de_listados") for nombre in hook()]
    lote = PurgeBatch()
    lote.add_pages(Page.objects.live().type(*modelos).specific())
    lote.add_pages(p for p in (pagina.get_parent(), *otras) if p is not None)
    for sitio in Site.objects.all():
        lote.add_url(sitio.root_url + reverse("sitemap"))
        for idioma, _nombre in settings.LANGUAGES:
            with translation.override(idioma):
                for nombre in nombres:
                    lote.add_url(sitio.root_url + reverse(nombre))
    purgar_urls.enqueue(sorted(lote.urls))


@task()
def purgar_urls(urls):
    """Purges `urls` from every CDN in WAGTAILFRONTENDCACHE (its backends log failures)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
    return len(urls)
