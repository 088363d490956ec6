"""Site search: accent-insensitive, only live public pages of the visitor's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory


@pytest.fixture
def paginas(home_page):
    publica = ContentPageFactory(
        parent=home_page, title="Participación ciudadana vinculante", intro="Cabildos en Renca."
    )
    borrador = ContentPageFactory(
        parent=home_page, title="Participación en borrador", intro="No publicada.", live=False
    )
    privada = ContentPageFactory(
        parent=home_page, title="Participación privada", intro="Solo con clave."
    )
    PageViewRestriction.objects.create(
        page=privada, restriction_type=PageViewRestriction.PASSWORD, password="clave"
    )
    return {"publica": publica, "borrador": borrador, "privada": privada}


def test_search_ignores_accents_and_case(client, paginas):
    response = client.get("/buscar/", {"q": "PARTICIPACION"})
    assert response.status_code == 200
    assert "Participación ciudadana vinculante" in response.text
    assert "1 resultado para «PARTICIPACION»" in response.text


def test_drafts_and_private_pages_never_appear(client, paginas):
    response = client.get("/buscar/", {"q": "participacion"})
    assert "borrador" not in response.text
    assert "privada" not in response.text


def test_no_result_suggests_what_to_do(client, paginas):
    response = client.get("/buscar/", {"q": "zzzinexistente"})
    assert response.status_code == 200
    assert "No encontramos páginas con esas palabras." in response.text


def test_a_too_long_query_gets_a_clear_400(client, paginas):
    response = client.get("/buscar/", {"q": "a" * 500})
    assert response.status_code == 400
    assert "La búsqueda es demasiado larga" in response.text


@pytest.mark.parametrize("page", ["0", "99", "abc", "-1"])
def test_pages_out_of_range_are_404_not_500(client, paginas, page):
    response = client.get("/buscar/", {"q": "participacion", "page": page})
    assert response.status_code == 404


def test_a_search_never_writes_to_the_database(client, paginas):
    # The first request of a new site creates its settings row, once ever.
    client.get("/buscar/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/buscar/", {"q": "participacion"})
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_english_search_lists_only_english_pages(client, paginas):
    response = client.get("/en/buscar/", {"q": "participacion"})
    assert response.status_code == 200
    assert "Participación ciudadana vinculante" not in response.text
