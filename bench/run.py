"""`make bench`: throughput and latency of the practice library under load.

For SQLite and PostgreSQL: loads N practices (cargar_demo + generar_practicas)
into a database of its own, serves the site with gunicorn and measures with
wrk, from another process, each page next to (a) the same bytes saved as a
static file, served by the same gunicorn through WhiteNoise, and (b) a Django
view that returns a constant response of the same size (bench/urls.py, only
in this URLconf). Prints a table and writes docs/rendimiento.md.

    .venv/bin/python bench/run.py [--n 5000] [--duracion 5] [--motores sqlite,postgres]
"""

import argparse
import os
import platform
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VENV = RAIZ / ".venv" / "bin"
DATOS = RAIZ / ".bench"
DOC = RAIZ / "docs" / "rendimiento.md"
LUA = RAIZ / "bench" / "percentiles.lua"
PG_SERVIDOR = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_BASE = "rga_practicas_bench"
WORKERS = 2
CONEXIONES = 8

PAGINAS = [
    ("Biblioteca, sin filtros", "/practicas/"),
    ("Biblioteca, un filtro", "/practicas/?eje=transparencia"),
    ("Biblioteca, dos filtros", "/practicas/?eje=transparencia&comuna=13101"),
    ("Biblioteca, búsqueda", "/practicas/?q=participacion"),
    ("Página de una práctica", "/red/municipalidad-de-renca/presupuesto-participativo-mixto/"),
    ("Descarga de todas las prácticas (CSV)", "/datos/practicas.csv"),
]


def paso(mensaje):
    print(f"→ {mensaje}", flush=True)


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def entorno(motor):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(RAIZ),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    if motor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{DATOS / 'bench.sqlite3'}"
    else:
        env["DATABASE_URL"] = f"{PG_SERVIDOR}/{PG_BASE}"
        env["DB_CONN_MAX_AGE"] = "60"
    return env


def manage(env, *args):
    salida = subprocess.run(  # noqa: S603 - our own venv and arguments
        [str(VENV / "python"), "manage.py", *args],
        cwd=RAIZ,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return salida.stdout


def crear_base_postgres():
    import psycopg

    url = PG_SERVIDOR.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(url, autocommit=True) as conexion:
        existe = conexion.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_BASE]
        ).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{PG_BASE}"')


