from django.apps import AppConfig


class RendicionConfig(AppConfig):
    name = "rendicion"
    verbose_name = "Rendición de cuentas"

    def ready(self):
        from wagtail.signals import page_published

        from . import datos  # noqa: F401 - registers the open-data collections
        from .models import CompromisoPage
        from .seguimiento import al_publicar_compromiso

        # New timeline entries reach the commitment's and the program's followers.
        page_published.connect(
            al_publicar_compromiso, sender=CompromisoPage, dispatch_uid="rendicion-avisar"
        )
