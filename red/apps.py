from django.apps import AppConfig


class RedConfig(AppConfig):
    name = "red"
    verbose_name = "Red y miembros"
    # Saving or deleting one changes public pages (nucleo.cache, docs/cache.md);
    # a join application does not: anonymous input never makes the cache cold.
    modelos_publicos = ("red.Comuna",)

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import (
            archivos_datos,
            exportaciones,  # noqa: F401 - registers the open-data collection
        )

        archivos_datos.conectar_senales()

        post_migrate.connect(_asegurar_permisos, dispatch_uid="red_asegurar_permisos")


def _asegurar_permisos(sender, app_config=None, using="default", **kwargs):
    """After `migrate`: the coordination group and the review workflow (idempotent).

    Runs once, on the signal of the last installed app with models (sent
    only for those), when the permissions it needs exist.
    """
    from django.apps import apps

    con_modelos = [c for c in apps.get_app_configs() if c.models_module is not None]
    if app_config is None or app_config is not con_modelos[-1]:
        return
    if using != "default":
        return
    from importlib import import_module

    from red.grupos import asegurar_flujo_revision

    # The coordination gets wagtail-localize's "submit translations" permission,
    # which that app creates in a data migration, not on post_migrate: after a
    # database flush (live-server tests) it must be put back before it is granted.
    import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    ).create_submit_translation_permission(apps, None)
    asegurar_flujo_revision()
