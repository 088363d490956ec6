"""Costly parts of pages (map, figures, featured practices) are kept between requests
even with the page cache off, and become stale the moment something is published."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ConfiguracionSitio
from tests.red.factories import municipalidad


def consultas(client, ruta):
    with CaptureQueriesContext(connection) as capturadas:
        respuesta = client.get(ruta)
    assert respuesta.status_code == 200
    return len(capturadas), respuesta


def cifra_de_comunas(respuesta):
    soup = BeautifulSoup(respuesta.content, "html.parser")
    return soup.select(".cifras .figures strong")[1].get_text()


def test_the_map_and_figures_are_computed_once_until_something_is_published(
    client, red_index, cache_contenido
):
    # The site settings row is created on the first visit (a save that makes kept parts stale).
    ConfiguracionSitio.for_site(red_index.get_site())
    municipalidad(red_index, "13128", es_piloto=True)
    primera, respuesta = consultas(client, "/")
    segunda, repetida = consultas(client, "/")
    assert segunda < primera - 5
    assert repetida.content == respuesta.content
    assert cifra_de_comunas(repetida) == "1 / 52"

    # A municipality published through Wagtail's publishing: the figures and map follow.
    maipu = municipalidad(red_index, "13119")
    maipu.save_revision().publish()
    _n, actualizada = consultas(client, "/")
    assert cifra_de_comunas(actualizada) == "2 / 52"
    svg = BeautifulSoup(actualizada.content, "html.parser").select_one(".mapa__vista--region svg")
    assert {a["data-cut"] for a in svg.select("a.mapa__enlace")} == {"13128", "13119"}


def test_each_language_and_each_practice_map_has_its_own_fragment(
    client, red_index, cache_contenido
):
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128", es_piloto=True)
    practica = crear_practica(renca, comunas=["13128"], title="Cabildos abiertos")
    red = client.get("/red/").content.decode()
    de_practica = client.get(f"/red/?practica={practica.pk}").content.decode()
    assert "Las 52 comunas de la región en la Red" in red
    assert "Dónde se aplica y dónde se replicó: Cabildos abiertos" in de_practica
    assert "Dónde se aplica" not in client.get("/red/").content.decode()


def test_library_counts_are_kept_per_set_of_filters_until_a_practice_is_published(
    client, red_index, cache_contenido
):
    from practicas.models import PracticaIndexPage
    from tests.practicas.factories import PracticaIndexPageFactory, crear_practica

    ConfiguracionSitio.for_site(red_index.get_site())
    PracticaIndexPageFactory(parent=red_index.get_parent())
    assert PracticaIndexPage.objects.count() == 1
    renca = municipalidad(red_index, "13128")
    crear_practica(renca, ejes=["transparencia"], title="Cuentas claras")
    crear_practica(renca, ejes=["datos-abiertos"], title="Datos de Renca")

    def total(respuesta):
        return (
            BeautifulSoup(respuesta.content, "html.parser")
            .select_one(".biblioteca__total")
            .get_text()
        )

    primera, respuesta = consultas(client, "/practicas/")
    segunda, _ = consultas(client, "/practicas/")
    assert segunda < primera
    assert total(respuesta) == "2 prácticas"
    # Another filter is another set of counts.
    assert total(client.get("/practicas/?eje=transparencia")) == "1 práctica"
    # Publishing a practice makes the kept counts stale.
    nueva = crear_practica(renca, ejes=["transparencia"], title="Más transparencia")
    nueva.save_revision().publish()
    assert total(client.get("/practicas/")) == "3 prácticas"
    assert total(client.get("/practicas/?eje=transparencia")) == "2 prácticas"
