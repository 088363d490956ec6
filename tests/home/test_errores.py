"""Friendly error pages: 404 in both languages, 500 even without a database."""

from unittest import mock

from bs4 import BeautifulSoup
from django.db import OperationalError
from django.test import RequestFactory

from nucleo.views import server_error


def test_unknown_address_gives_a_friendly_404_in_spanish(client, home_page):
    response = client.get("/esta-pagina-no-existe/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "es"
    assert soup.h1.get_text() == "No encontramos esta página"
    assert soup.select_one('.error-page a[href="/"]')


def test_server_error_page_renders_without_the_database():
    request = RequestFactory().get("/")
    with mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("sin base de datos"),
    ):
        response = server_error(request)
    assert response.status_code == 500
    contenido = response.content.decode()
    assert "El sitio tiene un problema en este momento" in contenido
    assert 'lang="es"' in contenido
