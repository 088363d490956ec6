"""Fixtures shared by the whole suite: a site with its home page and the network."""

import pytest
from wagtail.models import Page, Site

from .factories import HomePageFactory, RedIndexPageFactory, locale_en, locale_es


@pytest.fixture(autouse=True)
def _datos_de_migraciones(request):
    """Live-server tests flush the database when they end; any test that runs after one
    in the same worker gets back what data migrations load (comunas, axes, SDG targets)."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from .browser.conftest import restaurar_datos_de_migraciones

        request.getfixturevalue("db")
        restaurar_datos_de_migraciones()


@pytest.fixture
def home_page(db):
    """The Spanish home page as the root of the default site (as in production)."""
    locale_es()
    locale_en()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Red Regional de Gobierno Abierto",
    )
    return home


@pytest.fixture
def red_index(home_page):
    return RedIndexPageFactory(parent=home_page)
