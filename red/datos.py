"""`/datos/`: what the site publishes as open data, and the downloads themselves.

The downloads are routes of `DatosPage` (`practicas.csv`, `catalogo.jsonld`…).
Wagtail's own URL pattern only serves paths made of words and slashes, so
`red/urls.py` maps `/datos/<file>` to `descarga()`, which finds the live page
of the visitor's language and hands the file name to its routes.
"""

import json

from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField

from home.models import BasePage

from .exportar import EXPORTACIONES, Enlaces

LICENCIA_DATOS = "https://creativecommons.org/licenses/by/4.0/"
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}
CONTEXTO_DCAT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
REGION = "Región Metropolitana de Santiago"
FRECUENCIA_URI = "http://publications.europa.eu/resource/authority/frequency/"


class DatosPage(RoutablePageMixin, BasePage):
    """The open-data page: explains the downloads and serves them."""

    intro = RichTextField(
        _("introducción"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("En lenguaje claro: qué datos publica la Red y para qué sirven."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("página de datos abiertos")

    def get_cached_paths(self):
        # What a CDN purge of this page covers (wagtail.contrib.frontend_cache):
        # the files as linked, through red.urls's `datos_descarga`.
        archivos = [f"{nombre}.{ext}" for nombre in EXPORTACIONES for ext in ("csv", "json")]
        return ["/", *archivos, "catalogo.jsonld"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request) or "/datos/"
        context["descargas"] = [
            {
                "nombre": e.nombre,
                "titulo": e.titulo,
                "descripcion": e.descripcion,
                "columnas": e.columnas,
                "csv": f"{base}{e.nombre}.csv",
                "json": f"{base}{e.nombre}.json",
            }
            for e in EXPORTACIONES.values()
        ]
        context["catalogo_url"] = f"{base}catalogo.jsonld"
        context["licencia_url"] = LICENCIA_DATOS
        return context

    @re_path(r"^(?P<nombre>practicas|eventos|herramientas|miembros)\.(?P<formato>csv|json)/$")
    def descargar(self, request, nombre, formato):
        return EXPORTACIONES[nombre](request, locale=self.locale).respuesta(formato)

    @re_path(r"^catalogo\.jsonld/$")
    def catalogo(self, request):
        texto = json.dumps(catalogo_dcat(self, request), ensure_ascii=False, indent=1)
        respuesta = HttpResponse(texto, content_type="application/ld+json; charset=utf-8")
        respuesta["Access-Control-Allow-Origin"] = "*"
        return respuesta


def descarga(request, archivo):
    """`/datos/<archivo>`: the route of the live open-data page in the visitor's language."""
    paginas = DatosPage.objects.live().public()
    pagina = paginas.filter(locale__language_code=get_language()).first() or paginas.first()
    if pagina is None:
        raise Http404(_("No hay una página de datos abiertos publicada."))
    view, args, kwargs = pagina.resolve_subpage(f"/{archivo}/")
    return pagina.serve(request, view, args, kwargs)


# DCAT ------------------------------------------------------------------------


def _fecha(valor):
    return {"@value": valor.isoformat(), "@type": "xsd:dateTime"} if valor else None


def _lugar(nombre, cut=None):
    lugar = {"@type": "dct:Location", "skos:prefLabel": nombre}
    if cut:
        lugar["dct:identifier"] = cut
    return lugar


def _sin_vacios(datos):
    return {k: v for k, v in datos.items() if v not in (None, "", [])}


def catalogo_dcat(pagina, request):
    """A DCAT-AP catalogue (JSON-LD) of the site's downloads and dataset-kind tools."""
    from practicas.biblioteca import herramientas_publicas
    from practicas.models import HerramientaPage, PracticaPage, TipoHerramienta

    from .models import MiembroPage

    enlaces = Enlaces(request)
    base = pagina.get_full_url(request)
    raiz = request.build_absolute_uri("/")
    red = {
        "@id": raiz,
        "@type": "foaf:Organization",
        "foaf:name": "Red Regional de Gobierno Abierto",
    }
    modificados = {
        "practicas": PracticaPage.objects.live().public().aggregate(m=Max("last_published_at")),
        "herramientas": HerramientaPage.objects.live()
        .public()
        .aggregate(m=Max("last_published_at")),
        "miembros": MiembroPage.objects.live().public().aggregate(m=Max("last_published_at")),
    }
    try:
        from eventos.models import EventoPage

        modificados["eventos"] = (
            EventoPage.objects.live().public().aggregate(m=Max("last_published_at"))
        )
    except ImportError:  # pragma: no cover - the events app is always installed
        pass

    conjuntos = []
    for exportacion in EXPORTACIONES.values():
        url = f"{base}#{exportacion.nombre}"
        conjuntos.append(
            _sin_vacios(
                {
                    "@id": url,
                    "@type": "dcat:Dataset",
                    "dct:identifier": exportacion.nombre,
                    "dct:title": str(exportacion.titulo),
                    "dct:description": str(exportacion.descripcion),
                    "dct:publisher": red,
                    "dct:license": {"@id": LICENCIA_DATOS},
                    "dct:language": pagina.locale.language_code,
                    "dct:modified": _fecha(modificados.get(exportacion.nombre, {}).get("m")),
                    "dct:spatial": _lugar(REGION),
                    "dct:accrualPeriodicity": {
                        "@id": "http://publications.europa.eu/resource/authority/frequency/CONT"
                    },
                    "dcat:landingPage": {"@id": base},
                    "dcat:keyword": ["gobierno abierto", str(exportacion.nombre)],
                    "dcat:distribution": [
                        {
                            "@id": f"{base}{exportacion.nombre}.{formato}",
                            "@type": "dcat:Distribution",
                            "dct:title": f"{exportacion.titulo} ({formato.upper()})",
                            "dcat:downloadURL": {"@id": f"{base}{exportacion.nombre}.{formato}"},
                            "dcat:accessURL": {"@id": base},
                            "dcat:mediaType": media,
                            "dct:format": formato.upper(),
                            "dct:license": {"@id": LICENCIA_DATOS},
                        }
                        for formato, media in MEDIA_TYPES.items()
                    ],
                }
            )
        )

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
                _sin_vacios(
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
            temporal = _sin_vacios(
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
            _sin_vacios(
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
                    "dct:issued": _fecha(h.first_published_at),
                    "dct:modified": _fecha(h.last_published_at),
                    "dct:accrualPeriodicity": {"@id": FRECUENCIA_URI + h.frecuencia}
                    if h.frecuencia
                    else None,
                    "dct:temporal": temporal,
                    "dct:spatial": [_lugar(c.nombre, c.cut) for c in comunas] or _lugar(REGION),
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

    return {
        "@context": CONTEXTO_DCAT,
        "@id": f"{base}catalogo.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": str(_("Datos abiertos de la Red Regional de Gobierno Abierto")),
        "dct:description": str(
            _(
                "Prácticas, herramientas, eventos y miembros de la Red, y los conjuntos "
                "de datos que publican sus miembros."
            )
        ),
        "dct:publisher": red,
        "dct:license": {"@id": LICENCIA_DATOS},
        "dct:language": pagina.locale.language_code,
        "foaf:homepage": {"@id": raiz},
        "dcat:dataset": conjuntos,
    }
