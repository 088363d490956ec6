"""The synthetic program of `make bench`: a big program that still answers in bounded queries."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rendicion.models import CompromisoPage, ProgramaPage

pytestmark = pytest.mark.django_db


def generar(n):
    salida = io.StringIO()
    call_command("generar_compromisos", n=n, stdout=salida)
    return salida.getvalue()


def test_crea_un_programa_sintetico_con_sus_compromisos_y_avanza_sin_repetir(client, renca):
    salida = generar(12)
    assert "12/12 compromisos" in salida
    programa = ProgramaPage.objects.get(slug="programa-sintetico")
    assert programa.es_demo
    assert CompromisoPage.objects.child_of(programa).live().count() == 12
    html = client.get(programa.url).content.decode()
    assert "de 12 compromisos cumplidos" in html
    generar(3)  # a second run adds commitments with new numbers, no slug clash
    assert CompromisoPage.objects.child_of(programa).live().count() == 15
    assert "de 15 compromisos cumplidos" in client.get(programa.url).content.decode()


def test_la_pagina_del_programa_no_hace_mas_consultas_con_mas_compromisos(client, renca):
    def contar(url):
        with CaptureQueriesContext(connection) as consultas:
            assert client.get(url).status_code == 200
        return len(consultas)

    generar(8)
    programa = ProgramaPage.objects.get(slug="programa-sintetico")
    urls = [programa.url, programa.url + "?estado=cumplido", programa.url + "?q=movilidad"]
    contar(urls[0])
    pocos = [contar(url) for url in urls]
    generar(40)
    muchos = [contar(url) for url in urls]
    assert all(m <= p for m, p in zip(muchos, pocos, strict=True)), (muchos, pocos)


def test_sin_miembros_de_la_red_lo_dice(home_page):
    with pytest.raises(CommandError, match="cargar_demo"):
        generar(5)


def test_no_se_ejecuta_en_produccion(renca, settings):
    settings.RED_ENTORNO = "produccion"
    with pytest.raises(CommandError, match="producción"):
        generar(5)
