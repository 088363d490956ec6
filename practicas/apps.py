from django.apps import AppConfig


class PracticasConfig(AppConfig):
    name = "practicas"
    verbose_name = "Prácticas y herramientas"
    # Saving or deleting one changes public pages (nucleo.cache, docs/cache.md).
    modelos_publicos = ("practicas.Eje", "practicas.MetaODS", "practicas.Formato", "taggit.Tag")

    def ready(self):
        from . import datos  # noqa: F401 - registers the open-data collections
