"""The editors of Renca and Maipú (the members come from tests/conftest.py) and a
coordinator, all real users who log in through the admin login form."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from red.grupos import GRUPO_COORDINACION, asegurar_flujo_revision, configurar_miembro

CLAVE = "una-clave-de-prueba-larga"


@pytest.fixture(autouse=True)
def _cache_limpio():
    # Login throttling and the form's rate limit count in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def flujo(red_index):
    return asegurar_flujo_revision()


def crear_usuario(username, *grupos, **kwargs):
    usuario = get_user_model().objects.create_user(
        username, f"{username}@example.org", CLAVE, **kwargs
    )
    usuario.groups.add(*grupos)
    return usuario


@pytest.fixture
def editora_renca(renca, flujo):
    grupo, _coleccion = configurar_miembro(renca)
    return crear_usuario("editora.renca", grupo, first_name="Rita")


@pytest.fixture
def editor_maipu(maipu, flujo):
    grupo, _coleccion = configurar_miembro(maipu)
    return crear_usuario("editor.maipu", grupo, first_name="Mario")


@pytest.fixture
def coordinadora(flujo):
    return crear_usuario("coordinadora", Group.objects.get(name=GRUPO_COORDINACION))


def ingresar(client, usuario, clave=CLAVE):
    """Logs in through the admin login form, as a person would."""
    respuesta = client.post("/admin/login/", {"username": usuario.username, "password": clave})
    assert respuesta.status_code == 302, "el ingreso falló"
    return client


@pytest.fixture
def cliente_renca(client, editora_renca):
    return ingresar(client, editora_renca)


@pytest.fixture
def cliente_coordinadora(client, coordinadora):
    return ingresar(client, coordinadora)
