"""Kept routes and fragments (header, footer, breadcrumbs, library cards, event
page) make uncached pages cheap: a visitor must still see a publish, an
unpublish or an edited setting at once, in their own language, and nothing of
one visitor (CSRF token, what they typed) may stay in the kept parts."""

import pickle  # nosec B403 - reads back the test's own cache
import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import ConfiguracionSitio
from nucleo.templatetags.red_tags import HUECO_CSRF
from tests.red.factories import municipalidad


def sopa(respuesta):
    assert respuesta.status_code == 200
    return BeautifulSoup(respuesta.content, "html.parser")


def guardado(cache):
    """Everything the local-memory content cache holds, as text."""
    return " ".join(repr(pickle.loads(valor)) for valor in cache._cache.values())  # noqa: S301 # nosec B301


def test_a_second_visit_reuses_routes_and_fragments(client, biblioteca, red_index, cache_contenido):
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128")
    practica = crear_practica(renca, title="Cabildos abiertos")
    for ruta in ["/", "/practicas/", practica.url]:
        with CaptureQueriesContext(connection) as primera:
            uno = client.get(ruta).content
        with CaptureQueriesContext(connection) as segunda:
            dos = client.get(ruta).content
        assert len(segunda) < len(primera) - 3, ruta
        assert uno == dos


def test_publishing_and_unpublishing_a_practice_changes_the_library_at_once(
    client, biblioteca, red_index, cache_contenido
):
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128")
    crear_practica(renca, title="Cuentas claras")

    def tarjetas():
        return [a.get_text() for a in sopa(client.get("/practicas/")).select(".practica-card h3")]

    assert tarjetas() == ["Cuentas claras"]
    nueva = crear_practica(renca, title="Datos de Renca")
    nueva.save_revision().publish()
    assert sorted(tarjetas()) == ["Cuentas claras", "Datos de Renca"]
    # Its own page, routed once, stops answering when it is unpublished.
    assert "Datos de Renca" in sopa(client.get(nueva.url)).h1.get_text()
    nueva.unpublish()
    assert client.get(nueva.url).status_code == 404
    assert tarjetas() == ["Cuentas claras"]


def test_editing_a_page_title_changes_breadcrumbs_and_its_page(
    client, biblioteca, red_index, cache_contenido
):
    from tests.practicas.factories import crear_practica

    renca = municipalidad(red_index, "13128", title="Municipalidad de Renca")
    practica = crear_practica(renca, title="Cabildos abiertos")
    migas = sopa(client.get(practica.url)).select_one(".breadcrumbs").get_text()
    assert "Municipalidad de Renca" in migas
    renca.title = "Renca"
    renca.save_revision().publish()
    practica.refresh_from_db()
    respuesta = client.get(practica.url)
    migas = sopa(respuesta).select_one(".breadcrumbs").get_text()
    assert "Municipalidad de Renca" not in migas and "Renca" in migas
    assert "Compartida por Renca" in " ".join(
        sopa(respuesta).select_one(".card__meta").stripped_strings
    )


def test_editing_the_site_settings_changes_the_footer_at_once(client, red_index, cache_contenido):
    ajustes = ConfiguracionSitio.for_site(red_index.get_site())
    ajustes.direccion = "Bandera 46, Santiago"
    ajustes.save()
    assert "Bandera 46" in sopa(client.get("/")).select_one(".site-footer").get_text()
    ajustes.direccion = "Morandé 93, Santiago"
    ajustes.save()
    pie = sopa(client.get("/")).select_one(".site-footer").get_text()
    assert "Morandé 93" in pie and "Bandera 46" not in pie


@pytest.fixture
def demo(db):
    import io

    from django.core.management import call_command

    call_command("cargar_demo", "--omitir=rendicion.demo_en", stdout=io.StringIO())


def test_a_kept_fragment_never_shows_in_the_other_language(client, demo, cache_contenido):
    for _vuelta in range(2):
        es = sopa(client.get("/red/"))
        en = sopa(client.get("/en/red/"))
        assert es.select_one(".site-nav").select_one('a[href="/red/"]').get_text() == "La Red"
        assert en.select_one(".site-nav").select_one('a[href="/en/red/"]').get_text() == (
            "The Network"
        )
        assert "Enlaces" in es.select_one(".site-footer").get_text()
        assert "Enlaces" not in en.select_one(".site-footer").get_text()
        assert es.select_one(".language-switcher a")["href"] == "/en/red/"
        assert en.select_one(".language-switcher a")["href"] == "/red/"
        assert "Directorio de miembros" in es.get_text()
        assert "Directorio de miembros" not in en.get_text()
    es = sopa(client.get("/practicas/"))
    en = sopa(client.get("/en/practicas/"))
    assert es.select_one("#filtros-titulo").get_text() == "Filtrar"
    assert en.select_one("#filtros-titulo").get_text() != "Filtrar"


