"""The open-data collections of practices and tools (/datos/practicas.*, /datos/herramientas.*)."""

from django.utils.translation import gettext_lazy as _

from nucleo.dcat import FRECUENCIA_URI, REGION, fecha_dcat, lugar_dcat, sin_vacios
from nucleo.exportar import (
    CAMPOS_PUBLICACION,
    COMUNES,
    PUBLICACION,
    Columna,
    Exportacion,
    Filtrado,
    Relacion,
    campo,
    fecha,
    lista,
    registrar,
    relacion_m2m,
    relacion_tags,
)
from red.models import MiembroPage

from .biblioteca import (
    Biblioteca,
    BibliotecaHerramientas,
    herramientas_publicas,
    practicas_publicas,
)
from .models import (
    HerramientaPage,
    HerramientaTag,
    PracticaPage,
    PracticaTag,
    Replicacion,
    TipoHerramienta,
)


@registrar
class ExportacionPracticas(Exportacion):
    orden = 10
    modelo = PracticaPage
    modelo_miembro = MiembroPage
    nombre = "practicas"
    titulo = _("Prácticas de gobierno abierto")
    descripcion = _(
        "Las prácticas replicables que publican los miembros de la Red, con sus ejes, "
        "etiquetas, comunas y replicaciones."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "resumen",
        "estado",
        "fecha_inicio",
        "fecha_termino",
        "licencia",
    )
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), campo("resumen")),
        Columna("estado", _("piloto, en_marcha o finalizada."), campo("estado")),
        Columna("fecha_inicio", _("Fecha de inicio (ISO 8601)."), fecha("fecha_inicio")),
        Columna("fecha_termino", _("Fecha de término (ISO 8601)."), fecha("fecha_termino")),
        Columna(
            "tipo_miembro",
            _("gobierno_regional, municipalidad, organizacion o academia."),
            lambda exp, f: exp.miembro(f)["tipo"] if exp.miembro(f) else "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde se aplica."),
            lista("comunas"),
            lista=True,
        ),
        Columna(
            "comunas_nombres",
            _("Nombres de esas comunas."),
            lista("comunas_nombres"),
            lista=True,
        ),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), lista("ejes"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), lista("etiquetas"), lista=True),
        Columna("metas_ods", _("Metas ODS."), lista("metas_ods"), lista=True),
        Columna(
            "replicaciones",
            _("Número de miembros que la replicaron o la están replicando."),
            lambda exp, f: len(f["replicaciones"]),
        ),
        Columna("licencia", _("Licencia (identificador SPDX)."), campo("licencia")),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        return {
            "comunas": relacion_m2m(PracticaPage, "comunas"),
            "comunas_nombres": Relacion(
                PracticaPage.comunas.through, "practicapage_id", "comuna__nombre"
            ),
            "ejes": relacion_m2m(PracticaPage, "ejes"),
            "etiquetas": relacion_tags(PracticaTag),
            "metas_ods": relacion_m2m(PracticaPage, "metas_ods"),
            "replicaciones": Relacion(Replicacion, "practica_id", "pk"),
        }

    def paginas(self):
        return Biblioteca(self.request, locale=self.locale).filtrar()


@registrar
class ExportacionHerramientas(Exportacion):
    orden = 30
    modelo = HerramientaPage
    modelo_miembro = MiembroPage
    nombre = "herramientas"
    titulo = _("Herramientas compartidas")
    descripcion = _(
        "Guías, plantillas, metodologías, software, conjuntos de datos y material de "
        "formación que comparten los miembros de la Red."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "tipo",
        "resumen",
        "licencia",
        "url_descarga",
        "frecuencia",
        "cobertura_inicio",
        "cobertura_fin",
    )
    columnas = [
        *COMUNES,
        Columna(
            "tipo",
            _("guia, plantilla, metodologia, software, datos o formacion."),
            campo("tipo"),
        ),
        Columna("resumen", _("Resumen en lenguaje claro."), campo("resumen")),
        Columna("licencia", _("Licencia (identificador SPDX)."), campo("licencia")),
        Columna("formatos", _("Formatos de archivo."), lista("formatos"), lista=True),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), lista("ejes"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), lista("etiquetas"), lista=True),
        Columna(
            "practicas",
            _("Identificadores de las prácticas relacionadas (columna «id» de prácticas)."),
            lista("practicas"),
            lista=True,
        ),
        Columna("url_descarga", _("Descarga directa (conjuntos de datos)."), campo("url_descarga")),
        Columna(
            "frecuencia",
            _("Frecuencia de actualización (vocabulario de la Unión Europea)."),
            campo("frecuencia"),
        ),
        Columna(
            "cobertura_inicio",
            _("Inicio del periodo cubierto (ISO 8601)."),
            fecha("cobertura_inicio"),
        ),
        Columna("cobertura_fin", _("Fin del periodo cubierto (ISO 8601)."), fecha("cobertura_fin")),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas cubiertas."),
            lista("comunas"),
            lista=True,
        ),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        practicas = HerramientaPage.practicas.through
        return {
            "formatos": relacion_m2m(HerramientaPage, "formatos"),
            "ejes": relacion_m2m(HerramientaPage, "ejes"),
            "etiquetas": relacion_tags(HerramientaTag),
            "comunas": relacion_m2m(HerramientaPage, "comunas"),
            # Only public practices: a draft's id says nothing, but it is not a link.
            "practicas": Relacion(
                Filtrado(practicas, practicapage__in=practicas_publicas()),
                "herramientapage_id",
                "practicapage_id",
            ),
        }

    def paginas(self):
        return BibliotecaHerramientas(self.request, locale=self.locale).filtrar()


