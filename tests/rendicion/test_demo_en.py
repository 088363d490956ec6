"""The governor's program in English (rendicion/demo_en.py), as an English reader finds it."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Locale

from rendicion.models import CompromisoPage

PROGRAMA = "/red/gobierno-de-santiago/programa-2025-2029/"


@pytest.fixture
def demo(demo_completa_del_modulo, db):
    """All the demo, loaded once for the module (tests/conftest.py)."""


def principal(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.select_one("main").get_text(" ", strip=True)


def test_the_english_program_has_every_commitment_in_english(client, demo):
    soup, texto = principal(client.get("/en" + PROGRAMA))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(" ", strip=True) == "Government Programme 2025-2029"
    assert "Regional Governor of Santiago" in texto
    assert "of which 19 have been fulfilled" in texto
    assert "of 80 commitments fulfilled" in texto
    assert "Comprehensive programme for victims of crime" in texto
    assert "Public transport" in texto
    for espanol in ("Programa integral de víctimas", "Gobernador Regional de Santiago"):
        assert espanol not in texto
    # The same 80 commitments in both languages: no total differs between them.
    ingles = CompromisoPage.objects.live().filter(locale__language_code="en")
    espanol = CompromisoPage.objects.live().filter(
        locale__language_code="es", slug__in=ingles.values("slug")
    )
    assert ingles.count() == espanol.count() == 80

    compromiso = ingles.get(eje="INSEGURIDAD", numero=1)
    soup, texto = principal(client.get(compromiso.url))
    assert soup.h1.get_text(" ", strip=True) == "Comprehensive programme for victims of crime"
    assert "STRENGTHENING REGIONAL SECURITY CAPACITY" in texto
    assert "FORTALECIMIENTO" not in texto
    # The axis is the official program's heading, kept in Spanish and marked so for
    # screen readers; on the Spanish page nothing needs marking.
    assert soup.select_one('.card__meta [lang="es"]').get_text() == "INSEGURIDAD"
    original, _texto = principal(client.get(compromiso.get_translation(Locale.get_default()).url))
    assert original.select_one(".card__meta [lang]") is None
    # The Spanish program is untouched.
    _soup, texto = principal(client.get(PROGRAMA))
    assert "Programa integral de víctimas" in texto


def test_a_second_load_keeps_what_a_translator_changed(client, demo):
    compromiso = CompromisoPage.objects.get(locale__language_code="en", eje="INSEGURIDAD", numero=2)
    compromiso.title = "Regional Observatory for Crime Prevention"
    compromiso.save_revision().publish()
    call_command("cargar_demo", stdout=io.StringIO())
    assert CompromisoPage.objects.filter(locale__language_code="en").count() == 80
    _soup, texto = principal(client.get("/en" + PROGRAMA))
    assert "Regional Observatory for Crime Prevention" in texto
