from importlib import import_module

import pytest
from django.apps import apps

from .factories import DatosPageFactory, HerramientaIndexPageFactory


@pytest.fixture(autouse=True)
def _formatos(db):
    """Live-server tests flush the database: put back the formats the migration loads."""
    import_module("practicas.migrations.0006_herramientas").cargar_formatos(apps, None)


@pytest.fixture
def herramientas_index(home_page):
    return HerramientaIndexPageFactory(parent=home_page)


@pytest.fixture
def datos(home_page):
    return DatosPageFactory(parent=home_page)
