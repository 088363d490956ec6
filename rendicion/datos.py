"""The open data of commitments: /datos/compromisos.* and /datos/compromisos-historial.*."""

from django.utils.translation import gettext_lazy as _

from nucleo.exportar import (
    CAMPOS_PUBLICACION,
    COMUNES,
    Columna,
    Exportacion,
    campo,
    fecha,
    iso,
    lista,
    registrar,
    relacion_m2m,
)

from .models import CambioEstado, CompromisoPage, ProgramaPage


def _programa(exp, f):
    p = exp.miembro(f)
    return p["title"] if p else ""


def _programa_url(exp, f):
    p = exp.miembro(f)
    return exp.enlaces.url(p) if p else ""


@registrar
class ExportacionCompromisos(Exportacion):
    """One row per published commitment, with its current status."""

    orden = 40
    modelo = CompromisoPage
    nombre = "compromisos"
    titulo = _("Compromisos de los programas de gobierno")
    descripcion = _(
        "Cada compromiso de los programas de gobierno publicados en la Red, con su estado "
        "actual, su avance y su presupuesto."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "eje",
        "subeje",
        "numero",
        "promesa",
        "estado",
        "avance",
        "unidad",
        "toda_la_region",
        "presupuesto_aprobado",
        "presupuesto_ejecutado",
        "es_demo",
    )
    columnas = [
        *COMUNES,
        Columna("programa", _("Programa al que pertenece."), _programa),
        Columna("programa_url", _("Página del programa."), _programa_url),
        Columna("eje", _("Eje, como en el programa."), campo("eje")),
        Columna("subeje", _("Subeje (vacío si el programa no lo indica)."), campo("subeje")),
        Columna("numero", _("Número dentro del eje."), campo("numero")),
        Columna("promesa", _("Qué se prometió, en lenguaje claro."), campo("promesa")),
        Columna(
            "estado",
            _(
                "sin_informacion, no_iniciado, en_diseno, en_ejecucion, cumplido, "
                "parcialmente_cumplido o no_cumplido."
            ),
            campo("estado"),
        ),
        Columna("avance", _("Avance en porcentaje (0 a 100)."), campo("avance")),
        Columna("unidad", _("Unidad responsable."), campo("unidad")),
        Columna("toda_la_region", _("true si alcanza a toda la región."), campo("toda_la_region")),
        Columna(
            "comunas", _("Códigos CUT de las comunas alcanzadas."), lista("comunas"), lista=True
        ),
        Columna(
            "presupuesto_aprobado",
            _("Presupuesto aprobado en pesos (CLP)."),
            campo("presupuesto_aprobado"),
        ),
        Columna(
            "presupuesto_ejecutado",
            _("Presupuesto ejecutado en pesos (CLP)."),
            campo("presupuesto_ejecutado"),
        ),
        Columna("es_demo", _("true si es contenido de demostración ficticio."), campo("es_demo")),
        Columna("idioma", _("Idioma de la página (es, en)."), campo("locale__language_code")),
        Columna("actualizada", _("Última publicación (ISO 8601)."), fecha("last_published_at")),
    ]

    @property
    def relaciones(self):
        return {"comunas": relacion_m2m(CompromisoPage, "comunas")}

    def preparar_bloque(self, filas):
        super().preparar_bloque(filas)
        from wagtail.models import Page

        rutas = {f["path"][: -Page.steplen] for f in filas} - set(self.miembros)
        for p in ProgramaPage.objects.filter(path__in=rutas).values("path", "title", "url_path"):
            self.miembros[p["path"]] = p

    def paginas(self):
        qs = CompromisoPage.objects.live().public().order_by("path")
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs


@registrar
class ExportacionHistorial(Exportacion):
    """One row per status change of a published commitment."""

    orden = 41
    modelo = CompromisoPage
    nombre = "compromisos-historial"
    titulo = _("Historial de estados de los compromisos")
    descripcion = _(
        "Cada cambio de estado de cada compromiso publicado: fecha, estado, avance, nota y "
        "evidencia. Una corrección es una fila nueva que indica la que corrige."
    )
    campos = (
        "pk",
        "compromiso_id",
        "compromiso__url_path",
        "fecha",
        "estado",
        "avance",
        "nota",
        "evidencia_enlace",
        "evidencia_documento__file",
        "evidencia_conjunto__url_path",
        "corrige_id",
    )
    columnas = [
        Columna("id", _("Identificador estable del cambio."), campo("pk")),
        Columna("compromiso_id", _("Identificador del compromiso."), campo("compromiso_id")),
        Columna(
            "compromiso_url",
            _("Página del compromiso."),
            lambda exp, f: exp.enlaces.url({"url_path": f["compromiso__url_path"]}),
        ),
        Columna("fecha", _("Fecha del cambio (ISO 8601)."), lambda exp, f: iso(f["fecha"])),
        Columna("estado", _("Nuevo estado."), campo("estado")),
        Columna("avance", _("Avance en porcentaje."), campo("avance")),
        Columna("nota", _("Nota en lenguaje claro."), campo("nota")),
        Columna("evidencia", _("Dirección de la evidencia."), lambda exp, f: _evidencia(exp, f)),
        Columna(
            "corrige",
            _("Identificador del cambio que esta fila corrige (vacío si ninguno)."),
            lambda exp, f: f["corrige_id"] or "",
        ),
    ]

    def preparar_bloque(self, filas):
        pass

    def paginas(self):
        vivos = CompromisoPage.objects.live().public()
        if self.locale is not None:
            vivos = vivos.filter(locale=self.locale)
        return CambioEstado.objects.filter(compromiso__in=vivos.values("pk")).order_by(
            "compromiso_id", "fecha", "sort_order", "pk"
        )


def _evidencia(exp, f):
    if f["evidencia_enlace"]:
        return f["evidencia_enlace"]
    if f["evidencia_conjunto__url_path"]:
        return exp.enlaces.url({"url_path": f["evidencia_conjunto__url_path"]})
    if f["evidencia_documento__file"]:
        return exp.request.build_absolute_uri("/media/" + f["evidencia_documento__file"])
    return ""
