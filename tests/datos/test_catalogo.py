"""/datos/catalogo.jsonld: a DCAT catalogue that rdflib (and so ckanext-dcat) can read."""

import datetime

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from tests.practicas.factories import crear_practica

from .factories import crear_herramienta

pytestmark = pytest.mark.django_db
# Plain namespaces: pytest's introspection trips over rdflib's closed ones.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def grafo(client):
    r = client.get("/datos/catalogo.jsonld")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/ld+json")
    g = Graph()
    g.parse(data=r.content.decode(), format="json-ld")
    return g


@pytest.fixture
def conjunto(datos, herramientas_index, renca, biblioteca):
    practica = crear_practica(renca, title="Compras abiertas")
    practica.save_revision().publish()
    herramienta = crear_herramienta(
        renca,
        title="Compras municipales de Renca",
        resumen="Las compras del municipio, mes a mes.",
        tipo="datos",
        formatos=["CSV"],
        ejes=["datos-abiertos"],
        tags=["compras"],
        comunas=["13128"],
        frecuencia="MONTHLY",
        cobertura_inicio=datetime.date(2023, 1, 1),
        cobertura_fin=datetime.date(2024, 12, 31),
        url_descarga="https://datos.renca.cl/compras.csv",
    )
    herramienta.save_revision().publish()
    crear_herramienta(renca, title="Guía que no es conjunto de datos", tipo="guia")
    return herramienta


def test_catalogo_con_cada_descarga_y_sus_distribuciones(client, conjunto):
    g = grafo(client)
    catalogos = list(g.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogos) == 1
    conjuntos = set(g.objects(catalogos[0], DCAT.dataset))
    assert conjuntos == set(g.subjects(RDF.type, DCAT.Dataset))
    identificadores = {str(g.value(d, DCTERMS.identifier)) for d in conjuntos}
    assert {"practicas", "eventos", "herramientas", "miembros"} <= identificadores
    for d in conjuntos:
        if str(g.value(d, DCTERMS.identifier)) != "practicas":
            continue
        assert g.value(d, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
        assert g.value(d, DCTERMS.modified) is not None
        assert g.value(d, DCTERMS.spatial) is not None
        descargas = {
            str(g.value(dist, DCAT.downloadURL)): str(g.value(dist, DCAT.mediaType))
            for dist in g.objects(d, DCAT.distribution)
        }
        assert descargas == {
            "http://localhost/datos/practicas.csv": "text/csv",
            "http://localhost/datos/practicas.json": "application/json",
        }
        for url in descargas:
            assert client.get(url.removeprefix("http://localhost")).status_code == 200


def test_herramienta_de_datos_con_campos_dcat(client, conjunto):
    g = grafo(client)
    d = URIRef(conjunto.get_full_url())
    assert (d, RDF.type, DCAT.Dataset) in g
    assert str(g.value(d, DCTERMS.title)) == "Compras municipales de Renca"
    editor = g.value(d, DCTERMS.publisher)
    assert str(g.value(editor, FOAF.name)) == "Municipalidad de Renca"
    assert str(g.value(d, DCTERMS.accrualPeriodicity)).endswith("/MONTHLY")
    periodo = g.value(d, DCTERMS.temporal)
    assert str(g.value(periodo, DCAT.startDate)) == "2023-01-01"
    lugar = g.value(d, DCTERMS.spatial)
    assert str(g.value(lugar, SKOS.prefLabel)) == "Renca"
    assert str(g.value(d, DCAT.keyword)) == "compras"
    assert g.value(d, DCAT.theme) is not None
    dist = g.value(d, DCAT.distribution)
    assert str(g.value(dist, DCAT.downloadURL)) == "https://datos.renca.cl/compras.csv"
    assert str(g.value(dist, DCTERMS["format"])) == "CSV"
    assert g.value(d, DCTERMS.modified) is not None
    # Only datasets: the guide is not in the catalogue.
    titulos = {str(t) for t in g.objects(None, DCTERMS.title)}
    assert "Guía que no es conjunto de datos" not in titulos
