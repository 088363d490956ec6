"""Spanish at /, English under /en/: translated pages, the switcher, hreflang, catalogues."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings

from nucleo.traduccion import ruta_en_idioma

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.fixture
def demo(demo_del_modulo, db):
    """The demo, loaded once for the module (tests/conftest.py)."""


def sopa(response):
    return BeautifulSoup(response.content, "html.parser")


def test_english_catalogue_translates_every_interface_string():
    catalogo = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    faltan = [e.msgid for e in catalogo if not e.obsolete and not e.translated()]
    dudosas = [e.msgid for e in catalogo if "fuzzy" in e.flags]
    assert faltan == []
    assert dudosas == []
    assert len(catalogo) > 100


def test_spanish_catalogue_is_complete_too():
    catalogo = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in catalogo if not e.obsolete and not e.translated()] == []


@pytest.mark.parametrize("ruta", ["/en/", "/en/red/", "/en/que-es-la-red/"])
def test_the_demo_main_pages_exist_in_english_with_english_interface(client, demo, ruta):
    response = client.get(ruta)
    assert response.status_code == 200
    soup = sopa(response)
    assert soup.html["lang"] == "en"
    texto = soup.get_text(" ", strip=True)
    assert "Skip to content" in texto
    assert "Search the site" in texto
    assert "Saltar al contenido" not in texto
    assert "Content published under the Creative Commons Attribution 4.0 licence" in texto


def test_english_home_has_english_content_figures_and_map(client, demo):
    soup = sopa(client.get("/en/"))
    assert soup.h1.get_text() == "Regional Open Government Network"
    assert "The Network today" in soup.get_text()
    cifras = [li.get_text(" ", strip=True) for li in soup.select(".figures li")]
    assert cifras == [
        "6 members of the Network",
        "4 / 52 comunas of the region take part through their municipality",
        "2 published practices",
        "2 replications in other comunas or organisations",
    ]
    # The map legend is in English, with the demo's counts.
    leyenda = [li.get_text(" ", strip=True) for li in soup.select(".mapa__leyenda li")]
    assert leyenda == [
        "Pilot comuna of the Network (4)",
        "Member municipality of the Network (0)",
        "Not a member yet (48)",
    ]
    assert soup.select_one('.llamado a[href="/en/red/unete/"]')
    # Members have no English version yet: the map links to their Spanish page.
    assert soup.select_one('a.mapa__enlace[data-cut="13128"]')["href"] == (
        "/red/municipalidad-de-renca/"
    )


def test_english_directory_lists_the_members_marking_spanish_pages(client, demo):
    soup = sopa(client.get("/en/red/"))
    assert soup.h1.get_text() == "The Network"
    enlace = soup.select_one('.card__title a[href="/red/municipalidad-de-renca/"]')
    assert enlace["lang"] == "es"
    assert "6 members" in soup.select_one(".directorio__total").get_text()


def test_switcher_on_a_translated_page_leads_to_the_translation_both_ways(client, demo):
    espanol = sopa(client.get("/que-es-la-red/")).select_one(".language-switcher a")
    assert espanol["href"] == "/en/que-es-la-red/"
    assert espanol["lang"] == "en"
    assert espanol.get_text() == "View this page in English"
    ingles = sopa(client.get("/en/que-es-la-red/")).select_one(".language-switcher a")
    assert ingles["href"] == "/que-es-la-red/"
    assert ingles["lang"] == "es"
    assert ingles.get_text() == "Ver esta página en español"


def test_switcher_keeps_the_route_and_the_filters_of_the_page(client, demo):
    unete = sopa(client.get("/red/unete/")).select_one(".language-switcher a")
    assert unete["href"] == "/en/red/unete/"
    filtrado = sopa(client.get("/red/?tipo=municipalidad")).select_one(".language-switcher a")
    assert filtrado["href"] == "/en/red/?tipo=municipalidad"
    de_vuelta = sopa(client.get("/en/red/unete/")).select_one(".language-switcher a")
    assert de_vuelta["href"] == "/red/unete/"


def test_switcher_says_when_a_page_is_not_translated(client, demo):
    soup = sopa(client.get("/red/municipalidad-de-renca/"))
    nota = soup.select_one(".language-switcher__note")
    assert nota["lang"] == "en"
    assert "This page has not been translated into English yet." in nota.get_text()
    assert nota.a["href"] == "/en/"


def test_hreflang_alternates_list_every_live_language_version(client, demo):
    soup = sopa(client.get("/red/"))
    alternas = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternas == {
        "es": "http://localhost/red/",
        "en": "http://localhost/en/red/",
        "x-default": "http://localhost/red/",
    }
    solo_espanol = sopa(client.get("/red/municipalidad-de-renca/"))
    assert solo_espanol.select('link[rel="alternate"][hreflang]') == []


def test_header_links_follow_the_language(client, demo):
    menu = sopa(client.get("/en/")).select_one(".site-nav")
    assert menu.select_one('a[href="/en/red/"]').get_text() == "The Network"
    marca = sopa(client.get("/en/red/")).select_one(".site-header__brand")
    assert marca["href"] == "/en/"
    assert sopa(client.get("/red/")).select_one(".site-header__brand")["href"] == "/"


def test_language_paths_fall_back_to_spanish_pages_that_are_not_translated(demo):
    assert ruta_en_idioma("/red/", "en") == "/en/red/"
    assert ruta_en_idioma("/red/unete/", "en") == "/en/red/unete/"
    assert ruta_en_idioma("/politica-de-datos/", "en") == "/politica-de-datos/"
    assert ruta_en_idioma("/red/", "es") == "/red/"
    assert ruta_en_idioma("/admin/", "en") == "/admin/"


def test_unknown_address_under_en_gives_the_404_in_english(client, demo):
    response = client.get("/en/this-page-does-not-exist/")
    assert response.status_code == 404
    soup = sopa(response)
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "We could not find this page"
    assert soup.select_one('.error-page a[href="/en/"]')


@pytest.mark.skipif(
    not shutil.which("xgettext") or not shutil.which("msgmerge"),
    reason="Sin gettext (apt-get install gettext; .ci/run lo instala) no se pueden extraer "
    "los textos de la interfaz",
)
def test_every_interface_string_in_the_code_has_its_english_translation(tmp_path):
    """Extracts the strings of the code and templates as `make messages` does, in a copy of
    the project, and fails on any that the English catalogue does not translate."""
    base = Path(settings.BASE_DIR)
    copia = tmp_path / "proyecto"
    copia.mkdir()
    propias = [Path(c.path).name for c in apps.get_app_configs() if Path(c.path).parent == base]
    for nombre in ["manage.py", *propias, "templates", "locale"]:
        origen = base / nombre
        if origen.is_dir():
            shutil.copytree(origen, copia / nombre, ignore=shutil.ignore_patterns("__pycache__"))
        elif origen.exists():
            shutil.copy(origen, copia / nombre)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=copia,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "red.settings.test"},
    )
    catalogo = polib.pofile(str(copia / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    faltan = sorted(
        f"{e.msgid} ({', '.join(f for f, _linea in e.occurrences)})"
        for e in catalogo
        if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)
    )
    assert faltan == [], "Textos de la interfaz sin traducción al inglés:\n" + "\n".join(faltan)
