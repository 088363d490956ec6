"""`/datos/organizaciones.csv|json`: the catastro as open data, public fields only.

The export engine (nucleo.exportar) is written for pages; organizations are
plain rows, so this collection reads them with `values()` and adds their
comunas with one query per chunk. Contacts, consent, evidence, reviewers and
rejected registrations never leave.
"""

from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from nucleo.exportar import Columna, Exportacion, campo, fecha, registrar

from .models import Organizacion


def _url(exp, fila):
    return exp.base_directorio + f"{fila['pk']}-{fila['slug']}/" if exp.base_directorio else ""


@registrar
class ExportacionOrganizaciones(Exportacion):
    orden = 50
    nombre = "organizaciones"
    titulo = _("Catastro de organizaciones ciudadanas")
    descripcion = _(
        "Las organizaciones ciudadanas de la región registradas en el catastro de la Red, "
        "con sus comunas y su estado de verificación. Sin datos de contacto."
    )
    campos = (
        "pk",
        "nombre",
        "slug",
        "rut",
        "tipo__nombre",
        "comuna__cut",
        "descripcion",
        "registro",
        "numero_registro",
        "directiva_vence",
        "estado",
        "verificada",
        "verificada_por_entidad",
        "es_demo",
        "creada",
        "actualizada",
    )
    columnas = [
        Columna("url", _("Página pública de la organización."), _url),
        Columna("id", _("Identificador estable de la organización en el catastro."), campo("pk")),
        Columna("nombre", _("Nombre de la organización."), campo("nombre")),
        Columna("rut", _("RUT de la organización (sin puntos, con guion)."), campo("rut")),
        Columna("tipo", _("Tipo de organización."), campo("tipo__nombre")),
        Columna("comuna", _("Código CUT de la comuna del domicilio."), campo("comuna__cut")),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde trabaja."),
            lambda exp, f: f["comunas"],
            lista=True,
        ),
        Columna("descripcion", _("Qué hace la organización."), campo("descripcion")),
        Columna("registro", _("Registro de su personalidad jurídica."), campo("registro")),
        Columna("numero_registro", _("Número de inscripción."), campo("numero_registro")),
        Columna(
            "directiva_vence",
            _("Fin del periodo de la directiva (ISO 8601)."),
            fecha("directiva_vence"),
        ),
        Columna(
            "estado",
            _("pendiente, verificada o vencida."),
            campo("estado"),
        ),
        Columna(
            "verificada", _("Fecha de la última verificación (ISO 8601)."), fecha("verificada")
        ),
        Columna(
            "verificada_por",
            _("Institución que la verificó."),
            campo("verificada_por_entidad"),
        ),
        Columna(
            "es_demo", _("Dato inventado para la demostración (true/false)."), campo("es_demo")
        ),
        Columna("registrada", _("Fecha del registro (ISO 8601)."), fecha("creada")),
        Columna("actualizada", _("Última modificación (ISO 8601)."), fecha("actualizada")),
    ]

    def __init__(self, request, locale=None):
        super().__init__(request, locale=locale)
        from .pagina import OrganizacionesIndexPage

        paginas = OrganizacionesIndexPage.objects.live().public().values("url_path")
        indice = (paginas.filter(locale=locale).first() if locale else None) or paginas.first()
        self.base_directorio = self.enlaces.url(indice) if indice else ""

    @classmethod
    def ultima_modificacion(cls):
        return Organizacion.objects.publicas().aggregate(m=Max("actualizada"))["m"]

    def paginas(self):
        return Organizacion.objects.publicas().order_by("nombre_busqueda", "pk")

    def preparar_bloque(self, filas):
        """The comunas of a chunk in one query (organizations have no page path)."""
        through = Organizacion.comunas.through
        comunas = {}
        for org_id, cut in (
            through.objects.filter(organizacion_id__in=[f["pk"] for f in filas])
            .order_by("comuna__cut")
            .values_list("organizacion_id", "comuna__cut")
        ):
            comunas.setdefault(org_id, []).append(cut)
        for fila in filas:
            fila["comunas"] = comunas.get(fila["pk"], [])
