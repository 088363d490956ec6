"""Faults: each test really points the site at a service that does not answer."""

import shutil
import socket
import subprocess
import threading
import time

import pytest
from django.db import connections
from django.test import Client

from home.models import ConfiguracionSitio

from ..factories import ContentPageFactory
from .conftest import puerto_cerrado


def _pedir_sin_base_de_datos(rutas):
    """Requests the routes from a thread whose database connection points nowhere.

    A new thread gets its own connection object; only that one is pointed at a
    closed port (PostgreSQL) or an unreachable file (SQLite), so the test
    database of the main thread stays intact.
    """
    respuestas = {}

    def trabajo():
        conexion = connections["default"]
        ajustes = dict(conexion.settings_dict)
        if conexion.vendor == "sqlite":
            ajustes["NAME"] = "/no-existe/red/base.sqlite3"
        else:
            ajustes["HOST"], ajustes["PORT"] = "127.0.0.1", str(puerto_cerrado())
        conexion.settings_dict = ajustes
        try:
            cliente = Client(raise_request_exception=False)
            for ruta in rutas:
                respuestas[ruta] = cliente.get(ruta)
        finally:
            connections.close_all()

    hilo = threading.Thread(target=trabajo)
    hilo.start()
    hilo.join(timeout=60)
    return respuestas


def test_base_de_datos_caida_muestra_la_pagina_503_y_healthz_503(home_page):
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    respuestas = _pedir_sin_base_de_datos(["/", "/sobre-la-red/", "/en/", "/healthz"])
    for ruta in ["/", "/sobre-la-red/", "/en/"]:
        respuesta = respuestas[ruta]
        assert respuesta.status_code == 503, ruta
        html = respuesta.content.decode()
        assert "El sitio no está disponible por un momento" in html
        assert "Red Regional de Gobierno Abierto" in html
        assert "Traceback" not in html and "OperationalError" not in html
        assert respuesta["Retry-After"] == "60"
        assert "no-cache" in respuesta["Cache-Control"]
        assert "Content-Security-Policy" in respuesta
    assert respuestas["/healthz"].status_code == 503
    # The site comes back by itself once the database answers again.
    assert Client().get("/sobre-la-red/").status_code == 200


def test_una_pagina_en_cache_se_sigue_sirviendo_con_la_base_caida(home_page, cache_paginas):
    ConfiguracionSitio.for_site(home_page.get_site())
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    assert Client().get("/sobre-la-red/")["X-Cache"] == "MISS"
    respuesta = _pedir_sin_base_de_datos(["/sobre-la-red/"])["/sobre-la-red/"]
    assert respuesta.status_code == 200
    assert respuesta["X-Cache"] == "HIT"


@pytest.fixture
def versiones_en_la_base(settings, cache_paginas):
    """Production without Redis: versions in the database (nucleo.cache_compartida)."""
    from django.core.management import call_command

    settings.CACHES = {
        **settings.CACHES,
        "compartida": {
            "BACKEND": "nucleo.cache_compartida.CacheCompartida",
            "LOCATION": "red_cache_compartida",
            "TIMEOUT": None,
        },
    }
    call_command("createcachetable", verbosity=0)
    return settings


def test_sin_redis_la_base_caida_sirve_lo_guardado_y_el_503_de_la_red(
    home_page, versiones_en_la_base
):
    ConfiguracionSitio.for_site(home_page.get_site())
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    ContentPageFactory(parent=home_page, title="Nunca vista", slug="nunca-vista")
    assert Client().get("/sobre-la-red/")["X-Cache"] == "MISS"
    respuestas = _pedir_sin_base_de_datos(["/sobre-la-red/", "/nunca-vista/"])
    # The versions cannot be read from the database: the kept page still goes out...
    assert respuestas["/sobre-la-red/"].status_code == 200
    assert respuestas["/sobre-la-red/"]["X-Cache"] == "HIT"
    # ...and a page never kept is the branded 503, not a 500.
    assert respuestas["/nunca-vista/"].status_code == 503
    assert (
        "El sitio no está disponible por un momento" in respuestas["/nunca-vista/"].content.decode()
    )


def _cache_redis(settings, url):
    redis = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "rga-prueba-fallos",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
    # As in production, kept routes, fragments, versions and counters live in the same Redis.
    settings.CACHES = {
        "default": redis,
        "contenido": {**redis, "KEY_PREFIX": "rga-prueba-fallos-contenido"},
        "compartida": {**redis, "KEY_PREFIX": "rga-prueba-fallos-compartida", "TIMEOUT": None},
    }


def test_redis_caido_el_sitio_sigue_sirviendo_sin_cache(
    home_page, cache_paginas, settings, admin_user, caplog
):
    _cache_redis(settings, f"redis://127.0.0.1:{puerto_cerrado()}/0")
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    cliente = Client()
    for _ in range(2):
        respuesta = cliente.get("/sobre-la-red/")
        assert respuesta.status_code == 200
        assert respuesta["X-Cache"] == "MISS"
    # django-redis logs each failed call (DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS).
    assert any(
        r.name == "nucleo.cache" and "Exception ignored" in r.getMessage() for r in caplog.records
    )
    # Sessions live in the database: editors can still log in and work.
    ingreso = cliente.post(
        "/admin/login/", {"username": admin_user.username, "password": "password"}
    )
    assert ingreso.status_code == 302
    assert cliente.get("/admin/").status_code == 200


@pytest.fixture
def servidor_redis(tmp_path):
    """A Redis server of our own that the test can stop."""
    ejecutable = shutil.which("redis-server")
    if not ejecutable:
        pytest.skip("redis-server no está instalado: la prueba de detener Redis se omite")
    puerto = puerto_cerrado()
    proceso = subprocess.Popen(  # noqa: S603
        [
            ejecutable,
            "--port",
            str(puerto),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", puerto), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield proceso, puerto
    if proceso.poll() is None:
        proceso.terminate()
        proceso.wait(timeout=10)


def test_redis_se_detiene_en_plena_marcha_y_el_sitio_sigue(
    home_page, cache_paginas, settings, servidor_redis
):
    proceso, puerto = servidor_redis
    _cache_redis(settings, f"redis://127.0.0.1:{puerto}/0")
    ConfiguracionSitio.for_site(home_page.get_site())
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    cliente = Client()
    assert cliente.get("/sobre-la-red/")["X-Cache"] == "MISS"
    assert cliente.get("/sobre-la-red/")["X-Cache"] == "HIT"
    proceso.terminate()
    proceso.wait(timeout=10)
    respuesta = cliente.get("/sobre-la-red/")
    assert respuesta.status_code == 200
    assert respuesta["X-Cache"] == "MISS"
    assert "Sobre la Red" in respuesta.content.decode()
