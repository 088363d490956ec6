"""The member directory on /red/: filters, name search, counts, bad input."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from red.models import Comuna, TipoMiembro
from tests.factories import MiembroPageFactory

from .factories import municipalidad, organizacion


def titulos(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".card--miembro .card__title")]


def total(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.select_one(".directorio__total").get_text(" ", strip=True)


@pytest.fixture
def red(red_index):
    municipalidad(red_index, "13122", es_piloto=True)  # Peñalolén
    municipalidad(red_index, "13128", es_piloto=True)  # Renca
    organizacion(red_index, cuts=["13128", "13101"], title="Fundación Ciudad Abierta")
    MiembroPageFactory(
        parent=red_index, tipo=TipoMiembro.ACADEMIA, title="Universidad de la Región"
    )
    return red_index


def test_lists_every_live_member_with_kind_comunas_and_badges(client, red):
    response = client.get("/red/")
    assert response.status_code == 200
    assert titulos(response) == [
        "Fundación Ciudad Abierta",
        "Municipalidad de Peñalolén",
        "Municipalidad de Renca",
        "Universidad de la Región",
    ]
    assert total(response) == "4 miembros"
    soup = BeautifulSoup(response.content, "html.parser")
    fundacion = soup.select(".card--miembro")[0]
    assert "Organización de la sociedad civil" in fundacion.get_text()
    assert "Renca" in fundacion.select_one(".card__comunas").get_text()
    assert "Santiago" in fundacion.select_one(".card__comunas").get_text()
    renca = soup.select(".card--miembro")[2]
    assert "Comuna piloto" in renca.get_text()


def test_filter_by_kind(client, red):
    response = client.get("/red/", {"tipo": "municipalidad"})
    assert titulos(response) == ["Municipalidad de Peñalolén", "Municipalidad de Renca"]
    assert total(response) == "2 miembros con los filtros elegidos"


def test_filter_by_comuna_finds_the_municipality_and_who_works_there(client, red):
    response = client.get("/red/", {"comuna": "13128"})
    assert titulos(response) == ["Fundación Ciudad Abierta", "Municipalidad de Renca"]


def test_filters_combine(client, red):
    response = client.get("/red/", {"comuna": "13128", "tipo": "organizacion"})
    assert titulos(response) == ["Fundación Ciudad Abierta"]


def test_name_search_ignores_case_and_accents(client, red):
    assert titulos(client.get("/red/", {"nombre": "PENALOLEN"})) == ["Municipalidad de Peñalolén"]
    assert titulos(client.get("/red/", {"nombre": "región"})) == ["Universidad de la Región"]


def test_no_result_says_so_and_offers_the_way_back(client, red):
    response = client.get("/red/", {"nombre": "no existe nadie así"})
    assert titulos(response) == []
    assert total(response) == "0 miembros con los filtros elegidos"
    assert "Ningún miembro coincide con la búsqueda." in response.content.decode()
    assert 'href="/red/"' in response.content.decode()


@pytest.mark.parametrize(
    "parametros",
    [
        {"tipo": "alcaldia"},
        {"comuna": "99999"},
        {"comuna": "<script>"},
        {"nombre": "x" * 500},
        {"page": "muchas"},
        {"page": "999"},
    ],
)
def test_bad_parameters_get_a_friendly_answer_never_an_error(client, red, parametros):
    response = client.get("/red/", parametros)
    assert response.status_code == 200
    if "page" not in parametros:
        assert "No entendimos parte de la búsqueda" in response.content.decode()
    assert titulos(response)  # the valid filters (none here) still select members


def test_a_bad_value_does_not_cancel_the_valid_filters(client, red):
    response = client.get("/red/", {"tipo": "alcaldia", "nombre": "renca"})
    assert titulos(response) == ["Municipalidad de Renca"]
    assert "No entendimos parte de la búsqueda" in response.content.decode()


def test_unpublished_members_are_not_listed(client, red):
    red.get_children().get(title="Universidad de la Región").specific.unpublish()
    assert "Universidad de la Región" not in titulos(client.get("/red/"))


def test_the_form_works_without_javascript(client, red):
    soup = BeautifulSoup(client.get("/red/").content, "html.parser")
    formulario = soup.select_one("form.directorio__filtros")
    assert formulario["method"] == "get"
    assert formulario["action"] == "/red/"
    for nombre in ("nombre", "tipo", "comuna"):
        campo = formulario.select_one(f'[name="{nombre}"]')
        assert soup.select_one(f'label[for="{campo["id"]}"]')
    assert len(formulario.select('select[name="comuna"] option')) == 53


def test_pagination_keeps_the_filters(client, red_index, settings):
    for numero in range(30):
        MiembroPageFactory(parent=red_index, title=f"Organización {numero:02d}")
    response = client.get("/red/", {"tipo": "organizacion"})
    assert len(titulos(response)) == 24
    assert 'href="?tipo=organizacion&amp;page=2"' in response.content.decode()
    assert len(titulos(client.get("/red/", {"tipo": "organizacion", "page": 2}))) == 6


def test_the_directory_does_no_per_member_queries(client, red_index):
    organizacion(red_index, cuts=["13101"])
    client.get("/red/")  # warm the per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as pocas:
        client.get("/red/")
    cuts = list(Comuna.objects.exclude(cut="13101").values_list("cut", flat=True)[:15])
    for numero, cut in enumerate(cuts):
        organizacion(red_index, cuts=["13101", cut], title=f"Organización {numero}")
        municipalidad(red_index, cut)
    client.get("/red/")
    with CaptureQueriesContext(connection) as muchas:
        response = client.get("/red/")
    assert len(titulos(response)) == 24
    assert len(muchas) == len(pocas)
