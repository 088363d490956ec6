"""Fixtures shared by the whole suite: a site with its home page, the network, the
practice library and two demo members (Renca and Maipú)."""

import pytest
from wagtail.models import Site

from .factories import (
    HomePageFactory,
    MiembroPageFactory,
    RedIndexPageFactory,
    locale_en,
    locale_es,
)
from .practicas.factories import PracticaIndexPageFactory


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
    home = HomePageFactory()  # under the tree's root
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


@pytest.fixture
def biblioteca(home_page):
    return PracticaIndexPageFactory(parent=home_page)


@pytest.fixture
def renca(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13128", slug="renca")


@pytest.fixture
def maipu(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13119", slug="maipu")
