"""The versions and the rate-limit counters live in a store every process shares,
also without Redis (the database: nucleo/cache_compartida.py). Proven with real
processes on a database of their own, as two gunicorn workers would use it."""

import os
import subprocess
import sys

import pytest

from .conftest import RAIZ

PREPARAR = "import django; django.setup()\n"


@pytest.fixture
def entorno(tmp_path):
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "red.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'compartida.sqlite3'}",
    }
    entorno.pop("REDIS_URL", None)
    # What the migration nucleo 0001 does in `make migrate`: only the cache table.
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "createcachetable"], cwd=RAIZ, env=entorno, check=True
    )
    return entorno


def _python(entorno, codigo, **kwargs):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", PREPARAR + codigo],
        cwd=RAIZ,
        env=entorno,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_publicar_en_un_proceso_deja_viejas_las_paginas_del_otro(entorno):
    lector = _python(
        entorno,
        "from nucleo.cache import version_contenido\n"
        "print(version_contenido(), flush=True)\n"
        "input()\n"
        "print(version_contenido(), flush=True)\n",
    )
    antes = lector.stdout.readline().strip()
    # Another process publishes (what page_published does: a new content version).
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from nucleo.cache import invalidar_paginas; invalidar_paginas()",
        ],
        cwd=RAIZ,
        env=entorno,
        check=True,
    )
    despues, _ = lector.communicate("\n", timeout=60)
    assert antes
    assert despues.strip() != antes  # the reader's pages and fragments are stale


LIMITE = (
    "from django.test import RequestFactory\n"
    "from nucleo.seguridad import envios_agotados\n"
    "solicitud = RequestFactory().post('/red/unete/', REMOTE_ADDR='10.1.2.3')\n"
    "print([envios_agotados(solicitud, 'prueba', 4, 3600) for _ in range(3)])\n"
)


def test_los_limites_de_envios_cuentan_entre_procesos(entorno):
    primero, _ = _python(entorno, LIMITE).communicate(timeout=60)
    segundo, _ = _python(entorno, LIMITE).communicate(timeout=60)
    assert primero.strip() == "[False, False, False]"
    # The 4th submission is the last allowed, counted together with the other worker's.
    assert segundo.strip() == "[False, True, True]"


def test_dos_procesos_a_la_vez_no_pierden_ninguna_cuenta(entorno):
    codigo = (
        "from django.core.cache import caches\n"
        "c = caches['compartida']\n"
        "c.add('cuenta', 0, 600)\n"
        "input()\n"
        "for _ in range(40): c.incr('cuenta')\n"
        "print(c.get('cuenta'))\n"
    )
    procesos = [_python(entorno, codigo) for _ in range(2)]
    for proceso in procesos:  # both started before either counts
        proceso.stdin.write("\n")
        proceso.stdin.flush()
    finales = [int(p.communicate(timeout=120)[0].strip()) for p in procesos]
    assert max(finales) == 80


def test_produccion_sin_redis_comparte_versiones_y_limites_en_la_base():
    from .conftest import entorno_produccion

    entorno = entorno_produccion()
    entorno.pop("REDIS_URL", None)
    codigo = (
        "from django.conf import settings\n"
        "print(settings.CACHES[settings.RED_CACHE_VERSIONES]['BACKEND'], "
        "settings.RATELIMIT_USE_CACHE == settings.RED_CACHE_VERSIONES)\n"
    )
    salida, _ = _python(entorno, codigo).communicate(timeout=60)
    assert salida.split() == ["nucleo.cache_compartida.CacheCompartida", "True"]


def test_una_base_nueva_se_migra_con_la_configuracion_de_make_run(tmp_path):
    """`make run` on a fresh machine: the data migrations that run before nucleo 0001
    (Wagtail's root page, the comunas) must not reach for the shared store's table
    before it exists."""
    base = tmp_path / "nueva.sqlite3"
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "red.settings.dev",
        "DATABASE_URL": f"sqlite:///{base}",
    }
    entorno.pop("REDIS_URL", None)
    migrar = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=RAIZ,
        env=entorno,
        capture_output=True,
        text=True,
    )
    assert migrar.returncode == 0, migrar.stderr[-2000:]
    versiones = _python(
        entorno,
        "from nucleo.cache import invalidar_paginas, version_contenido\n"
        "invalidar_paginas(); print(version_contenido())",
    )
    salida, _ = versiones.communicate(timeout=60)
    assert versiones.returncode == 0
    assert int(salida.strip()) > 0
