"""Fixtures for the security, cache and fault tests."""

import json
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from nucleo.cache import invalidar_paginas

RAIZ = Path(__file__).resolve().parent.parent.parent

# The settings production applies on top of base.py that change what a response carries.
AJUSTES_DE_PRODUCCION = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "DEBUG",
]


def entorno_produccion(**extra):
    """Environment that red.settings.production accepts."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "red.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://usuario@127.0.0.1:5432/red_inexistente"
        ),
        "ALLOWED_HOSTS": "redgobiernoabierto.example",
        **extra,
    }


@pytest.fixture(scope="session")
def ajustes_produccion():
    """The values red.settings.production really computes (read in a subprocess)."""
    codigo = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {AJUSTES_DE_PRODUCCION!r}}}))"
    )
    salida = subprocess.run(  # noqa: S603
        [sys.executable, "-c", codigo],
        cwd=RAIZ,
        env=entorno_produccion(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(salida.stdout.strip().splitlines()[-1])


@pytest.fixture
def con_ajustes_de_produccion(settings, ajustes_produccion):
    for nombre, valor in ajustes_produccion.items():
        setattr(settings, nombre, tuple(valor) if isinstance(valor, list) else valor)
    settings.SECURE_SSL_REDIRECT = False  # the test client speaks plain HTTP
    return settings


@pytest.fixture
def cache_paginas(settings):
    """The anonymous page cache switched on, starting empty."""
    settings.RED_CACHE_PAGINAS = True
    invalidar_paginas()
    yield settings
    invalidar_paginas()


def puerto_cerrado():
    """A local TCP port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def biblioteca(red_index):
    """The practice library under the home page, with the site settings already saved
    (their first read creates the row, a save that would bump the content version)."""
    from home.models import ConfiguracionSitio
    from tests.practicas.factories import PracticaIndexPageFactory

    ConfiguracionSitio.for_site(red_index.get_site())
    return PracticaIndexPageFactory(parent=red_index.get_parent())
