"""wagtail.contrib.frontend_cache configured by environment variables purges the CDN."""

import http.server
import subprocess
import sys
import threading

import pytest

from ..factories import ContentPageFactory
from .conftest import RAIZ, entorno_produccion


class _Purgas(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purgas.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        return


@pytest.fixture
def proxy_de_purga():
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Purgas)
    servidor.purgas = []
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    yield servidor
    servidor.shutdown()
    servidor.server_close()


def test_publicar_purga_la_pagina_en_la_cdn(
    home_page, settings, proxy_de_purga, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{proxy_de_purga.server_port}",
        }
    }
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    with django_capture_on_commit_callbacks(execute=True):
        pagina.save_revision().publish()
    assert ("localhost", "/sobre-la-red/") in proxy_de_purga.purgas


@pytest.mark.parametrize(
    "variables, backend",
    [
        ({"FRONTEND_CACHE_PURGE_URL": "http://varnish:6081"}, "HTTPBackend"),
        (
            {
                "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zona",
                "FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN": "token",
            },
            "CloudflareBackend",
        ),
        ({"FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E123"}, "CloudfrontBackend"),
        ({}, None),
    ],
)
def test_la_cdn_se_configura_con_variables_de_entorno(variables, backend):
    codigo = (
        "import django; django.setup(); from django.conf import settings; "
        "print([c['BACKEND'] for c in settings.WAGTAILFRONTENDCACHE.values()])"
    )
    salida = (
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", codigo],
            cwd=RAIZ,
            env=entorno_produccion(**variables),
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    if backend:
        assert salida == f"['wagtail.contrib.frontend_cache.backends.{backend}']"
    else:
        assert salida == "[]"
