"""`manage.py check --deploy --fail-level WARNING` with the documented production
environment (issue 20, defect 9), including the proxy that redirects to HTTPS."""

import subprocess
import sys

import pytest

from .conftest import RAIZ, entorno_produccion


def check_deploy(**extra):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=RAIZ,
        # Playwright's tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server never has it.
        env={
            k: v for k, v in entorno_produccion(**extra).items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"
        },
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("redireccion", ["true", "false"])
def test_the_documented_configuration_passes(redireccion):
    resultado = check_deploy(SECURE_SSL_REDIRECT=redireccion)
    assert resultado.returncode == 0, resultado.stderr
    assert "no issues" in resultado.stdout


def silenciados(redireccion):
    codigo = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SILENCED_SYSTEM_CHECKS)"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", codigo],
        cwd=RAIZ,
        env=entorno_produccion(SECURE_SSL_REDIRECT=redireccion),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_only_w008_is_silenced_and_only_behind_the_proxy():
    assert silenciados("false") == "['security.W008']"
    assert silenciados("true") == "[]"
