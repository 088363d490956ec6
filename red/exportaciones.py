"""The open-data collection of members (/datos/miembros.*)."""

from django.utils.translation import gettext_lazy as _

from nucleo.exportar import (
    COMUNES,
    Columna,
    Exportacion,
    campo,
    fecha,
    lista,
    registrar,
    relacion_m2m,
)

from .models import MiembroPage


@registrar
class ExportacionMiembros(Exportacion):
    """Members' public profile only: institutional contacts, never editors or applications."""

    orden = 40
    modelo = MiembroPage

    nombre = "miembros"
    titulo = _("Miembros de la Red")
    descripcion = _(
        "El gobierno regional, las municipalidades, las organizaciones y las instituciones "
        "que forman la Red, con sus comunas."
    )
    campos = (
        *Exportacion.campos,
        "tipo",
        "comuna__cut",
        "resumen",
        "sitio_web",
        "contacto_nombre",
        "contacto_email",
        "contacto_telefono",
        "fecha_ingreso",
        "es_piloto",
    )
    columnas = [
        *COMUNES[:2],
        Columna("nombre", _("Nombre del miembro."), campo("title")),
        Columna(
            "tipo",
            _("gobierno_regional, municipalidad, organizacion o academia."),
            campo("tipo"),
        ),
        Columna(
            "comuna",
            _("Código CUT de la comuna (municipalidades)."),
            lambda exp, f: f["comuna__cut"] or "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde trabaja (organizaciones)."),
            lista("comunas"),
            lista=True,
        ),
        Columna("resumen", _("Quiénes son y qué hacen."), campo("resumen")),
        Columna("sitio_web", _("Sitio web."), campo("sitio_web")),
        Columna("contacto_nombre", _("Contacto institucional."), campo("contacto_nombre")),
        Columna("contacto_email", _("Correo institucional."), campo("contacto_email")),
        Columna("contacto_telefono", _("Teléfono institucional."), campo("contacto_telefono")),
        Columna("fecha_ingreso", _("Ingreso a la Red (ISO 8601)."), fecha("fecha_ingreso")),
        Columna("es_piloto", _("Comuna piloto de la Red (true/false)."), campo("es_piloto")),
        Columna("idioma", _("Idioma de la página (es, en)."), campo("locale__language_code")),
    ]

    @property
    def relaciones(self):
        return {"comunas": relacion_m2m(MiembroPage, "comunas")}

    def paginas(self):
        qs = MiembroPage.objects.live().public().order_by("title", "pk")
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs
