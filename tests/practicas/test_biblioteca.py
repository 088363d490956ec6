"""The library /practicas/: filters with counts, search, sorting, pagination, bad input."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from practicas.models import Replicacion
from red.models import Comuna

from .factories import crear_practica

pytestmark = pytest.mark.django_db


def titulos(response):
    return re.findall(r'<h3><a href="[^"]*">([^<]+)</a></h3>', response.content.decode())


def total(response):
    texto = re.search(r'id="resultados-titulo"[^>]*>([^<]+)<', response.content.decode()).group(1)
    return int(texto.split()[0])


def cuenta_opcion(response, parametro, valor):
    """The count shown next to one option of a facet, or None if it is not shown."""
    html = response.content.decode()
    patron = (
        rf'href="\?[^"]*{parametro}={re.escape(valor)}[^"]*"[^>]*>'
        r"(?:(?!</a>).)*?\((\d+)\)</span></a>"
    )
    for enlace in re.finditer(patron, html, re.S):
        return int(enlace.group(1))
    return None


@pytest.fixture
def practicas(biblioteca, renca, maipu, ong):
    return {
        "presupuesto": crear_practica(
            renca,
            title="Presupuesto participativo",
            resumen="Vecinas y vecinos deciden la inversión del barrio.",
            ejes=["participacion-ciudadana"],
            comunas=["13128"],
            ods=["16.7"],
            tags=["presupuesto", "votación"],
            fecha_inicio=datetime.date(2024, 3, 1),
        ),
        "datos": crear_practica(
            maipu,
            title="Portal de datos abiertos",
            resumen="Datos municipales en CSV.",
            ejes=["datos-abiertos", "transparencia"],
            comunas=["13119"],
            ods=["16.10"],
            tags=["datos"],
            fecha_inicio=datetime.date(2025, 5, 1),
        ),
        "cuenta": crear_practica(
            ong,
            title="Cuenta pública ciudadana",
            resumen="Participación de la sociedad civil en la cuenta pública.",
            ejes=["rendicion-de-cuentas", "participacion-ciudadana"],
            comunas=["13128", "13119"],
            ods=["16.6", "16.7"],
            tags=["votación"],
            estado="finalizada",
            fecha_inicio=datetime.date(2025, 1, 1),
        ),
    }


def test_lists_every_live_practice_of_every_member(client, practicas):
    response = client.get("/practicas/")
    assert response.status_code == 200
    assert total(response) == 3
    assert set(titulos(response)) == {
        "Presupuesto participativo",
        "Portal de datos abiertos",
        "Cuenta pública ciudadana",
    }
    html = response.content.decode()
    assert "Municipalidad de Renca" in html and "Fundación Ciudadana" in html


def test_each_result_shows_member_comunas_axes_tags_and_replications(client, practicas, maipu):
    Replicacion.objects.create(practica=practicas["presupuesto"], miembro=maipu, estado="replicada")
    html = client.get("/practicas/?q=presupuesto").content.decode()
    tarjeta = html[html.index("Presupuesto participativo") :]
    tarjeta = tarjeta[: tarjeta.index("</li>")]
    for esperado in ("Municipalidad de Renca", "Renca", "Participación ciudadana", "#votación"):
        assert esperado in tarjeta
    assert "Replicada por 1 miembro" in tarjeta


@pytest.mark.parametrize(
    ("query", "esperados"),
    [
        ("eje=participacion-ciudadana", {"Presupuesto participativo", "Cuenta pública ciudadana"}),
        ("etiqueta=votacion", {"Presupuesto participativo", "Cuenta pública ciudadana"}),
        ("comuna=13119", {"Portal de datos abiertos", "Cuenta pública ciudadana"}),
        ("ods=16.10", {"Portal de datos abiertos"}),
        ("tipo=organizacion", {"Cuenta pública ciudadana"}),
        ("estado=finalizada", {"Cuenta pública ciudadana"}),
        ("anio=2025", {"Portal de datos abiertos", "Cuenta pública ciudadana"}),
        # Repeated values of one filter are alternatives…
        (
            "eje=transparencia&eje=rendicion-de-cuentas",
            {"Portal de datos abiertos", "Cuenta pública ciudadana"},
        ),
        (
            "comuna=13128&comuna=13119",
            {"Presupuesto participativo", "Portal de datos abiertos", "Cuenta pública ciudadana"},
        ),
        # …different filters must all hold.
        ("eje=participacion-ciudadana&comuna=13119", {"Cuenta pública ciudadana"}),
        ("etiqueta=votacion&anio=2024", {"Presupuesto participativo"}),
        ("tipo=municipalidad&ods=16.7&estado=en_marcha", {"Presupuesto participativo"}),
        ("q=datos&comuna=13119", {"Portal de datos abiertos"}),
    ],
)
def test_filters_and_their_combinations(client, practicas, query, esperados):
    response = client.get(f"/practicas/?{query}")
    assert response.status_code == 200
    assert set(titulos(response)) == esperados
    assert total(response) == len(esperados)


def test_facet_counts_apply_the_other_filters(client, practicas):
    response = client.get("/practicas/")
    assert cuenta_opcion(response, "eje", "participacion-ciudadana") == 2
    assert cuenta_opcion(response, "eje", "transparencia") == 1
    assert cuenta_opcion(response, "comuna", "13128") == 2
    assert cuenta_opcion(response, "ods", "16.7") == 2
    assert cuenta_opcion(response, "tipo", "municipalidad") == 2
    assert cuenta_opcion(response, "anio", "2025") == 2
    assert cuenta_opcion(response, "etiqueta", "votacion") == 2
    # A comuna without practices is not offered.
    assert cuenta_opcion(response, "comuna", "13101") is None

    response = client.get("/practicas/?comuna=13119")
    # Other facets count within Maipú…
    assert cuenta_opcion(response, "eje", "participacion-ciudadana") == 1
    assert cuenta_opcion(response, "tipo", "municipalidad") == 1
    # …while the comuna facet ignores its own selection, so alternatives keep their count.
    assert cuenta_opcion(response, "comuna", "13128") == 2


def test_selected_option_link_removes_it(client, practicas):
    html = client.get("/practicas/?eje=transparencia&comuna=13119").content.decode()
    enlace = re.search(
        r'<a href="([^"]*)" class="faceta__activa"[^>]*>(?:(?!</a>).)*Transparencia', html, re.S
    )
    assert enlace
    destino = enlace.group(1).replace("&amp;", "&")
    assert "eje=transparencia" not in destino and "comuna=13119" in destino


def test_search_ignores_accents_and_case(client, practicas):
    for q in ("participacion", "PARTICIPACIÓN", "Participación"):
        response = client.get("/practicas/", {"q": q})
        assert "Cuenta pública ciudadana" in titulos(response), q
    response = client.get("/practicas/", {"q": "votacion"})
    assert set(titulos(response)) == {"Presupuesto participativo", "Cuenta pública ciudadana"}


def test_search_does_not_write_to_the_database(client, practicas):
    client.get("/practicas/")  # the first request of a site creates its settings row
    with CaptureQueriesContext(connection) as queries:
        client.get("/practicas/", {"q": "participación"})
    escrituras = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert escrituras == []


def test_sorting(client, practicas, maipu, ong):
    Replicacion.objects.create(practica=practicas["datos"], miembro=ong, estado="replicada")
    Replicacion.objects.create(practica=practicas["datos"], miembro=maipu, estado="en_proceso")
    Replicacion.objects.create(practica=practicas["cuenta"], miembro=maipu, estado="replicada")
    assert titulos(client.get("/practicas/")) == [
        "Portal de datos abiertos",
        "Cuenta pública ciudadana",
        "Presupuesto participativo",
    ]
    assert titulos(client.get("/practicas/?orden=replicadas")) == [
        "Portal de datos abiertos",
        "Cuenta pública ciudadana",
        "Presupuesto participativo",
    ]
    assert titulos(client.get("/practicas/?orden=az")) == [
        "Cuenta pública ciudadana",
        "Portal de datos abiertos",
        "Presupuesto participativo",
    ]


def test_pagination_edges(client, biblioteca, renca):
    for i in range(45):
        crear_practica(renca, title=f"Práctica {i:02d}", fecha_inicio=datetime.date(2020, 1, 1))
    primera = client.get("/practicas/?orden=az")
    assert total(primera) == 45
    assert len(titulos(primera)) == 20
    ultima = client.get("/practicas/?orden=az&page=3")
    assert titulos(ultima) == [f"Práctica {i:02d}" for i in range(40, 45)]
    assert 'rel="prev"' in ultima.content.decode() and 'rel="next"' not in ultima.content.decode()
    for pagina in ("4", "0", "-1", "abc", "1.5", "99999999999999999999"):
        assert client.get(f"/practicas/?page={pagina}").status_code == 404, pagina


def test_empty_library_and_empty_state_suggests_what_to_remove(client, practicas):
    response = client.get("/practicas/?eje=transparencia&comuna=13128")
    assert response.status_code == 200
    assert total(response) == 0
    html = response.content.decode()
    assert "No encontramos prácticas" in html
    # Removing the comuna brings back the data portal; removing the axis, two practices.
    assert "Quitar «Renca» (1 práctica)" in html
    assert "Quitar «Transparencia» (2 prácticas)" in html


@pytest.mark.parametrize(
    ("query", "aviso"),
    [
        ("eje=no-existe", "No existe el eje «no-existe»"),
        ("comuna=99999", "No existe la comuna con código «99999»"),
        ("ods=18.1", "No existe la meta ODS «18.1»"),
        ("etiqueta=nada", "No existe la etiqueta «nada»"),
        ("tipo=empresa", "No existe el tipo de miembro «empresa»"),
        ("anio=dos-mil", "No existe el año «dos-mil»"),
        ("orden=precio", "No conocemos el orden «precio»"),
    ],
)
def test_unknown_values_get_a_clear_message(client, practicas, query, aviso):
    response = client.get(f"/practicas/?{query}")
    assert response.status_code == 200
    assert aviso in response.content.decode()
    assert total(response) == 3


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=" + "a" * 5000,
        'q="',
        "q=AND OR NOT",
        "q=*",
        "q=(((",
        "q=-",
        "q=%E2%80%8B",
        "eje=&eje=&comuna=",
        "eje[]=x",
        "page=",
        "q=%ff%fe",
        "comuna=13128&" * 50,
    ],
)
def test_odd_query_strings_never_fail(client, practicas, query):
    response = client.get(f"/practicas/?{query}")
    assert response.status_code in (200, 404)


def test_drafts_and_private_practices_never_appear_or_count(client, practicas, renca, red_index):
    borrador = crear_practica(
        renca, title="Borrador secreto", ejes=["transparencia"], comunas=["13128"]
    )
    borrador.unpublish()
    privada = crear_practica(renca, title="Privada", ejes=["transparencia"], comunas=["13128"])
    PageViewRestriction.objects.create(page=privada, restriction_type="login")
    from tests.factories import MiembroPageFactory

    miembro_privado = MiembroPageFactory(parent=red_index, title="Miembro privado")
    crear_practica(miembro_privado, title="Bajo miembro privado", ejes=["transparencia"])
    PageViewRestriction.objects.create(
        page=miembro_privado, restriction_type="password", password="x"
    )

    for url in ("/practicas/", "/practicas/?q=secreto", "/practicas/?eje=transparencia"):
        response = client.get(url)
        html = response.content.decode()
        assert "Borrador secreto" not in html and "Privada" not in html
        assert "Bajo miembro privado" not in html
    response = client.get("/practicas/")
    assert total(response) == 3
    assert cuenta_opcion(response, "eje", "transparencia") == 1
    assert cuenta_opcion(response, "comuna", "13128") == 2


def test_works_without_javascript(client, practicas):
    html = client.get("/practicas/").content.decode()
    assert "<script" not in html.split("</footer>")[0].split("<main")[1]
    assert '<form class="biblioteca-busqueda" method="get"' in html


def test_query_count_does_not_grow_with_the_number_of_practices(client, biblioteca, renca, maipu):
    from django.core.management import call_command

    def contar(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    call_command("generar_practicas", n=10, stdout=open("/dev/null", "w"))  # noqa: SIM115
    urls = [
        "/practicas/",
        "/practicas/?orden=replicadas",
        "/practicas/?q=sintetica&eje=transparencia",
    ]
    contar("/practicas/")  # the first request of a site creates its settings row
    pocas = [contar(url) for url in urls]
    call_command("generar_practicas", n=190, stdout=open("/dev/null", "w"))  # noqa: SIM115
    muchas = [contar(url) for url in urls]
    # Never more with 200 practices than with 10 (a per-process read may already be kept).
    assert all(m <= p for m, p in zip(muchas, pocas, strict=True)), (muchas, pocas)


def test_a_region_wide_practice_counts_once_under_toda_la_region(client, practicas, ong):
    crear_practica(
        ong, title="Consejo regional abierto", comunas=Comuna.objects.values_list("cut", flat=True)
    )
    inicio = client.get("/practicas/")
    # Not once in each of the 52 comunas: the comuna counts stay what they were.
    assert cuenta_opcion(inicio, "comuna", "region") == 1
    assert cuenta_opcion(inicio, "comuna", "13128") == 2
    assert cuenta_opcion(inicio, "comuna", "13101") is None  # Santiago: nothing of its own
    facetas = BeautifulSoup(inicio.content, "html.parser").select_one(
        "nav[aria-labelledby=faceta-comuna]"
    )
    assert facetas.select("li")[0].get_text(" ", strip=True) == "Toda la región (1)"
    assert titulos(client.get("/practicas/?comuna=region")) == ["Consejo regional abierto"]
    assert "Consejo regional abierto" not in titulos(client.get("/practicas/?comuna=13128"))
    # Both chosen: everything that applies in Renca.
    en_renca = set(titulos(client.get("/practicas/?comuna=13128&comuna=region")))
    assert en_renca == {
        "Presupuesto participativo",
        "Cuenta pública ciudadana",
        "Consejo regional abierto",
    }
    # Its card says so instead of listing comunas.
    assert "Toda la región (52 comunas)" in client.get("/practicas/?comuna=region").content.decode()
