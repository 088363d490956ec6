from django.apps import AppConfig


class OrganizacionesConfig(AppConfig):
    name = "organizaciones"
    verbose_name = "Catastro de organizaciones"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from . import datos  # noqa: F401 - registers the open-data collection
        from .models import Organizacion, TipoOrganizacion

        # The directory, the map and the downloads show organizations: a change
        # makes the cached pages stale (nucleo.cache does it for content apps).
        for modelo in (Organizacion, TipoOrganizacion):
            post_save.connect(_invalidar, sender=modelo, dispatch_uid=f"catastro-{modelo}")
            post_delete.connect(_invalidar, sender=modelo, dispatch_uid=f"catastro-b-{modelo}")
        m2m_changed.connect(
            _invalidar, sender=Organizacion.comunas.through, dispatch_uid="catastro-m2m"
        )


def _invalidar(**kwargs):
    from nucleo.cache import invalidar_paginas

    invalidar_paginas()
