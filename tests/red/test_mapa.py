"""The map of the 52 comunas: named shapes, status colours, links and the table."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from red import mapa
from red.models import Comuna

from .factories import municipalidad, organizacion


def svg_region(html):
    return BeautifulSoup(html, "html.parser").select_one(".mapa__vista--region svg")


def test_the_geometry_has_one_path_per_comuna_and_is_computed_once(db):
    geometria = mapa.geometria()
    assert set(geometria.caminos) == set(Comuna.objects.values_list("cut", flat=True))
    assert all(
        camino.startswith("M") and camino.endswith("Z") for camino in geometria.caminos.values()
    )
    assert mapa.geometria() is geometria
    # The zoomed view is a window on the dense Provincia de Santiago, inside the map.
    x, y, ancho, alto = geometria.ampliacion
    assert x > 0 and y > 0 and x + ancho < geometria.ancho and y + alto < geometria.alto
    assert ancho < geometria.ancho / 2


def test_the_map_on_red_names_the_52_comunas_and_links_members(client, red_index):
    renca = municipalidad(red_index, "13128", es_piloto=True)
    municipalidad(red_index, "13101", title="Municipalidad de Santiago")
    response = client.get("/red/")
    svg = svg_region(response.content)
    formas = svg.select("path.mapa__comuna")
    assert len(formas) == 52
    nombres = {forma.title.get_text().split(":")[0] for forma in formas}
    assert nombres == set(Comuna.objects.values_list("nombre", flat=True))
    enlaces = {a["data-cut"]: a for a in svg.select("a.mapa__enlace")}
    assert set(enlaces) == {"13128", "13101"}
    assert enlaces["13128"]["href"] == renca.url
    assert "Renca: Comuna piloto de la Red" in enlaces["13128"]["aria-label"]
    assert svg.select_one('a[data-cut="13128"] path')["class"] == [
        "mapa__comuna",
        "mapa__comuna--piloto",
    ]
    assert "mapa__comuna--miembro" in svg.select_one('a[data-cut="13101"] path')["class"]
    sin_miembro = svg.select_one('path[data-cut="13302"]')  # Lampa
    assert "mapa__comuna--no-miembro" in sin_miembro["class"]
    assert sin_miembro.title.get_text() == "Lampa: Aún no es miembro"


def test_the_zoomed_view_is_hidden_from_assistive_technology_and_the_tab_order(client, red_index):
    municipalidad(red_index, "13128", es_piloto=True)
    soup = BeautifulSoup(client.get("/red/").content, "html.parser")
    ampliada = soup.select_one(".mapa__vista--ampliada")
    assert ampliada["aria-hidden"] == "true"
    assert [a["tabindex"] for a in ampliada.select("a")] == ["-1"]
    assert [t.get_text() for t in ampliada.select("text.mapa__rotulo")] == ["Renca"]


def test_the_table_says_the_same_as_the_map(client, red_index):
    renca = municipalidad(red_index, "13128", es_piloto=True)
    soup = BeautifulSoup(client.get("/red/").content, "html.parser")
    filas = soup.select(".mapa__tabla tbody tr")
    assert len(filas) == 52
    por_comuna = {fila.th.get_text(strip=True): fila for fila in filas}
    celdas = [td.get_text(strip=True) for td in por_comuna["Renca"].select("td")]
    assert celdas == ["Santiago", "Comuna piloto de la Red", renca.title]
    assert por_comuna["Renca"].a["href"] == renca.url
    assert por_comuna["Lampa"].select("td")[1].get_text(strip=True) == "Aún no es miembro"
    assert por_comuna["Lampa"].a is None


def test_legend_counts_comunas_by_status(client, red_index):
    municipalidad(red_index, "13128", es_piloto=True)
    municipalidad(red_index, "13101")
    # An organization working in a comuna does not make its municipality a member.
    organizacion(red_index, cuts=["13302"])
    soup = BeautifulSoup(client.get("/red/").content, "html.parser")
    leyenda = [li.get_text(" ", strip=True) for li in soup.select(".mapa__leyenda li")]
    assert leyenda == [
        "Comuna piloto de la Red (1)",
        "Municipalidad miembro de la Red (1)",
        "Aún no es miembro (50)",
    ]
    assert "2 de las 52 comunas" in soup.select_one(".mapa__resumen").get_text()


def test_unpublished_members_do_not_colour_the_map(client, red_index):
    renca = municipalidad(red_index, "13128", es_piloto=True)
    renca.unpublish()
    svg = svg_region(client.get("/red/").content)
    assert svg.select("a.mapa__enlace") == []


def _consultas_del_mapa():
    with CaptureQueriesContext(connection) as consultas:
        datos = mapa.mapa_de_comunas(idioma="es")
    return datos, len(consultas)


def test_the_map_costs_the_same_queries_whatever_the_number_of_members(red_index):
    cuts = list(Comuna.objects.values_list("cut", flat=True)[:12])
    municipalidad(red_index, cuts[0])
    datos, pocas = _consultas_del_mapa()
    assert datos["participantes"] == 1
    for cut in cuts[1:]:
        municipalidad(red_index, cut)
    datos, muchas = _consultas_del_mapa()
    assert datos["participantes"] == 12
    # View restrictions, member pages, comunas.
    assert pocas == muchas <= 3
