"""wagtail.contrib.frontend_cache configured by environment variables purges the CDN."""

import http.server
import subprocess
import sys
import threading

import pytest

from ..factories import ContentPageFactory, MiembroPageFactory
from .conftest import RAIZ, entorno_produccion, puerto_cerrado


class _Purgas(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purgas.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        return


def backend_http(puerto):
    """WAGTAILFRONTENDCACHE for a proxy that takes PURGE requests on `puerto`."""
    return {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{puerto}",
        }
    }


@pytest.fixture
def proxy_de_purga():
    servidor = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Purgas)
    servidor.purgas = []
    threading.Thread(target=servidor.serve_forever, daemon=True).start()
    yield servidor
    servidor.shutdown()
    servidor.server_close()


@pytest.fixture
def cdn(settings, proxy_de_purga):
    settings.WAGTAILFRONTENDCACHE = backend_http(proxy_de_purga.server_port)
    return proxy_de_purga


def rutas_purgadas(cdn):
    return {ruta for _, ruta in cdn.purgas}


def post_del_admin(admin_client, url, capturar_on_commit):
    """An admin action, with what runs after its commit (the purge) run too."""
    with capturar_on_commit(execute=True):
        respuesta = admin_client.post(url)
    assert respuesta.status_code == 302


def test_publicar_purga_la_pagina_en_la_cdn(home_page, cdn, django_capture_on_commit_callbacks):
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    with django_capture_on_commit_callbacks(execute=True):
        pagina.save_revision().publish()
    assert ("localhost", "/sobre-la-red/") in cdn.purgas


@pytest.fixture
def red_con_listados(biblioteca, red_index):
    """Two members, the libraries and the calendar, as on the real site."""
    from tests.datos.factories import DatosPageFactory, HerramientaIndexPageFactory
    from tests.eventos.factories import EventoIndexPageFactory
    from tests.practicas.factories import crear_practica

    inicio = red_index.get_parent()
    HerramientaIndexPageFactory(parent=inicio)
    EventoIndexPageFactory(parent=inicio)
    DatosPageFactory(parent=inicio)
    renca = MiembroPageFactory(parent=red_index, title="Renca", slug="renca")
    maipu = MiembroPageFactory(parent=red_index, title="Maipú", slug="maipu")
    practica = crear_practica(renca, title="Cabildos abiertos", slug="cabildos")
    return practica, renca, maipu


LISTADOS = {
    "/",
    "/practicas/",
    "/herramientas/",
    "/eventos/",
    "/eventos/calendario.ics",
    "/red/",
    "/datos/",
    "/datos/practicas.csv",
    "/datos/practicas.json",
    "/datos/catalogo.jsonld",
    "/practicas/feed.xml",
    "/en/practicas/feed.xml",
    "/sitemap.xml",
}
RENCA = {"/red/renca/", "/red/renca/cabildos/"}  # the practice's member and its own address


def test_publicar_una_practica_purga_los_listados_que_la_muestran(
    cdn, red_con_listados, client, django_capture_on_commit_callbacks
):
    practica, renca, _ = red_con_listados
    practica.title = "Cabildos abiertos en cada villa"
    with django_capture_on_commit_callbacks(execute=True):
        practica.save_revision().publish()
    purgadas = rutas_purgadas(cdn)
    assert purgadas >= LISTADOS | RENCA
    assert "/red/maipu/" not in purgadas
    # Each purged address is one a visitor (and so the CDN) really asks for.
    for ruta in LISTADOS | RENCA:
        assert client.get(ruta).status_code == 200, ruta


def test_despublicar_desde_el_admin_purga_los_listados(
    cdn, red_con_listados, admin_client, django_capture_on_commit_callbacks
):
    practica, _, _ = red_con_listados
    post_del_admin(
        admin_client, f"/admin/pages/{practica.pk}/unpublish/", django_capture_on_commit_callbacks
    )
    assert rutas_purgadas(cdn) >= LISTADOS | RENCA


def test_mover_desde_el_admin_purga_la_direccion_antigua_y_ambos_miembros(
    cdn, red_con_listados, admin_client, django_capture_on_commit_callbacks
):
    practica, _, maipu = red_con_listados
    post_del_admin(
        admin_client,
        f"/admin/pages/{practica.pk}/move/{maipu.pk}/confirm/",
        django_capture_on_commit_callbacks,
    )
    # The old address would otherwise keep answering from the CDN.
    assert rutas_purgadas(cdn) >= LISTADOS | RENCA | {"/red/maipu/"}


def test_sin_cdn_publicar_no_purga_nada(
    settings, proxy_de_purga, red_con_listados, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    practica, _, _ = red_con_listados
    with django_capture_on_commit_callbacks(execute=True):
        practica.save_revision().publish()
    assert proxy_de_purga.purgas == []


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


def test_una_cdn_que_no_responde_no_impide_despublicar(
    settings, red_con_listados, admin_client, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = backend_http(puerto_cerrado())
    practica, _, _ = red_con_listados
    post_del_admin(
        admin_client, f"/admin/pages/{practica.pk}/unpublish/", django_capture_on_commit_callbacks
    )
    practica.refresh_from_db()
    assert not practica.live
