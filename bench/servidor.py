"""Serving the site with gunicorn on free ports, and reading pages from it."""

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from sitio import DATOS, RAIZ, VENV, WORKERS


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(app, env, puerto):
    proceso = subprocess.Popen(  # noqa: S603 - our own venv and arguments
        [
            str(VENV / "gunicorn"),
            app,
            "--bind",
            f"127.0.0.1:{puerto}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
            "--preload",
        ],
        cwd=RAIZ,
        env=env,
    )
    limite = time.monotonic() + 30
    while time.monotonic() < limite:
        try:
            with socket.create_connection(("127.0.0.1", puerto), timeout=1):
                return proceso
        except OSError:
            time.sleep(0.2)
    proceso.terminate()
    sys.exit(f"gunicorn no respondió en el puerto {puerto}")


def descargar(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as respuesta:  # noqa: S310 - loopback
            return respuesta.status, respuesta.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


class Servidores:
    """The site without and with the page cache, and the static copies, on free ports."""

    def __init__(self, env):
        self.env = env
        self.estatico = Path(tempfile.mkdtemp(prefix="bench-estatico-", dir=DATOS))
        self.puertos = {
            "sin": puerto_libre(),
            "frio": puerto_libre(),
            "con": puerto_libre(),
            "archivos": puerto_libre(),
        }
        self.procesos = {
            "sin": gunicorn(
                "red.wsgi:application", {**env, "CACHE_PAGINAS": "0"}, self.puertos["sin"]
            ),
            # "En frío": every request renders as right after a publish (no kept
            # routes, fragments or counts): the worst case of the uncached column.
            "frio": gunicorn(
                "red.wsgi:application",
                {**env, "CACHE_PAGINAS": "0", "CACHE_CONTENIDO": "0"},
                self.puertos["frio"],
            ),
            "con": gunicorn(
                "red.wsgi:application", {**env, "CACHE_PAGINAS": "1"}, self.puertos["con"]
            ),
        }

    def url(self, cual, ruta):
        return f"http://127.0.0.1:{self.puertos[cual]}{ruta}"

    def servir_copias(self):
        # WhiteNoise reads its files when it starts: save every page first.
        self.procesos["archivos"] = gunicorn(
            "bench.estatico:application",
            {**self.env, "BENCH_ESTATICO": str(self.estatico)},
            self.puertos["archivos"],
        )

    def cerrar(self):
        for proceso in self.procesos.values():
            proceso.terminate()
            proceso.wait()
        shutil.rmtree(self.estatico, ignore_errors=True)


def se_guarda(servidores, ruta):
    """Whether the page cache keeps this page (a page with a CSRF form never is)."""
    # Each gunicorn worker has its own local-memory cache: a few visits reach both.
    for _vez in range(6):
        try:
            with urllib.request.urlopen(servidores.url("con", ruta), timeout=120) as r:  # noqa: S310
                r.read()
                if r.headers.get("X-Cache", "") == "HIT":
                    return True
        except urllib.error.HTTPError:
            return False
    return False
