import pytest

from tests.factories import MiembroPageFactory

from .factories import PracticaIndexPageFactory


@pytest.fixture
def biblioteca(home_page):
    return PracticaIndexPageFactory(parent=home_page)


@pytest.fixture
def renca(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13128", slug="renca")


@pytest.fixture
def maipu(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13119", slug="maipu")


@pytest.fixture
def ong(red_index):
    return MiembroPageFactory(parent=red_index, title="Fundación Ciudadana", slug="fundacion")
