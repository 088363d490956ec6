"""A member's profile page: who they are, where they work, how to reach them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from .factories import municipalidad, organizacion


def ficha(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup.select(".miembro__ficha dt")
    }


def test_municipality_page_shows_every_fact(client, red_index):
    logo = Image.objects.create(title="Escudo", file=get_test_image_file())
    renca = municipalidad(
        red_index,
        "13128",
        es_piloto=True,
        es_demo=True,
        resumen="Municipio piloto de la Red.",
        descripcion="<p>Renca abre sus datos de presupuesto.</p>",
        logo=logo,
        sitio_web="https://www.renca.cl",
        contacto_nombre="Oficina de Transparencia",
        contacto_email="transparencia@renca.cl",
        contacto_telefono="+56 2 2685 6000",
        fecha_ingreso=datetime.date(2025, 9, 1),
    )
    response = client.get(renca.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Municipalidad de Renca"
    insignias = soup.select_one(".miembro__insignias").get_text(" ", strip=True)
    assert "Municipalidad" in insignias
    assert "Comuna piloto" in insignias
    assert "Contenido de demostración" in insignias
    assert soup.select_one(".lead").get_text() == "Municipio piloto de la Red."
    assert "Renca abre sus datos de presupuesto." in soup.select_one(".rich-text").get_text()
    assert soup.select_one("img.miembro__logo")["alt"] == "Logo de Municipalidad de Renca"
    datos = ficha(response)
    assert datos["Tipo de miembro"] == "Municipalidad"
    assert datos["Comuna"] == "Renca"
    assert datos["En la Red desde"] == "1 de septiembre de 2025"
    assert datos["Sitio web"] == "www.renca.cl"
    assert "transparencia@renca.cl" in datos["Contacto institucional"]
    assert soup.select_one('a[href="mailto:transparencia@renca.cl"]')
    assert soup.select_one('a[href="tel:+56226856000"]')
    assert soup.select_one('time[datetime="2025-09-01"]')


def test_organization_page_lists_its_comunas_or_says_it_covers_the_region(client, red_index):
    local = organizacion(red_index, cuts=["13128", "13101"], title="Junta Vecinal")
    assert ficha(client.get(local.url))["Comunas donde trabaja"] == "Renca, Santiago"
    from red.models import Comuna

    regional = organizacion(red_index, title="Consejo Regional")
    regional.comunas.set(Comuna.objects.all())
    regional.save()
    assert ficha(client.get(regional.url))["Comunas donde trabaja"] == "Toda la región (52 comunas)"


def test_optional_facts_are_left_out_when_empty(client, red_index):
    miembro = organizacion(red_index, title="Colectivo sin datos")
    datos = ficha(client.get(miembro.url))
    assert set(datos) == {"Tipo de miembro", "Comunas donde trabaja"}
    assert datos["Comunas donde trabaja"] == "Sin comunas indicadas"


@pytest.fixture
def seccion_de_prueba():
    def seccion(miembro, request):
        if miembro.es_piloto:
            return {"template": "red/includes/comunas_miembro.html", "context": {}}
        return None

    with hooks.register_temporarily("miembro_secciones", seccion):
        yield


def test_other_apps_add_sections_through_the_hook(client, red_index, seccion_de_prueba):
    piloto = municipalidad(red_index, "13128", es_piloto=True)
    otro = municipalidad(red_index, "13101")
    from red.models import secciones_de_miembro

    assert len(secciones_de_miembro(piloto, None)) == 1
    assert secciones_de_miembro(otro, None) == []
    assert client.get(piloto.url).status_code == 200