def preparar(motor, env, n):
    DATOS.mkdir(exist_ok=True)
    if motor == "postgres":
        crear_base_postgres()
    paso(f"[{motor}] migraciones y contenido de demostración")
    manage(env, "migrate", "--noinput")
    manage(env, "cargar_demo")
    hay = int(
        manage(
            env,
            "shell",
            "-c",
            "from practicas.models import PracticaPage; print(PracticaPage.objects.count())",
        ).split()[-1]
    )
    if hay < n:
        paso(f"[{motor}] generar_practicas --n {n - hay} (hay {hay})")
        proceso = subprocess.Popen(  # noqa: S603 - our own venv and arguments
            [str(VENV / "python"), "manage.py", "generar_practicas", "--n", str(n - hay)],
            cwd=RAIZ,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for linea in proceso.stdout:
            print(f"    {linea.rstrip()}", flush=True)
        if proceso.wait():
            sys.exit(f"generar_practicas falló en {motor}")
    else:
        paso(f"[{motor}] ya hay {hay} prácticas")


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


def wrk(url, duracion):
    """Runs wrk (2 s of warm-up, then `duracion` seconds) and returns its figures."""
    base = ["wrk", "-t2", f"-c{CONEXIONES}", "-s", str(LUA)]
    subprocess.run([*base, "-d2s", url], check=True, capture_output=True)  # noqa: S603
    salida = subprocess.run(  # noqa: S603 - wrk on a loopback URL we built
        [*base, f"-d{duracion}s", url], check=True, capture_output=True, text=True
    ).stdout
    datos = re.search(r"BENCH rps=([\d.]+) p50=([\d.]+) p95=([\d.]+) errores=(\d+)", salida)
    rps, p50, p95, errores = datos.groups()
    return {"rps": float(rps), "p50": float(p50), "p95": float(p95), "errores": int(errores)}


def medir(motor, env, duracion):
    puerto_sitio, puerto_estatico = puerto_libre(), puerto_libre()
    estatico = Path(tempfile.mkdtemp(prefix="bench-estatico-", dir=DATOS))
    sitio = gunicorn("red.wsgi:application", env, puerto_sitio)
    archivos = gunicorn(
        "bench.estatico:application", {**env, "BENCH_ESTATICO": str(estatico)}, puerto_estatico
    )
    filas = []
    try:
        # Save every page first: the static server reads its files when it starts.
        copias = []
        for i, (_nombre, ruta) in enumerate(PAGINAS):
            with urllib.request.urlopen(f"http://127.0.0.1:{puerto_sitio}{ruta}") as r:  # noqa: S310
                cuerpo = r.read()
            (estatico / f"p{i}.html").write_bytes(cuerpo)
            copias.append(len(cuerpo))
        archivos.terminate()
        archivos.wait()
        archivos = gunicorn(
            "bench.estatico:application",
            {**env, "BENCH_ESTATICO": str(estatico)},
            puerto_estatico,
        )
        for i, (nombre, ruta) in enumerate(PAGINAS):
            tamano = copias[i]
            paso(f"[{motor}] {nombre} ({tamano} bytes)")
            fila = {"motor": motor, "pagina": nombre, "ruta": ruta, "bytes": tamano}
            fila["django"] = wrk(f"http://127.0.0.1:{puerto_sitio}{ruta}", duracion)
            fila["estatico"] = wrk(f"http://127.0.0.1:{puerto_estatico}/p{i}.html", duracion)
            fila["constante"] = wrk(
                f"http://127.0.0.1:{puerto_sitio}/_bench/constante/{tamano}/", duracion
            )
            print(
                f"    página {fila['django']['rps']:.1f} req/s · estático "
                f"{fila['estatico']['rps']:.1f} · vista constante {fila['constante']['rps']:.1f}",
                flush=True,
            )
            filas.append(fila)
    finally:
        for proceso in (sitio, archivos):
            proceso.terminate()
            proceso.wait()
    return filas


def proporcion(a, b):
    return f"1/{b / a:.1f}" if a else "—"


def tabla(filas):
    lineas = [
        "| motor | página | bytes | req/s | p50 ms | p95 ms | estático req/s (p50/p95 ms) "
        "| vista constante req/s (p50/p95 ms) | página/estático | página/constante | errores |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for f in filas:
        d, e, c = f["django"], f["estatico"], f["constante"]
        lineas.append(
            f"| {f['motor']} | {f['pagina']} | {f['bytes']} | {d['rps']:.1f} | {d['p50']:.1f} "
            f"| {d['p95']:.1f} | {e['rps']:.0f} ({e['p50']:.1f}/{e['p95']:.1f}) "
            f"| {c['rps']:.0f} ({c['p50']:.1f}/{c['p95']:.1f}) "
            f"| {proporcion(d['rps'], e['rps'])} | {proporcion(d['rps'], c['rps'])} "
            f"| {d['errores'] + e['errores'] + c['errores']} |"
        )
    return "\n".join(lineas)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="prácticas en la base")
    parser.add_argument("--duracion", type=int, default=5, help="segundos por medición")
    parser.add_argument("--motores", default="sqlite,postgres")
    args = parser.parse_args()
    comando = " ".join(["make bench", *sys.argv[1:]]) if sys.argv[1:] else "make bench"
    filas = []
    for motor in args.motores.split(","):
        env = entorno(motor)
        preparar(motor, env, args.n)
        filas += medir(motor, env, args.duracion)
    texto = tabla(filas)
    print()
    print(texto)
    fecha = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        "# Rendimiento de la biblioteca de prácticas\n\n"
        f"Medido el {fecha} en {platform.node() or 'esta máquina'} "
        f"({os.cpu_count()} núcleos, Python {platform.python_version()}), con:\n\n"
        f"    {comando}\n\n"
        f"{args.n} prácticas (`generar_practicas`) más la demostración; gunicorn con "
        f"{WORKERS} procesos, sin caché de páginas; wrk con 2 hilos y {CONEXIONES} conexiones, "
        f"{args.duracion} s por medición tras 2 s de calentamiento, desde otro proceso de la "
        "misma máquina. *Estático*: los mismos bytes guardados como archivo y servidos por el "
        "mismo gunicorn con WhiteNoise. *Vista constante*: una vista Django que devuelve una "
        "respuesta del mismo tamaño sin tocar la base de datos (bench/urls.py, solo en la "
        "configuración de mediciones): el techo de cualquier página Django aquí. "
        "*página/constante* 1/10 significa que la página sirve la décima parte de "
        "solicitudes por segundo que ese techo.\n\n"
        f"{texto}\n",
        encoding="utf-8",
    )
    print(f"\nEscrito en {DOC.relative_to(RAIZ)}")


if __name__ == "__main__":
    main()
