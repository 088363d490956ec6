"""Fast, deterministic settings for the test suite.

The database comes from DATABASE_URL when set (CI runs the suite a second
time against PostgreSQL), SQLite otherwise; the cache is local memory unless
REDIS_URL is set.
"""

import os

from .base import *  # noqa: F403
from .base import CACHES, STORAGES

DEBUG = False
SECRET_KEY = "solo-para-pruebas"  # noqa: S105 - test-only key # nosec B105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Straight to mail.outbox; tests of the queue (tests/red/test_revision_correo.py)
# put CorreoEnCola in front of it.
EMAIL_BACKEND = RED_CORREO_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True

# The page cache is switched on by the tests that exercise it (tests/nucleo/);
# elsewhere a test reads what it just wrote.
RED_CACHE_PAGINAS = False
# xdist workers share Redis in CI: each keeps its own keys.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_POR_WORKER = {"KEY_PREFIX": f"rga-test-{_WORKER}"}
if CACHES["default"]["BACKEND"].startswith("django_redis"):
    # One Redis database per xdist worker: a test that empties the cache (rate
    # limits count there) must not empty the other worker's.
    _numero = int(_WORKER[2:]) + 1 if _WORKER.startswith("gw") else 0
    _POR_WORKER["LOCATION"] = CACHES["default"]["LOCATION"].rsplit("/", 1)[0] + f"/{_numero}"
# Open-data files: one folder per xdist worker, emptied before each test (conftest).
RED_DATOS_ABIERTOS_CARPETA = f"datos-abiertos-pruebas-{_WORKER}"
CACHES = {
    "default": {**CACHES["default"], **_POR_WORKER},
    # The versions and rate limits in the same store as `default` (one clear()
    # empties both). The shared database store is tested with two processes
    # (tests/nucleo/test_cache_compartida.py).
    "compartida": {**CACHES["default"], **_POR_WORKER, "TIMEOUT": None},
    # Factories create live pages without the publish signal that bumps the
    # version: kept parts of pages would outlive a test. Tests of that cache
    # switch it on (tests/nucleo/test_cache_contenido.py).
    "contenido": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
