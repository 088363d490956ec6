"""Browser harness: Playwright for Python driving Debian's Chromium, with axe-core.

Browser tests are marked `browser`. They run wherever /usr/bin/chromium exists
(`.ci/run` installs it) and are skipped with that reason elsewhere.
"""

import io
import os
import shutil
import sqlite3
from importlib import import_module

import pytest
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures here are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True))
            if not shutil.which(CHROMIUM):
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium no está instalado en {CHROMIUM} "
                        "(apt-get install chromium; .ci/run lo instala)"
                    )
                )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Live-server tests flush the database when they end; the tests that run
    after them in the same xdist worker expect what data migrations loaded."""
    yield
    if item.get_closest_marker("browser"):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restaurar_datos_de_migraciones()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="es-CL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server, settings):
    """The demo content served by a live server, as a visitor would find it, without
    the English program: its 81 translations would double each test's set-up, and
    only the check of every page type needs them (`demo_completo`)."""
    return servir_demo(live_server, settings, omitir=["rendicion.demo_en"])


@pytest.fixture
def demo_completo(live_server, settings):
    """All the demo content, the English program included."""
    return servir_demo(live_server, settings)


# The demo as each worker first loaded it, per set of omitted modules: loading it
# takes 20–40 s, and there are some seventy browser tests.
_DEMOS_CARGADAS = {}


def servir_demo(live_server, settings, omitir=()):
    from wagtail.models import Site

    clave = tuple(sorted(omitir))
    if clave in _DEMOS_CARGADAS:
        restaurar_copia(_DEMOS_CARGADAS[clave])
    else:
        cargar_demo(omitir)
        copia = copiar_base_de_datos()
        if copia is not None:
            _DEMOS_CARGADAS[clave] = copia
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.save()
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server


def cargar_demo(omitir=()):
    """The demo on top of what data migrations load, without its progress output."""
    restaurar_datos_de_migraciones()
    call_command("cargar_demo", *[f"--omitir={m}" for m in omitir], stdout=io.StringIO())


def copiar_base_de_datos():
    """An in-memory copy of the whole test database (SQLite's backup API, a few ms),
    or None on other engines, where each test loads the demo again."""
    from django.db import connection

    if connection.vendor != "sqlite":
        return None
    connection.ensure_connection()
    copia = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copia)
    return copia


def restaurar_copia(copia):
    """Puts the copied database back, every table and sequence as it was. The demo's
    media files stay on disk between tests, so the copy's references still hold."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    connection.ensure_connection()
    copia.backup(connection.connection)
    # The flush after the previous test recreated the content types with other ids,
    # and the process keeps them in memory.
    ContentType.objects.clear_cache()


def restaurar_datos_de_migraciones():
    """Puts back what data migrations load (root page, locale, the 52 comunas).

    Live-server tests are transactional: the database is flushed after each one,
    and serialized rollback is unreliable once Playwright's greenlets are running.
    """
    from django.apps import apps
    from wagtail.models import Collection, Locale, Page

    from red.models import Comuna

    Locale.objects.get_or_create(language_code="es")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="es"))
        )
    if Comuna.objects.count() != 52:
        migracion = import_module("red.migrations.0002_cargar_comunas")
        migracion.cargar_comunas(apps, None)
    # The axes and SDG targets of practices (idempotent: update_or_create).
    import_module("practicas.migrations.0003_cargar_ejes_y_metas_ods").cargar(apps, None)
    # The file formats of shared tools.
    import_module("practicas.migrations.0006_herramientas").cargar_formatos(apps, None)
    # The kinds of organizations of the catastro.
    import_module("organizaciones.migrations.0002_tipos").crear(apps, None)


def axe_violations(page):
    """Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page and returns its violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {
                "type": "tag",
                "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
            }
        },
    )
    return [
        f"{v['id']}: {v['help']} → {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
