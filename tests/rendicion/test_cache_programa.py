"""The program page is kept as one fragment per set of filters (issue 14: a program of
500 commitments rendered on every visit was the slowest page of the site), and it is
stale the moment a commitment's status is published."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import ConfiguracionSitio
from rendicion.models import Estado

from .factories import CompromisoPageFactory, cambio

pytestmark = pytest.mark.django_db


def visitar(client, url, **filtros):
    with CaptureQueriesContext(connection) as consultas:
        respuesta = client.get(url, filtros)
    assert respuesta.status_code == 200
    # What a kept fragment saves: reading the commitments (the route, the page and the
    # site's own parts are read anyway).
    compromisos = [q for q in consultas.captured_queries if "rendicion_compromisopage" in q["sql"]]
    return len(compromisos), respuesta.content.decode()


def test_kept_per_set_of_filters_until_a_status_is_published(
    client, programa_renca, cache_contenido
):
    # The site settings row is created on the first visit (a save that makes kept parts stale).
    ConfiguracionSitio.for_site(programa_renca.get_site())
    patrullaje = CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD", title="Patrullaje")
    CompromisoPageFactory(parent=programa_renca, eje="DESIGUALDAD", title="Plaza")
    primera, html = visitar(client, programa_renca.url)
    segunda, repetida = visitar(client, programa_renca.url)
    assert primera > 0 and segunda == 0
    assert repetida == html and "0 de 2 compromisos cumplidos" in html

    # Another set of filters is its own fragment, never the unfiltered one.
    _n, filtrada = visitar(client, programa_renca.url, eje="DESIGUALDAD")
    assert ">Plaza<" in filtrada and ">Patrullaje<" not in filtrada
    assert "1 compromiso<" in filtrada
    # Parameters that are not filters do not split the fragment.
    otra, _html = visitar(client, programa_renca.url, utm_source="boletin")
    assert otra == segunda

    cambio(patrullaje, Estado.CUMPLIDO, 100)
    _n, actualizada = visitar(client, programa_renca.url)
    assert "1 de 2 compromisos cumplidos" in actualizada
