import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from rendicion.models import CambioEstado, Estado

from .factories import CompromisoPageFactory, cambio

pytestmark = pytest.mark.django_db


def test_el_titular_cuenta_los_cumplidos_de_los_datos(client, programa_renca):
    a = CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD")
    CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD")
    CompromisoPageFactory(parent=programa_renca, eje="DESIGUALDAD")
    cambio(a, Estado.CUMPLIDO, 100)
    html = client.get(programa_renca.url).content.decode()
    assert "1 de 3 compromisos cumplidos" in html
    # The table of the chart by status says the same as the data.
    assert re.search(r"<th scope=\"row\">Cumplido</th><td>1</td>", html)
    assert re.search(r"<th scope=\"row\">Sin información</th><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">SEGURIDAD</th><td>1</td><td>2</td>", html)
    assert re.search(r"<th scope=\"row\">DESIGUALDAD</th><td>0</td><td>1</td>", html)
    assert "<svg" in html and '<script src="http' not in html


def test_un_borrador_no_cuenta(client, programa_renca):
    CompromisoPageFactory(parent=programa_renca, live=False)
    CompromisoPageFactory(parent=programa_renca)
    assert "0 de 1 compromiso cumplido" in client.get(programa_renca.url).content.decode()


def test_filtros_por_eje_estado_y_texto(client, programa_renca):
    a = CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD", title="Patrullaje")
    CompromisoPageFactory(parent=programa_renca, eje="DESIGUALDAD", title="Plaza")
    cambio(a, Estado.EN_DISENO, 10)
    assert "Plaza" not in client.get(programa_renca.url, {"eje": "SEGURIDAD"}).content.decode()
    html = client.get(programa_renca.url, {"estado": "en_diseno"}).content.decode()
    assert "Patrullaje" in html and ">Plaza<" not in html
    html = client.get(programa_renca.url, {"q": "plaza"}).content.decode()
    assert ">Plaza<" in html and "Patrullaje" not in html


def test_filtro_por_comuna(client, programa_renca):
    from red.models import Comuna

    renca = Comuna.objects.get(cut="13128")
    a = CompromisoPageFactory(parent=programa_renca, title="Local")
    a.comunas.add(renca)
    a.save_revision().publish()
    CompromisoPageFactory(parent=programa_renca, title="Regional", toda_la_region=True)
    CompromisoPageFactory(parent=programa_renca, title="Ajeno")
    html = client.get(programa_renca.url, {"comuna": "13128"}).content.decode()
    assert ">Local<" in html and ">Regional<" in html and ">Ajeno<" not in html


@pytest.mark.parametrize(
    "params",
    [{"estado": "inventado"}, {"comuna": "x" * 300}, {"eje": "\x00"}, {"q": "%"}, {"page": "-1"}],
)
def test_parametros_malos_nunca_500(client, programa_renca, params):
    CompromisoPageFactory(parent=programa_renca)
    assert client.get(programa_renca.url, params).status_code == 200


def test_pagina_de_compromiso_con_su_historial_y_correccion(client, programa_renca):
    c = CompromisoPageFactory(parent=programa_renca, title="Plaza de Renca")
    primera = cambio(c, Estado.EN_EJECUCION, 40, dias=20, nota="Obras iniciadas.")
    cambio(c, Estado.EN_EJECUCION, 30, dias=20, nota="El avance era 30 %.", corrige=primera)
    assert c.avance == 30
    html = client.get(c.url).content.decode()
    assert "Obras iniciadas." in html and "El avance era 30 %." in html
    assert "Corrige la entrada del" in html
    assert "30 % de avance" in html


def test_cambio_sin_evidencia_o_futuro_rechazado(programa_renca):
    c = CompromisoPageFactory(parent=programa_renca)
    entrada = CambioEstado(
        compromiso=c,
        fecha=datetime.date.today() + datetime.timedelta(days=1),
        estado=Estado.CUMPLIDO,
        avance=100,
        nota="Listo.",
    )
    with pytest.raises(ValidationError) as error:
        entrada.full_clean()
    assert "no puede estar en el futuro" in str(error.value)
    assert "necesita su evidencia" in str(error.value)


def test_una_entrada_pasada_no_se_reescribe(programa_renca):
    c = CompromisoPageFactory(parent=programa_renca)
    entrada = cambio(c)
    entrada.nota = "Otra historia."
    with pytest.raises(ValidationError, match="no se modifica"):
        entrada.full_clean()


def test_resumen_imprimible_y_estilos_de_impresion(client, programa_renca):
    CompromisoPageFactory(parent=programa_renca)
    respuesta = client.get(programa_renca.url + "resumen/")
    assert respuesta.status_code == 200
    assert "0 de 1 compromiso cumplido" in respuesta.content.decode()
    assert "css/rendicion.css" in respuesta.content.decode()
    from django.contrib.staticfiles import finders

    with open(finders.find("css/rendicion.css"), encoding="utf-8") as archivo:
        css = archivo.read()
    assert "@media print" in css


def _consultas(client, url, **params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as consultas:
        respuesta = client.get(url, params)
    assert respuesta.status_code == 200
    return len(consultas), respuesta.content.decode()


def test_consultas_no_crecen_de_10_a_500_compromisos(client, programa_renca):
    from rendicion.models import CompromisoPage

    def crear(desde, hasta):
        for i in range(desde, hasta):
            CompromisoPageFactory(parent=programa_renca, numero=i + 1)
        CompromisoPage.objects.filter(numero=1).update(estado=Estado.CUMPLIDO)

    crear(0, 10)
    uno = CompromisoPage.objects.get(numero=1)
    for _vez in range(2):  # warm the site's caches
        _consultas(client, programa_renca.url)
    con_10, html = _consultas(client, programa_renca.url, estado="cumplido", comuna="13128")
    assert "1 de 10 compromisos cumplidos" in html
    lista_10, _html = _consultas(client, programa_renca.url)
    compromiso_10, _html = _consultas(client, uno.url)
    crear(10, 500)
    con_500, html = _consultas(client, programa_renca.url, estado="cumplido", comuna="13128")
    assert "1 de 500 compromisos cumplidos" in html
    assert con_500 == con_10
    assert _consultas(client, programa_renca.url)[0] == lista_10
    assert _consultas(client, uno.url)[0] == compromiso_10


def test_el_presupuesto_se_lee_en_pesos_chilenos(client, programa_renca):
    c = CompromisoPageFactory(
        parent=programa_renca, presupuesto_aprobado=120_000_000, presupuesto_ejecutado=0
    )
    html = client.get(c.url).content.decode()
    assert "$120.000.000 CLP" in html
    assert "$0 CLP" in html


def test_el_mapa_cuenta_los_compromisos_de_cada_comuna(client, programa_renca):
    from bs4 import BeautifulSoup

    from red.models import Comuna

    renca, maipu = Comuna.objects.get(nombre="Renca"), Comuna.objects.get(nombre="Maipú")
    for i in range(3):
        local = CompromisoPageFactory(parent=programa_renca, title=f"Local {i}")
        local.comunas.set([renca] if i else [renca, maipu])
        local.save_revision().publish()
    CompromisoPageFactory(parent=programa_renca, title="Regional", toda_la_region=True)
    borrador = CompromisoPageFactory(parent=programa_renca, title="Borrador", live=False)
    borrador.comunas.set([maipu])
    borrador.save_revision()

    html = BeautifulSoup(client.get(programa_renca.url).content, "html.parser")
    mapa = html.select_one("section.mapa")
    assert mapa.h2.get_text() == "Compromisos en cada comuna"
    assert "2 de las 52 comunas tienen compromisos específicos" in mapa.get_text()
    assert "Además, 1 compromiso es para toda la región." in mapa.get_text()
    filas = {
        fila.th.get_text(): fila.find_all("td")[1].get_text()
        for fila in mapa.select("table tbody tr")
    }
    assert filas["Renca"] == "3 compromisos específicos"
    assert filas["Maipú"] == "1 compromiso específico"  # the draft does not count
    assert filas["Lampa"] == "0 compromisos específicos"
    enlace = mapa.select_one(f'a.mapa__enlace[data-cut="{renca.cut}"]')
    assert enlace["href"] == f"{programa_renca.url}?comuna={renca.cut}#compromisos"
    assert mapa.select_one(f'[data-cut="{renca.cut}"] path')["class"][1] == (
        "mapa__comuna--comp-varios"
    )
    # Every legend entry names comunas that exist on the map: no entry with 0.
    leyenda = [li.get_text(" ", strip=True) for li in mapa.select(".mapa__leyenda li")]
    assert leyenda == [
        "3 o más compromisos específicos (1)",
        "1 o 2 compromisos específicos (1)",
        "Sin compromisos específicos (50)",
    ]


def test_cada_programa_enlaza_la_guia(client, programa_renca, home_page):
    from wagtail.models import Page

    from practicas.models import HerramientaPage
    from rendicion.models import GUIA_SLUG

    assert (
        "¿Quiere rendir cuentas de otro programa?"
        not in client.get(programa_renca.url).content.decode()
    )
    gobierno = Page.objects.get(pk=programa_renca.get_parent().pk)
    guia = HerramientaPage(
        slug=GUIA_SLUG, title="Guía de rendición de cuentas", tipo="guia", resumen="Paso a paso."
    )
    gobierno.add_child(instance=guia)
    guia.save_revision().publish()
    html = client.get(programa_renca.url).content.decode()
    assert "¿Quiere rendir cuentas de otro programa?" in html
    assert f'href="{guia.url}"' in html


def test_la_promesa_no_repite_el_titulo(client, programa_renca):
    """The governor's source gives each commitment one sentence: the page does not
    print it twice, and a promise of its own is shown under the title."""
    igual = CompromisoPageFactory(parent=programa_renca, title="Banco de Alimentos")
    igual.promesa = "Banco de Alimentos"
    igual.save_revision().publish()
    html = client.get(igual.url).content.decode()
    assert '<p class="lead">' not in html
    propia = CompromisoPageFactory(parent=programa_renca, promesa="Abrir 3 sedes en 2026.")
    assert '<p class="lead">Abrir 3 sedes en 2026.</p>' in client.get(propia.url).content.decode()
