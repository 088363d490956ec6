"""Smoke test of nginx in front of gunicorn, as production runs (`.ci/run` calls it).

Starts, without root and in a temporary folder: a migrated SQLite database,
gunicorn with the production settings (deploy/gunicorn.conf.py) and nginx with
deploy/nginx/red-comun.conf on an unprivileged port. Then checks, through nginx:

1. a page answers 200, and its copy is kept by nginx (X-Cache-Proxy);
2. with the database unavailable, that page is still served (stale copy) and a
   page never seen answers the branded 503; after the outage, 200 again;
3. an upload over client_max_body_size is refused with 413 by nginx;
4. a file under /media/documents/ is never served directly (404);
5. /static/ answers with a year-long, immutable Cache-Control.

    .venv/bin/python scripts/smoke_nginx.py      # exit 0 when everything holds
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VENV = Path(sys.executable).parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REGISTRO_NGINX = None

AJUSTES = """
from red.settings.production import *  # noqa: F403
import os
# Plain names, no collectstatic: what is tested is nginx, not the manifest.
ESTATICOS = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": ESTATICOS}}
STATIC_ROOT = os.environ["HUMO_STATIC"]
"""


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pedir(puerto, metodo, ruta, cuerpo=None, cabeceras=None):
    conexion = http.client.HTTPConnection("127.0.0.1", puerto, timeout=20)
    try:
        conexion.request(metodo, ruta, body=cuerpo, headers=cabeceras or {})
        r = conexion.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        conexion.close()


def esperar(puerto, segundos=30):
    limite = time.monotonic() + segundos
    while time.monotonic() < limite:
        try:
            with socket.create_connection(("127.0.0.1", puerto), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nada escucha en el puerto {puerto}")


def comprobar(condicion, mensaje):
    print(("  ok  " if condicion else "  FALLA  ") + mensaje)
    if not condicion:
        if REGISTRO_NGINX and REGISTRO_NGINX.exists():
            print(REGISTRO_NGINX.read_text()[-2000:])
        raise SystemExit(1)


def main():  # noqa: PLR0915 - one scenario, step by step
    if not Path(NGINX).exists():
        raise SystemExit("nginx no está instalado (apt-get install nginx)")
    global REGISTRO_NGINX  # noqa: PLW0603 - shown when a check fails
    tmp = Path(tempfile.mkdtemp(prefix="red-humo-"))
    REGISTRO_NGINX = tmp / "error.log"
    procesos = []
    try:
        for carpeta in ("tmp", "cache", "static/css", "media/documents", "ajustes"):
            (tmp / carpeta).mkdir(parents=True, exist_ok=True)
        # Run as root (CI), nginx's workers become an unprivileged user: they read
        # the folder and write their cache and buffers.
        tmp.chmod(0o755)
        for carpeta in ("tmp", "cache"):
            (tmp / carpeta).chmod(0o777)
        (tmp / "ajustes" / "humo_ajustes.py").write_text(AJUSTES)
        (tmp / "static/css/sitio.0123456789ab.css").write_text("body{}")
        (tmp / "media/documents/privado.txt").write_text("secreto")
        base = tmp / "red.sqlite3"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "humo_ajustes",
            "PYTHONPATH": f"{tmp / 'ajustes'}{os.pathsep}{RAIZ}",
            "SECRET_KEY": "humo-" + "x" * 60,
            "DATABASE_URL": f"sqlite:///{base}",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "MEDIA_ROOT": str(tmp / "media"),
            "HUMO_STATIC": str(tmp / "static"),
            # Pages expire from nginx after a second: the outage below finds them stale.
            "CACHE_PAGINAS_SEGUNDOS": "1",
            "LOG_LEVEL": "ERROR",
        }
        env.pop("REDIS_URL", None)
        manage = [str(VENV / "python"), "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=RAIZ, env=env, check=True)  # noqa: S603

        puerto_app, puerto = puerto_libre(), puerto_libre()
        procesos.append(
            subprocess.Popen(  # noqa: S603 - our own venv and config
                [
                    str(VENV / "gunicorn"),
                    "red.wsgi:application",
                    "-c",
                    str(RAIZ / "deploy/gunicorn.conf.py"),
                    "--bind",
                    f"127.0.0.1:{puerto_app}",
                    "--workers",
                    "1",
                ],
                cwd=RAIZ,
                env=env,
            )
        )
        comun = (RAIZ / "deploy/nginx/red-comun.conf").read_text()
        comun = comun.replace("@STATIC_ROOT@", str(tmp / "static"))
        (tmp / "red-comun.conf").write_text(comun.replace("@MEDIA_ROOT@", str(tmp / "media")))
        conf = (RAIZ / "deploy/nginx/prueba.conf.in").read_text()
        for clave, valor in {
            "@PREFIJO@": str(tmp),
            "@PUERTO_APP@": str(puerto_app),
            "@PUERTO@": str(puerto),
        }.items():
            conf = conf.replace(clave, valor)
        (tmp / "nginx.conf").write_text(conf)
        opciones = ["-p", str(tmp), "-c", str(tmp / "nginx.conf")]
        subprocess.run([NGINX, "-t", "-q", *opciones], check=True)  # noqa: S603
        procesos.append(subprocess.Popen([NGINX, *opciones]))  # noqa: S603
        esperar(puerto_app)
        esperar(puerto)

        print("nginx delante de gunicorn:")
        estado, cab, cuerpo = pedir(puerto, "GET", "/")
        comprobar(estado == 200, f"una página por nginx: {estado} {cuerpo[:300]!r}")
        estado, cab, _ = pedir(puerto, "GET", "/")
        comprobar(
            cab.get("X-Cache-Proxy") in ("HIT", "MISS", "EXPIRED", "STALE", "UPDATING"),
            f"nginx la guarda (X-Cache-Proxy: {cab.get('X-Cache-Proxy')}, "
            f"Cache-Control: {cab.get('Cache-Control')})",
        )
        time.sleep(2.5)

        # The outage: the database file is moved away and a folder takes its place
        # (SQLite cannot open it, as root either).
        guardada = tmp / "guardada.sqlite3"
        base.rename(guardada)
        base.mkdir()
        try:
            estado, cab, _ = pedir(puerto, "GET", "/")
            comprobar(
                estado == 200 and cab.get("X-Cache-Proxy") in ("STALE", "UPDATING"),
                f"base caída: la copia guardada sale ({estado}, {cab.get('X-Cache-Proxy')})",
            )
            estado, cab, cuerpo = pedir(puerto, "GET", "/?nunca-vista=1")
            comprobar(
                estado == 503 and b"<html" in cuerpo.lower() and "Retry-After" in cab,
                f"base caída: una página nunca vista da el 503 de la Red ({estado})",
            )
        finally:
            base.rmdir()
            guardada.rename(base)
        time.sleep(1.5)
        estado, _, _ = pedir(puerto, "GET", "/?despues=1")
        comprobar(estado == 200, f"la base vuelve: 200 ({estado})")

        grande = b"x" * (26 * 1024 * 1024)
        estado, _, _ = pedir(
            puerto, "POST", "/admin/login/", grande, {"Content-Type": "application/octet-stream"}
        )
        comprobar(estado == 413, f"una subida de 26 MB: {estado}")

        estado, _, cuerpo = pedir(puerto, "GET", "/media/documents/privado.txt")
        comprobar(
            estado == 404 and b"secreto" not in cuerpo, f"/media/documents/ directo: {estado}"
        )

        estado, cab, _ = pedir(puerto, "GET", "/static/css/sitio.0123456789ab.css")
        control = cab.get("Cache-Control", "")
        comprobar(
            estado == 200 and "immutable" in control and "max-age=31536000" in control,
            f"/static/: {estado}, Cache-Control: {control}",
        )
        print("nginx: todo en orden")
    finally:
        for proceso in reversed(procesos):
            proceso.terminate()
        for proceso in procesos:
            try:
                proceso.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proceso.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
