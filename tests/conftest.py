"""Fixtures shared by the whole suite: a site with its home page, the network, the
practice library, two demo members (Renca and Maipú), their editors and a coordinator."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.db import transaction
from wagtail.models import Site

from red.grupos import GRUPO_COORDINACION, asegurar_flujo_revision, configurar_miembro

from .factories import (
    HomePageFactory,
    MiembroPageFactory,
    RedIndexPageFactory,
    locale_en,
    locale_es,
)
from .practicas.factories import PracticaIndexPageFactory
from .usuarios import crear_usuario, ingresar


@pytest.fixture(autouse=True)
def _datos_de_migraciones(request):
    """Live-server tests flush the database when they end; any test that runs after one
    in the same worker gets back what data migrations load (comunas, axes, SDG targets)."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from .browser.conftest import restaurar_datos_de_migraciones

        request.getfixturevalue("db")
        restaurar_datos_de_migraciones()


def demo_de_modulo(django_db_blocker, omitir=()):
    """The demo loaded once for a whole test module (20–40 s each time), inside a
    transaction rolled back after the module's last test. Each test runs in a
    savepoint within it (pytest-django's `db`), so what one test changes the next
    one does not see, exactly as when each test loaded the demo itself."""
    from .browser.conftest import cargar_demo

    atomico = transaction.atomic()
    with django_db_blocker.unblock():
        atomico.__enter__()
        cargar_demo(omitir)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomico.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_del_modulo(django_db_setup, django_db_blocker):
    """The demo without the English program (its 81 translations double the load)."""
    yield from demo_de_modulo(django_db_blocker, omitir=["rendicion.demo_en"])


@pytest.fixture(scope="module")
def demo_completa_del_modulo(django_db_setup, django_db_blocker):
    yield from demo_de_modulo(django_db_blocker)


@pytest.fixture
def home_page(db):
    """The Spanish home page as the root of the default site (as in production)."""
    locale_es()
    locale_en()
    home = HomePageFactory()  # under the tree's root
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name="Red Regional de Gobierno Abierto",
    )
    return home


@pytest.fixture
def red_index(home_page):
    return RedIndexPageFactory(parent=home_page)


@pytest.fixture
def biblioteca(home_page):
    return PracticaIndexPageFactory(parent=home_page)


@pytest.fixture
def renca(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13128", slug="renca")


@pytest.fixture
def maipu(red_index):
    return MiembroPageFactory.municipalidad(red_index, "13119", slug="maipu")


@pytest.fixture(autouse=True)
def _cache_limpio():
    # Login throttling, form limits and cache versions count in the cache: each
    # test starts and ends with an empty one.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _archivos_de_datos_limpios(settings):
    # Open-data files are written to storage (red/archivos_datos.py): each test
    # starts without them, so the first download builds them from its own data.
    carpeta = Path(settings.MEDIA_ROOT) / settings.RED_DATOS_ABIERTOS_CARPETA
    shutil.rmtree(carpeta, ignore_errors=True)
    yield
    shutil.rmtree(carpeta, ignore_errors=True)


@pytest.fixture
def flujo(red_index):
    return asegurar_flujo_revision()


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


@pytest.fixture
def cliente_renca(client, editora_renca):
    return ingresar(client, editora_renca)


@pytest.fixture
def cliente_coordinadora(client, coordinadora):
    return ingresar(client, coordinadora)


@pytest.fixture
def cache_contenido(settings):
    """The content cache (kept routes, fragments and counts) in local memory, as in
    production; the rest of the suite runs without it."""
    settings.CACHES = {
        **settings.CACHES,
        "contenido": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pruebas-fragmentos",
        },
    }
    caches["contenido"].clear()
    yield caches["contenido"]
    caches["contenido"].clear()
