"""`/datos/catalogo.jsonld`: a DCAT-AP catalogue of every registered download
(nucleo.exportar) and of the datasets apps add through the `datos_conjuntos_dcat` hook."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

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


def fecha_dcat(valor):
    return {"@value": valor.isoformat(), "@type": "xsd:dateTime"} if valor else None


def lugar_dcat(nombre, cut=None):
    lugar = {"@type": "dct:Location", "skos:prefLabel": nombre}
    if cut:
        lugar["dct:identifier"] = cut
    return lugar


def sin_vacios(datos):
    return {k: v for k, v in datos.items() if v not in (None, "", [])}


def catalogo_dcat(pagina, request):
    """A DCAT-AP catalogue (JSON-LD) of the site's downloads and the datasets members publish."""
    enlaces = Enlaces(request)
    base = pagina.get_full_url(request)
    raiz = request.build_absolute_uri("/")
    red = {
        "@id": raiz,
        "@type": "foaf:Organization",
        "foaf:name": "Red Regional de Gobierno Abierto",
    }

    conjuntos = []
    for exportacion in EXPORTACIONES.values():
        url = f"{base}#{exportacion.nombre}"
        conjuntos.append(
            sin_vacios(
                {
                    "@id": url,
                    "@type": "dcat:Dataset",
                    "dct:identifier": exportacion.nombre,
                    "dct:title": str(exportacion.titulo),
                    "dct:description": str(exportacion.descripcion),
                    "dct:publisher": red,
                    "dct:license": {"@id": LICENCIA_DATOS},
                    "dct:language": pagina.locale.language_code,
                    "dct:modified": fecha_dcat(exportacion.ultima_modificacion()),
                    "dct:spatial": lugar_dcat(REGION),
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

    # Datasets that members publish as pages of their own (tools of kind "datos"…).
    for hook in hooks.get_hooks("datos_conjuntos_dcat"):
        conjuntos.extend(hook(pagina, request, enlaces, red))

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
