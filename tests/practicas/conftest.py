import pytest

from tests.factories import MiembroPageFactory


@pytest.fixture
def ong(red_index):
    return MiembroPageFactory(parent=red_index, title="Fundación Ciudadana", slug="fundacion")
