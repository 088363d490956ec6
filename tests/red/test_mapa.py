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
    # View restrictions (read once per content version: not again the second
    # time), member pages, comunas.
    assert muchas <= pocas <= 3


def test_one_practice_map_shows_where_it_runs_and_where_it_was_replicated(client, red_index):
    from practicas.models import Replicacion
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128", es_piloto=True)
    maipu = municipalidad(red_index, "13119")
    penalolen = municipalidad(red_index, "13122")
    practica = crear_practica(renca, comunas=["13128"], title="Cabildos abiertos")
    version_maipu = crear_practica(maipu, comunas=["13119"], title="Cabildos en Maipú")
    Replicacion.objects.create(
        practica=practica, miembro=maipu, estado="replicada", practica_propia=version_maipu
    )
    Replicacion.objects.create(practica=practica, miembro=penalolen, estado="en_proceso")

    # The practice page leads to its map.
    pagina = BeautifulSoup(client.get(practica.url).content, "html.parser")
    enlace = pagina.find("a", string="Ver en el mapa dónde se aplica y dónde se replicó")
    assert enlace["href"] == f"/red/?practica={practica.pk}#mapa-titulo"

    soup = BeautifulSoup(client.get(f"/red/?practica={practica.pk}").content, "html.parser")
    assert soup.select_one("#mapa-titulo").get_text() == (
        "Dónde se aplica y dónde se replicó: Cabildos abiertos"
    )
    assert soup.select_one(".mapa__resumen").get_text() == (
        "Se aplica en 1 comuna, fue replicada en 1 y se está replicando en 1."
    )
    svg = svg_region(str(soup))
    enlaces = {a["data-cut"]: a for a in svg.select("a.mapa__enlace")}
    assert set(enlaces) == {"13128", "13119", "13122"}
    assert enlaces["13128"]["href"] == practica.url
    assert "mapa__comuna--aplica" in enlaces["13128"].path["class"]
    # A replication links to the member's own version of the practice when it has one.
    assert enlaces["13119"]["href"] == version_maipu.url
    assert "Maipú: Replicada aquí" in enlaces["13119"]["aria-label"]
    assert enlaces["13122"]["href"] == penalolen.url
    assert "mapa__comuna--en-replicacion" in enlaces["13122"].path["class"]
    lampa = svg.select_one('path[data-cut="13302"]')
    assert lampa.title.get_text() == "Lampa: Sin registro de esta práctica"
    leyenda = [li.get_text(" ", strip=True) for li in soup.select(".mapa__leyenda li")]
    assert leyenda == [
        "Se aplica aquí (1)",
        "Replicada aquí (1)",
        "Se está replicando aquí (1)",
        "Sin registro de esta práctica (49)",
    ]
    # The table says the same.
    filas = {f.th.get_text(strip=True): f for f in soup.select(".mapa__tabla tbody tr")}
    assert [td.get_text(strip=True) for td in filas["Maipú"].select("td")][1:] == [
        "Replicada aquí",
        "Cabildos en Maipú",
    ]


def test_an_unknown_or_unpublished_practice_falls_back_to_the_network_map(client, red_index):
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128")
    borrador = crear_practica(renca, comunas=["13128"], title="Borrador secreto")
    borrador.unpublish()
    for valor in [str(borrador.pk), "999999", "abc", "1" * 40]:
        response = client.get("/red/", {"practica": valor})
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("#mapa-titulo").get_text() == "Las 52 comunas de la región en la Red"
        assert "No encontramos esa práctica" in soup.get_text()
        assert "Borrador secreto" not in response.content.decode()
