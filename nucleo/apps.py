from django.apps import AppConfig


class NucleoConfig(AppConfig):
    """The foundation every domain app builds on; it imports none of them."""

    name = "nucleo"
    verbose_name = "Núcleo del sitio"

    def ready(self):
        from . import cache, cdn, privacidad

        cache.conectar_senales()
        cdn.conectar_senales()
        privacidad.conectar_senales()
