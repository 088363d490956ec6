from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Inicio y contenidos"

    def ready(self):
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_unpublished

        from nucleo.traduccion import olvidar_rutas

        def si_es_pagina_o_sitio(sender, instance, **kwargs):
            if isinstance(instance, Page | Site):
                olvidar_rutas()
            if isinstance(instance, Page) and instance.depth == 2:
                # A new translation of a site's home page (/en/) is a new site
                # root path; Wagtail only refreshes its cache when a Site changes.
                Site.clear_site_root_paths_cache()

        post_save.connect(si_es_pagina_o_sitio, dispatch_uid="home-rutas-guardar")
        post_delete.connect(si_es_pagina_o_sitio, dispatch_uid="home-rutas-borrar")
        page_published.connect(olvidar_rutas, dispatch_uid="home-rutas-publicar")
        page_unpublished.connect(olvidar_rutas, dispatch_uid="home-rutas-despublicar")
