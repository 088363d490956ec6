"""The catastro page under /red/, Renca's and Maipú's editors and a coordinator."""

import pytest
from django.core.cache import cache

from organizaciones.pagina import OrganizacionesIndexPage
from tests.miembros.conftest import (  # noqa: F401 - fixtures reused from the members' tests
    coordinadora,
    editor_maipu,
    editora_renca,
    flujo,
    ingresar,
    maipu,
    renca,
)


@pytest.fixture(autouse=True)
def _cache_limpio():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catastro(red_index):
    pagina = OrganizacionesIndexPage(title="Catastro de organizaciones", slug="organizaciones")
    red_index.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


@pytest.fixture
def comuna_renca():
    from red.models import Comuna

    return Comuna.objects.get(cut="13128")


@pytest.fixture
def comuna_maipu():
    from red.models import Comuna

    return Comuna.objects.get(cut="13119")
