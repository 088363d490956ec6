from django.apps import AppConfig


class RedConfig(AppConfig):
    name = "red"
    verbose_name = "Red y miembros"

    def ready(self):
        from red.cache import conectar_senales

        conectar_senales()
