import pytest
from django.core.cache import cache

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
