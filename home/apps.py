from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Inicio y contenidos"
    # Saving or deleting one changes public pages (nucleo.cache, docs/cache.md).
    modelos_publicos = ("home.ConfiguracionSitio",)

    def ready(self):
        from wagtail.models import Page, Site

        def si_es_raiz_de_sitio(sender, instance, **kwargs):
            if isinstance(instance, Page) and instance.depth == 2:
                # A new translation of a site's home page (/en/) is a new site
                # root path; Wagtail only refreshes its cache when a Site changes.
                Site.clear_site_root_paths_cache()

        post_save.connect(si_es_raiz_de_sitio, dispatch_uid="home-rutas-guardar")
        post_delete.connect(si_es_raiz_de_sitio, dispatch_uid="home-rutas-borrar")
