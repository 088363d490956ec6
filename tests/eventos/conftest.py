import pytest
from django.core.cache import cache

from tests.factories import MiembroPageFactory

from .factories import EventoIndexPageFactory


@pytest.fixture(autouse=True)
def _sin_limites_previos():
    # The rate limit counts attempts per IP in the cache: each test starts clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def calendario(home_page):
    return EventoIndexPageFactory(parent=home_page)


@pytest.fixture
def renca(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13128", slug="renca")


@pytest.fixture
def maipu(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13119", slug="maipu")
