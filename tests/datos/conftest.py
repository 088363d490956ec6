from importlib import import_module

import pytest
from django.apps import apps

from tests.factories import MiembroPageFactory
from tests.practicas.factories import PracticaIndexPageFactory

from .factories import DatosPageFactory, HerramientaIndexPageFactory


@pytest.fixture(autouse=True)
def _formatos(db):
    """Live-server tests flush the database: put back the formats the migration loads."""
    import_module("practicas.migrations.0006_herramientas").cargar_formatos(apps, None)


@pytest.fixture
def biblioteca(home_page):
    return PracticaIndexPageFactory(parent=home_page)


@pytest.fixture
def herramientas_index(home_page):
    return HerramientaIndexPageFactory(parent=home_page)


@pytest.fixture
def datos(home_page):
    return DatosPageFactory(parent=home_page)


@pytest.fixture
def renca(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13128", slug="renca")


@pytest.fixture
def maipu(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13119", slug="maipu")