def conjuntos_dcat_de_herramientas(pagina, request, enlaces, red):
    """The catalogue's datasets of tools of kind "datos", with their DCAT fields."""
    raiz = request.build_absolute_uri("/")
    conjuntos = []
    herramientas = (
        herramientas_publicas(pagina.locale)
        .filter(tipo=TipoHerramienta.DATOS)
        .select_related("locale")
        .prefetch_related("ejes", "tags", "comunas", "formatos")
        .order_by("title")
    )
    herramientas = list(herramientas)
    rutas = {h.path[: -MiembroPage.steplen] for h in herramientas}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=rutas)}
    for h in herramientas:
        url = enlaces.url(h)
        miembro = miembros.get(h.path[: -MiembroPage.steplen])
        formatos = list(h.formatos.all())
        distribuciones = []
        if h.url_descarga:
            distribuciones.append(
                sin_vacios(
                    {
                        "@id": h.url_descarga,
                        "@type": "dcat:Distribution",
                        "dct:title": h.title,
                        "dcat:downloadURL": {"@id": h.url_descarga},
                        "dcat:accessURL": {"@id": url},
                        "dcat:mediaType": formatos[0].media_type if formatos else None,
                        "dct:format": formatos[0].codigo if formatos else None,
                        "dct:license": {"@id": h.licencia_url},
                    }
                )
            )
        temporal = None
        if h.cobertura_inicio or h.cobertura_fin:
            temporal = sin_vacios(
                {
                    "@type": "dct:PeriodOfTime",
                    "dcat:startDate": {
                        "@value": h.cobertura_inicio.isoformat(),
                        "@type": "xsd:date",
                    }
                    if h.cobertura_inicio
                    else None,
                    "dcat:endDate": {"@value": h.cobertura_fin.isoformat(), "@type": "xsd:date"}
                    if h.cobertura_fin
                    else None,
                }
            )
        comunas = list(h.comunas.all())
        conjuntos.append(
            sin_vacios(
                {
                    "@id": url,
                    "@type": "dcat:Dataset",
                    "dct:identifier": str(h.pk),
                    "dct:title": h.title,
                    "dct:description": h.resumen,
                    "dct:publisher": {
                        "@id": enlaces.url(miembro),
                        "@type": "foaf:Organization",
                        "foaf:name": miembro.title,
                    }
                    if miembro
                    else red,
                    "dct:license": {"@id": h.licencia_url},
                    "dct:language": h.locale.language_code,
                    "dct:issued": fecha_dcat(h.first_published_at),
                    "dct:modified": fecha_dcat(h.last_published_at),
                    "dct:accrualPeriodicity": {"@id": FRECUENCIA_URI + h.frecuencia}
                    if h.frecuencia
                    else None,
                    "dct:temporal": temporal,
                    "dct:spatial": [lugar_dcat(c.nombre, c.cut) for c in comunas]
                    or lugar_dcat(REGION),
                    "dcat:theme": [
                        {"@id": f"{raiz}herramientas/?eje={e.slug}", "skos:prefLabel": e.nombre}
                        for e in h.ejes.all()
                    ],
                    "dcat:keyword": [t.name for t in h.tags.all()],
                    "dcat:landingPage": {"@id": url},
                    "dcat:distribution": distribuciones,
                }
            )
        )
    return conjuntos
