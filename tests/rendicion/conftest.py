import pytest

from .factories import ProgramaPageFactory


@pytest.fixture
def programa_renca(renca):
    return ProgramaPageFactory(parent=renca, autoridad="Alcaldía de Renca")


@pytest.fixture
def datos(home_page):
    from tests.datos.factories import DatosPageFactory

    return DatosPageFactory(parent=home_page)
