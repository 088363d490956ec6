from django.apps import AppConfig


class RendicionConfig(AppConfig):
    name = "rendicion"
    verbose_name = "Rendición de cuentas"

    def ready(self):
        from . import datos  # noqa: F401 - registers the open-data collections