def test_the_event_form_keeps_no_csrf_token_and_each_visitor_gets_their_own(
    red_index, cache_contenido
):
    from tests.eventos.factories import crear_evento

    renca = municipalidad(red_index, "13128")
    evento = crear_evento(renca, title="Taller de datos abiertos")
    tokens = set()
    for _visitante in range(2):
        cliente = Client()
        for _vez in range(2):
            respuesta = cliente.get(evento.url)
            html = respuesta.content.decode()
            (token,) = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
            assert HUECO_CSRF not in html
            assert "csrftoken" in cliente.cookies
            assert respuesta.get("X-Cache") != "HIT"
            tokens.add(token)
        assert "Taller de datos abiertos" in html
    assert len(tokens) == 4
    contenido = guardado(cache_contenido)
    assert HUECO_CSRF in contenido
    for token in tokens:
        assert token not in contenido
    secreto = Client()
    secreto.get(evento.url)
    assert secreto.cookies["csrftoken"].value not in contenido


def test_what_a_visitor_typed_stays_in_the_answer_to_that_same_search_only(
    client, biblioteca, red_index, cache_contenido
):
    from tests.practicas.factories import crear_practica

    crear_practica(municipalidad(red_index, "13128"), title="Cabildos abiertos")
    # The header's search box shows no query, so nothing a visitor typed is kept.
    respuesta = client.get("/?q=correo-privado@example.org")
    assert "correo-privado@example.org" not in respuesta.content.decode()
    assert "correo-privado@example.org" not in guardado(cache_contenido)
    # A library search keeps its cards and facets under a key made from the search
    # (hashed), like the page cache: they only answer that same search again.
    client.get("/practicas/?q=vecinos")
    sin_busqueda = client.get("/practicas/").content.decode()
    assert "vecinos" not in sin_busqueda
    assert not any("vecinos" in clave for clave in cache_contenido._cache)


def test_a_preview_neither_reads_nor_leaves_kept_fragments(
    admin_client, biblioteca, red_index, cache_contenido
):
    from tests.practicas.factories import crear_practica

    practica = crear_practica(municipalidad(red_index, "13128"), title="Título publicado")
    assert "Título publicado" in Client().get(practica.url).content.decode()
    practica.title = "Borrador sin publicar"
    practica.save_revision()
    vista_previa = admin_client.get(f"/admin/pages/{practica.pk}/view_draft/")
    assert "Borrador sin publicar" in vista_previa.content.decode()
    publica = Client().get(practica.url).content.decode()
    assert "Borrador sin publicar" not in publica
    assert "Borrador sin publicar" not in guardado(cache_contenido)


def test_a_registration_redraws_the_places_left_and_leaves_the_rest_kept(
    client, biblioteca, red_index, cache_contenido, django_assert_num_queries
):
    from tests.eventos.factories import EventoIndexPageFactory, crear_evento, datos_formulario

    EventoIndexPageFactory(parent=red_index.get_parent())
    renca = municipalidad(red_index, "13128")
    evento = crear_evento(renca, title="Taller de datos abiertos", cupos=3)

    def cupos(ruta):
        return [s.get_text() for s in sopa(client.get(ruta)).select(".evento-cupos")]

    for ruta in [evento.url, "/eventos/", "/"]:
        assert cupos(ruta) == ["Quedan 3 cupos"], ruta
    client.get("/practicas/")

    assert client.post(evento.url, datos_formulario()).status_code == 303

    # The event page, the calendar's cards and the home page's next events say so at once…
    for ruta in [evento.url, "/eventos/", "/"]:
        assert cupos(ruta) == ["Quedan 2 cupos"], ruta
    # …and what does not show places left is still kept: a burst of registrations
    # does not make the whole site render from the database again.
    with django_assert_num_queries(0):
        assert client.get("/practicas/").status_code == 200
