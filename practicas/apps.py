from django.apps import AppConfig


class PracticasConfig(AppConfig):
    name = "practicas"
    verbose_name = "Prácticas y herramientas"

    def ready(self):
        from . import datos  # noqa: F401 - registers the open-data collections
