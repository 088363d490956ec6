import pytest

from .factories import ProgramaPageFactory


@pytest.fixture
def programa_renca(renca):
    return ProgramaPageFactory(parent=renca, autoridad="Alcaldía de Renca")
