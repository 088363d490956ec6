import pytest

from rendicion.models import CompromisoPage, Estado, ProgramaPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_rendicion(red_index):
    from types import SimpleNamespace

    from tests.factories import MiembroPageFactory

    MiembroPageFactory(parent=red_index, slug="gobierno-de-santiago", title="Gobierno de Santiago")
    MiembroPageFactory.municipalidad(red_index, "13128", slug="municipalidad-de-renca")
    from rendicion import demo

    pasos = []
    comando = SimpleNamespace(paso=pasos.append)
    demo.cargar(comando)
    demo.cargar(comando)  # idempotent
    return pasos


def test_el_programa_del_gobernador_sin_hechos_inventados(client, demo_rendicion):
    programa = ProgramaPage.objects.get(slug="programa-2025-2029")
    compromisos = CompromisoPage.objects.child_of(programa)
    assert compromisos.count() == 80
    assert set(compromisos.values_list("estado", flat=True)) == {Estado.SIN_INFORMACION}
    assert not programa.es_demo
    html = client.get(programa.url).content.decode()
    assert "0 de 80 compromisos cumplidos" in html
    assert "80 compromisos todavía sin información" in html
    assert "se han cumplido 19" in html and "Informe de desempeño" in html
    assert "Contenido de demostración:" not in html


def test_el_programa_piloto_es_ficticio_en_cada_pagina(client, demo_rendicion):
    programa = ProgramaPage.objects.get(slug="programa-demostracion")
    assert programa.es_demo
    for pagina in [programa, *CompromisoPage.objects.child_of(programa)]:
        assert "Contenido de demostración:" in client.get(pagina.url).content.decode()
    assert "Contenido de demostración:" in client.get(programa.url + "resumen/").content.decode()
    plazas = CompromisoPage.objects.get(slug="plazas-iluminadas")
    assert plazas.estado == Estado.CUMPLIDO and plazas.cambios.count() == 3


def test_la_orden_de_demo_incluye_la_rendicion():
    from home.management.commands.cargar_demo import DEMO_MODULES

    assert "rendicion.demo" in DEMO_MODULES


def test_la_guia_es_una_herramienta_del_gobierno_enlazada_desde_cada_programa(
    client, demo_rendicion
):
    from practicas.models import HerramientaPage

    (guia,) = HerramientaPage.objects.live()
    assert guia.get_parent().slug == "gobierno-de-santiago"
    pagina = client.get(guia.url).content.decode()
    assert "Elija compromisos que se puedan verificar" in pagina
    assert "Abra su programa en este sitio" in pagina
    for programa in ProgramaPage.objects.live():
        assert f'href="{guia.url}"' in client.get(programa.url).content.decode()
