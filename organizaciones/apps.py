from django.apps import AppConfig


class OrganizacionesConfig(AppConfig):
    name = "organizaciones"
    verbose_name = "Catastro de organizaciones"
    # The directory, the map and the downloads show them (nucleo.cache); a
    # self-registration opts out, see RegistroOrganizacionForm.guardar.
    modelos_publicos = ("organizaciones.Organizacion", "organizaciones.TipoOrganizacion")

    def ready(self):
        from . import datos  # noqa: F401 - registers the open-data collection
