"""The home page: what the network is, live figures, the map and a call to join."""

from bs4 import BeautifulSoup

from tests.red.factories import municipalidad, organizacion


def cifras(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text(" ", strip=True) for li in soup.select(".cifras .figures li")]


def test_figures_count_live_public_members_and_participating_comunas(client, red_index):
    municipalidad(red_index, "13128", es_piloto=True)
    municipalidad(red_index, "13122", es_piloto=True)
    organizacion(red_index, cuts=["13101"])
    retirada = municipalidad(red_index, "13101")
    retirada.unpublish()
    response = client.get("/")
    assert response.status_code == 200
    assert cifras(response) == [
        "3 miembros en la Red",
        "2 / 52 comunas de la región participan a través de su municipalidad",
    ]


def test_home_shows_the_map_and_the_call_to_join(client, red_index):
    municipalidad(red_index, "13128", es_piloto=True)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert len(soup.select(".mapa__vista--region path.mapa__comuna")) == 52
    assert (
        soup.select_one(".mapa__vista--region a.mapa__enlace")["href"]
        == "/red/municipalidad-de-renca/"
    )
    llamado = soup.select_one(".llamado")
    assert llamado.select_one('a[href="/red/unete/"]')
    assert soup.h1.get_text() == "Red Regional de Gobierno Abierto"


def test_home_queries_do_not_grow_with_members(client, red_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from red.models import Comuna

    municipalidad(red_index, "13128")
    client.get("/")
    with CaptureQueriesContext(connection) as pocas:
        client.get("/")
    for cut in Comuna.objects.exclude(cut="13128").values_list("cut", flat=True)[:20]:
        municipalidad(red_index, cut)
    client.get("/")
    with CaptureQueriesContext(connection) as muchas:
        response = client.get("/")
    assert "21 / 52" in " ".join(cifras(response))
    assert len(muchas) == len(pocas)


def test_the_home_title_names_the_network_once(client, red_index):
    titulo = BeautifulSoup(client.get("/").content, "html.parser").head.title.get_text()
    assert titulo == "Red Regional de Gobierno Abierto"


def test_a_library_search_shows_its_query_in_one_box_only(client, biblioteca):
    soup = BeautifulSoup(client.get("/practicas/?q=cabildos").content, "html.parser")
    assert [caja.get("value") for caja in soup.select("input[name=q]")] == [None, "cabildos"]
    assert soup.head.title.get_text().endswith(" · Red Regional de Gobierno Abierto")
