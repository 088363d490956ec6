"""The catastro page under /red/ (the editors and the coordinator: tests/conftest.py)."""

import pytest

from organizaciones.pagina import OrganizacionesIndexPage


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
