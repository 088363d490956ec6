import pytest

from .factories import EventoIndexPageFactory


@pytest.fixture
def calendario(home_page):
    return EventoIndexPageFactory(parent=home_page)
