from django.apps import AppConfig


class EventosConfig(AppConfig):
    name = "eventos"
    verbose_name = "Eventos"
    # A registration changes the places left of its event, nothing else public:
    # only what shows them is redrawn (nucleo.cache, docs/cache.md).
    modelos_de_cupos = ("eventos.Inscripcion",)

    def ready(self):
        from wagtail.signals import page_published

        from . import datos  # noqa: F401 - registers the open-data collection
        from .models import EventoPage

        page_published.connect(
            _al_publicar_evento, sender=EventoPage, dispatch_uid="eventos-promover-lista"
        )


def _al_publicar_evento(sender, instance, **kwargs):
    """Raising the capacity frees places: the waiting list moves up in order."""
    from .inscripciones import promover_lista

    promover_lista(instance.pagina_fuente())
