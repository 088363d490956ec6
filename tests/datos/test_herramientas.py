"""The tools library /herramientas/ and tool pages."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practicas.models import TipoHerramienta
from tests.practicas.factories import crear_practica

from .factories import crear_herramienta

pytestmark = pytest.mark.django_db


def titulos(response):
    return re.findall(r'<h3><a href="[^"]*">([^<]+)</a></h3>', response.content.decode())


def cuenta(response, parametro, valor):
    html = response.content.decode()
    patron = (
        rf'href="\?[^"]*{parametro}={re.escape(valor)}[^"]*"[^>]*>'
        r"(?:(?!</a>).)*?\((\d+)\)</span></a>"
    )
    encontrado = re.search(patron, html, re.S)
    return int(encontrado.group(1)) if encontrado else None


@pytest.fixture
def herramientas(herramientas_index, renca, maipu):
    return {
        "guia": crear_herramienta(
            renca,
            title="Guía de presupuesto participativo",
            tipo=TipoHerramienta.GUIA,
            ejes=["participacion-ciudadana"],
            formatos=["PDF"],
            tags=["presupuesto"],
        ),
        "datos": crear_herramienta(
            maipu,
            title="Datos de compras municipales",
            resumen="Todas las compras de la municipalidad en planillas abiertas.",
            tipo=TipoHerramienta.DATOS,
            ejes=["datos-abiertos", "transparencia"],
            formatos=["CSV", "JSON"],
            tags=["compras"],
            comunas=["13119"],
            url_descarga="https://datos.example.cl/compras.csv",
        ),
        "plantilla": crear_herramienta(
            maipu,
            title="Plantilla de acta de cabildo",
            tipo=TipoHerramienta.PLANTILLA,
            ejes=["participacion-ciudadana"],
            formatos=["DOCX"],
        ),
    }


def test_lista_todas_con_cuentas_por_tipo_eje_miembro_y_formato(client, herramientas):
    r = client.get("/herramientas/")
    assert r.status_code == 200
    assert set(titulos(r)) == {h.title for h in herramientas.values()}
    assert cuenta(r, "tipo", "datos") == 1
    assert cuenta(r, "eje", "participacion-ciudadana") == 2
    assert cuenta(r, "miembro", "maipu") == 2
    assert cuenta(r, "formato", "CSV") == 1
    assert cuenta(r, "etiqueta", "compras") == 1


def test_filtros_se_combinan_y_las_cuentas_siguen(client, herramientas):
    r = client.get("/herramientas/?miembro=maipu&eje=participacion-ciudadana")
    assert titulos(r) == ["Plantilla de acta de cabildo"]
    # Other members are counted with the axis filter applied.
    assert cuenta(r, "miembro", "renca") == 1
    r = client.get("/herramientas/?formato=CSV&formato=DOCX")
    assert set(titulos(r)) == {"Datos de compras municipales", "Plantilla de acta de cabildo"}


def test_busqueda(client, herramientas):
    r = client.get("/herramientas/?q=compras")
    assert titulos(r) == ["Datos de compras municipales"]


def test_filtro_desconocido_avisa(client, herramientas):
    r = client.get("/herramientas/?formato=XYZ")
    assert r.status_code == 200
    assert "se ignoró ese filtro" in r.content.decode()
    assert len(titulos(r)) == 3


def test_paginacion(client, herramientas_index, renca):
    for i in range(23):
        crear_herramienta(renca, title=f"Herramienta {i:02d}")
    r = client.get("/herramientas/")
    assert len(titulos(r)) == 20
    assert 'rel="next"' in r.content.decode()
    r = client.get("/herramientas/?page=2")
    assert len(titulos(r)) == 3
    assert client.get("/herramientas/?page=9").status_code == 404


def test_consultas_no_crecen_con_las_herramientas(client, herramientas_index, renca):
    def consultas():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/herramientas/").status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        crear_herramienta(
            renca, title=f"A {i}", ejes=["transparencia"], formatos=["PDF"], tags=[f"t{i}"]
        )
    consultas()  # warm caches (site root paths, content types)
    pocas = consultas()
    for i in range(12):
        crear_herramienta(
            renca, title=f"B {i}", ejes=["transparencia"], formatos=["CSV"], tags=[f"u{i}"]
        )
    assert consultas() == pocas


def test_practica_y_herramienta_se_enlazan(client, herramientas_index, renca, biblioteca):
    practica = crear_practica(renca, title="Cabildos abiertos")
    herramienta = crear_herramienta(renca, title="Kit para cabildos", practicas=[practica])
    r = client.get(herramienta.url)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Prácticas que la usan" in html and "Cabildos abiertos" in html
    assert "Municipalidad de Renca" in html
    r = client.get(practica.url)
    assert "Herramientas para aplicarla" in r.content.decode()
    assert "Kit para cabildos" in r.content.decode()


def test_herramienta_en_borrador_no_aparece_en_la_practica(
    client, herramientas_index, renca, biblioteca
):
    practica = crear_practica(renca, title="Cabildos abiertos")
    herramienta = crear_herramienta(renca, title="Kit secreto", practicas=[practica])
    herramienta.unpublish()
    assert "Kit secreto" not in client.get(practica.url).content.decode()
    assert "Kit secreto" not in client.get("/herramientas/").content.decode()


def test_pagina_de_conjunto_de_datos_muestra_campos_dcat(client, herramientas):
    r = client.get(herramientas["datos"].url)
    html = r.content.decode()
    assert "Descargar los datos" in html
    assert "https://datos.example.cl/compras.csv" in html
    assert "Maipú" in html


class TestArbol:
    """Where tools and the open-data page can be created."""

    def test_reglas(self):
        from wagtail.test.utils import WagtailPageTestCase

        from home.models import ContentPage, HomePage
        from practicas.models import HerramientaIndexPage, HerramientaPage, PracticaPage
        from red.datos import DatosPage
        from red.models import MiembroPage, RedIndexPage

        caso = WagtailPageTestCase()
        tipos = [HomePage, ContentPage, RedIndexPage, MiembroPage, PracticaPage]
        for modelo, padres in (
            (HerramientaIndexPage, {HomePage}),
            (DatosPage, {HomePage}),
            (HerramientaPage, {MiembroPage}),
        ):
            for padre in tipos:
                if padre in padres:
                    caso.assertCanCreateAt(padre, modelo)
                else:
                    caso.assertCanNotCreateAt(padre, modelo)


def test_la_pagina_del_miembro_lista_sus_herramientas(client, herramientas, maipu):
    soup = BeautifulSoup(client.get(maipu.url).content, "html.parser")
    seccion = soup.select_one(".miembro-herramientas")
    assert seccion.h2.get_text() == "Herramientas que comparte"
    assert [a.get_text() for a in seccion.select("h3 a")] == [
        "Datos de compras municipales",
        "Plantilla de acta de cabildo",
    ]
    # Renca's guide is Renca's, not Maipú's.
    assert "Guía de presupuesto participativo" not in seccion.get_text()
