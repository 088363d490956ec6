"""`make bench`: throughput, latency and memory of the public site under load.

For SQLite and PostgreSQL: loads N practices (cargar_demo + generar_practicas,
plus generar_eventos when the events app has it) into a database of its own,
serves the site with gunicorn (production-like settings, DEBUG off) and
measures with wrk, from another process, each public page:

- without the page cache and with it (the same site, CACHE_PAGINAS=0 / 1);
- next to (a) the same bytes saved as a static file, served by the same
  gunicorn through WhiteNoise, and (b) a Django view that returns a constant
  response of the same size (bench/urls.py, only in this URLconf): the ceiling
  of any Django page on this machine.

Then, on SQLite, the library at 50 practices against the library at N (speed
and SQL queries), the queries and writes of a search, the memory of the
CSV export at 50 and at N, and a burst of registrations to one event.
Prints a table and writes docs/rendimiento.md.

    .venv/bin/python bench/run.py [--n 5000] [--duracion 5] [--motores sqlite,postgres]
"""

import argparse
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
VENV = RAIZ / ".venv" / "bin"
DATOS = RAIZ / ".bench"
DOC = RAIZ / "docs" / "rendimiento.md"
LUA = RAIZ / "bench" / "percentiles.lua"
LUA_INSCRIPCIONES = RAIZ / "bench" / "inscripciones.lua"
PG_SERVIDOR = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
PG_BASE = "rga_practicas_bench"
WORKERS = 2
CONEXIONES = 8
N_PEQUENA = 50
N_EVENTOS = 200
N_ORGANIZACIONES = 20_000

# (name, path); `{practica}` and `{evento}` are resolved against the database.
# A page that does not answer 200 on this version of the site is left out.
PAGINAS = [
    ("Inicio", "/"),
    ("Directorio de la Red", "/red/"),
    ("Biblioteca, sin filtros", "/practicas/"),
    ("Biblioteca, un filtro", "/practicas/?eje=transparencia"),
    ("Biblioteca, dos filtros", "/practicas/?eje=transparencia&comuna=13101"),
    ("Biblioteca, búsqueda", "/practicas/?q=participacion"),
    ("Página de una práctica", "{practica}"),
    ("Calendario de eventos", "/eventos/"),
    ("Página de un evento", "{evento}"),
    ("Biblioteca de herramientas", "/herramientas/"),
    ("Descarga /datos/practicas.csv", "/datos/practicas.csv"),
    ("Catastro de organizaciones", "/red/organizaciones/"),
    ("Catastro, comuna y búsqueda", "/red/organizaciones/?comuna=13101&q=sintetica"),
]

# Python run inside the site (manage.py shell) to find pages and count queries.
BUSCAR_RUTAS = """
import json
from practicas.models import PracticaPage
rutas = {}
practica = PracticaPage.objects.live().filter(
    locale__language_code="es", es_demo=True, slug="presupuesto-participativo-mixto"
).first() or PracticaPage.objects.live().filter(locale__language_code="es").first()
rutas["practica"] = practica.url if practica else None
try:
    from eventos.models import EventoPage
    from django.utils import timezone
    proximos = EventoPage.objects.live().filter(
        locale__language_code="es", inicio__gte=timezone.now()
    )
    evento = proximos.order_by("inicio").first()
    rutas["evento"] = evento.url if evento else None
except Exception:
    rutas["evento"] = None
print("RUTAS " + json.dumps(rutas))
"""

CONTAR_CONSULTAS = """
import json, tracemalloc
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.conf import settings
settings.ALLOWED_HOSTS = ["*"]
settings.RED_CACHE_PAGINAS = False
cliente = Client()
resultado = {}
for nombre, ruta in [("biblioteca", "/practicas/"), ("busqueda", "/practicas/?q=participacion"),
                     ("buscar", "/buscar/?q=participacion")]:
    cliente.get(ruta)
    with CaptureQueriesContext(connection) as consultas:
        respuesta = cliente.get(ruta)
    escrituras = [q["sql"] for q in consultas.captured_queries
                  if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    resultado[nombre] = {"estado": respuesta.status_code, "consultas": len(consultas),
                         "escrituras": len(escrituras)}
# Memory while streaming: the peak of the first 1,000 rows (one block) against the
# peak of all the rows after them. Flat memory means the second is not larger.
tracemalloc.start()
respuesta = cliente.get("/datos/practicas.csv")
filas, pico_primeras, reiniciado = 0, None, False
if respuesta.status_code == 200:
    contenido = respuesta.streaming_content if respuesta.streaming else [respuesta.content]
    for trozo in contenido:
        filas += trozo.count(b"\\n")
        if not reiniciado and filas > 1001:
            pico_primeras = tracemalloc.get_traced_memory()[1]
            tracemalloc.reset_peak()
            reiniciado = True
_actual, pico = tracemalloc.get_traced_memory()
tracemalloc.stop()
resultado["csv"] = {"estado": respuesta.status_code, "streaming": bool(respuesta.streaming),
                    "filas": filas, "pico_kib": round(pico / 1024),
                    "pico_primeras_kib": round(pico_primeras / 1024) if pico_primeras else None}
print("CONSULTAS " + json.dumps(resultado))
"""

PREPARAR_INSCRIPCION = """
import json
from django.utils import timezone
from eventos.models import EventoPage
from red.models import Comuna
evento = (EventoPage.objects.live().filter(locale__language_code="es", inicio__gte=timezone.now())
          .order_by("inicio").first())
if evento is not None:
    # Room for everyone, so that every registration of the burst is a success.
    evento.cupos = 1000000
    evento.inscripcion_abre = None
    evento.inscripcion_cierra = None
    evento.save_revision().publish()
print("EVENTO " + json.dumps({"url": evento.url if evento else None,
                              "comuna": Comuna.objects.get(cut="13128").pk}))
"""


def paso(mensaje):
    print(f"→ {mensaje}", flush=True)


def puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def entorno(motor, base="bench"):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(RAIZ),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    if motor == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{DATOS / f'{base}.sqlite3'}"
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


def en_el_sitio(env, codigo, etiqueta):
    """Runs `codigo` in the site's Django and returns the JSON it printed after `etiqueta`."""
    salida = manage(env, "shell", "-c", codigo)
    linea = next(linea for linea in salida.splitlines() if linea.startswith(etiqueta + " "))
    return json.loads(linea[len(etiqueta) + 1 :])


def crear_base_postgres():
    import psycopg

    url = PG_SERVIDOR.replace("postgres://", "postgresql://") + "/postgres"
    with psycopg.connect(url, autocommit=True) as conexion:
        existe = conexion.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [PG_BASE]
        ).fetchone()
        if not existe:
            conexion.execute(f'CREATE DATABASE "{PG_BASE}"')


def contar(env, codigo):
    return int(manage(env, "shell", "-c", codigo).split()[-1])


def generar(env, comando, faltan, motor):
    paso(f"[{motor}] {comando} --n {faltan}")
    proceso = subprocess.Popen(  # noqa: S603 - our own venv and arguments
        [str(VENV / "python"), "manage.py", comando, "--n", str(faltan)],
        cwd=RAIZ,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    for linea in proceso.stdout:
        print(f"    {linea.rstrip()}", flush=True)
    if proceso.wait():
        sys.exit(f"{comando} falló en {motor}")


def preparar(motor, env, n, eventos=N_EVENTOS):
    DATOS.mkdir(exist_ok=True)
    if motor == "postgres":
        crear_base_postgres()
    paso(f"[{motor}] migraciones y contenido de demostración")
    manage(env, "migrate", "--noinput")
    manage(env, "cargar_demo")
    hay = contar(
        env, "from practicas.models import PracticaPage; print(PracticaPage.objects.count())"
    )
    if hay < n:
        generar(env, "generar_practicas", n - hay, motor)
    else:
        paso(f"[{motor}] ya hay {hay} prácticas")
    comandos = manage(env, "help", "--commands").split()
    if eventos and "generar_eventos" in comandos:
        hay = contar(
            env, "from eventos.models import EventoPage; print(EventoPage.objects.count())"
        )
        if hay < eventos:
            generar(env, "generar_eventos", eventos - hay, motor)
    if "generar_organizaciones" in comandos:
        hay = contar(
            env,
            "from organizaciones.models import Organizacion; print(Organizacion.objects.count())",
        )
        if hay < N_ORGANIZACIONES:
            generar(env, "generar_organizaciones", N_ORGANIZACIONES - hay, motor)


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


def wrk(url, duracion, script=LUA, conexiones=CONEXIONES, entorno_extra=None):
    """Runs wrk (2 s of warm-up, then `duracion` seconds) and returns its figures."""
    # A slow answer is a latency, not an error: errors are failed or non-2xx/3xx answers.
    base = ["wrk", "-t2", f"-c{conexiones}", "--timeout", "30s", "-s", str(script)]
    env = {**os.environ, **(entorno_extra or {})}
    subprocess.run([*base, "-d2s", url], check=True, capture_output=True, env=env)  # noqa: S603
    salida = subprocess.run(  # noqa: S603 - wrk on a loopback URL we built
        [*base, f"-d{duracion}s", url], check=True, capture_output=True, text=True, env=env
    ).stdout
    datos = re.search(
        r"BENCH rps=([\d.]+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) errores=(\d+)", salida
    )
    rps, p50, p95, p99, errores = datos.groups()
    return {
        "rps": float(rps),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "errores": int(errores),
    }


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


def medir(motor, env, duracion):
    rutas = en_el_sitio(env, BUSCAR_RUTAS, "RUTAS")
    servidores = Servidores(env)
    filas = []
    try:
        paginas = []
        for nombre, ruta in PAGINAS:
            ruta = ruta.format(**rutas) if "{" in ruta else ruta
            if "None" in ruta:
                paso(f"[{motor}] {nombre}: no hay contenido para medirla, se omite")
                continue
            estado, cuerpo = descargar(servidores.url("sin", ruta))
            if estado != 200:
                paso(f"[{motor}] {nombre} ({ruta}) responde {estado}: se omite")
                continue
            archivo = f"p{len(paginas)}.html"
            (servidores.estatico / archivo).write_bytes(cuerpo)
            paginas.append((nombre, ruta, archivo, len(cuerpo), se_guarda(servidores, ruta)))
        servidores.servir_copias()
        for nombre, ruta, archivo, tamano, guardable in paginas:
            paso(f"[{motor}] {nombre} ({tamano} bytes)")
            fila = {
                "motor": motor,
                "pagina": nombre,
                "ruta": ruta,
                "bytes": tamano,
                "guardable": guardable,
            }
            fila["sin_cache"] = wrk(servidores.url("sin", ruta), duracion)
            fila["en_frio"] = wrk(servidores.url("frio", ruta), duracion)
            fila["con_cache"] = wrk(servidores.url("con", ruta), duracion)
            fila["estatico"] = wrk(servidores.url("archivos", f"/{archivo}"), duracion)
            fila["constante"] = wrk(servidores.url("sin", f"/_bench/constante/{tamano}/"), duracion)
            print(
                f"    sin caché {fila['sin_cache']['rps']:.1f} req/s · en frío "
                f"{fila['en_frio']['rps']:.1f} · con caché "
                f"{fila['con_cache']['rps']:.1f} · estático {fila['estatico']['rps']:.1f} · "
                f"vista constante {fila['constante']['rps']:.1f}",
                flush=True,
            )
            filas.append(fila)
    finally:
        servidores.cerrar()
    return filas


def escala(n, duracion):
    """The library and the CSV export at 50 practices against N (SQLite)."""
    resultado = {}
    for etiqueta, base, cuantas in [("pequena", "bench-50", N_PEQUENA), ("grande", "bench", n)]:
        env = entorno("sqlite", base)
        if etiqueta == "pequena":
            preparar("sqlite", env, cuantas, eventos=0)
        paso(f"[sqlite, {cuantas} prácticas] consultas, escrituras y memoria")
        datos = en_el_sitio(env, CONTAR_CONSULTAS, "CONSULTAS")
        puerto = puerto_libre()
        proceso = gunicorn("red.wsgi:application", {**env, "CACHE_PAGINAS": "0"}, puerto)
        try:
            paso(f"[sqlite, {cuantas} prácticas] /practicas/ sin caché")
            datos["rps_biblioteca"] = wrk(f"http://127.0.0.1:{puerto}/practicas/", duracion)
            datos["rps_busqueda"] = wrk(
                f"http://127.0.0.1:{puerto}/practicas/?q=participacion", duracion
            )
        finally:
            proceso.terminate()
            proceso.wait()
        datos["practicas"] = cuantas
        resultado[etiqueta] = datos
    return resultado


def rafaga_de_inscripciones(duracion):
    """Concurrent registrations to one upcoming event (SQLite, the embedded default).

    Background tasks go to the database (django-tasks-db, as in production), so
    each registration writes its row and its e-mail task; no worker runs.
    """
    env = {**entorno("sqlite"), "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}
    try:
        datos = en_el_sitio(env, PREPARAR_INSCRIPCION, "EVENTO")
    except (subprocess.CalledProcessError, StopIteration):
        datos = {"url": None}
    if not datos["url"] or not LUA_INSCRIPCIONES.exists():
        paso("ráfaga de inscripciones: no hay eventos en esta versión del sitio, se omite")
        return None
    puerto = puerto_libre()
    # The per-address limit of the form would refuse a load generator on one address.
    proceso = gunicorn(
        "red.wsgi:application",
        {**env, "CACHE_PAGINAS": "0", "RED_EVENTOS_INSCRIPCIONES_POR_IP": "100000000"},
        puerto,
    )
    url = f"http://127.0.0.1:{puerto}{datos['url']}"
    try:
        with urllib.request.urlopen(url, timeout=60) as respuesta:  # noqa: S310 - loopback
            html = respuesta.read().decode()
            galleta = respuesta.headers.get("Set-Cookie", "")
        cookie = re.search(r"csrftoken=([^;]+)", galleta).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        formulario = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "nombre": "Persona de prueba de carga",
                "organizacion": "Organización de prueba",
                "comuna": datos["comuna"],
                "tipo_participante": "organizacion",
                "consentimiento": "on",
            }
        )
        biblioteca = f"http://127.0.0.1:{puerto}/practicas/"
        paso("biblioteca sin caché de páginas, sin inscripciones")
        sola = wrk(biblioteca, duracion)
        paso(f"ráfaga de inscripciones a {datos['url']}, con visitas a la biblioteca a la vez")
        # Each registration changes places left: what else the site keeps must stay
        # kept, or a popular event would make every page render from the database.
        with ThreadPoolExecutor(max_workers=1) as hilo:
            durante = hilo.submit(wrk, biblioteca, duracion, conexiones=2)
            cifras = wrk(
                url,
                duracion,
                script=LUA_INSCRIPCIONES,
                entorno_extra={
                    "BENCH_CSRF_COOKIE": cookie,
                    "BENCH_FORM": formulario,
                    "BENCH_REFERER": url,
                },
            )
            biblioteca_durante = durante.result()
        confirmadas = en_el_sitio(env, CONTAR_INSCRIPCIONES, "INSCRIPCIONES")
        return {
            "evento": datos["url"],
            **cifras,
            **confirmadas,
            "biblioteca_sola": sola,
            "biblioteca_durante": biblioteca_durante,
        }
    finally:
        proceso.terminate()
        proceso.wait()


CONTAR_INSCRIPCIONES = """
import json
from eventos.models import Inscripcion
print("INSCRIPCIONES " + json.dumps({
    "guardadas": Inscripcion.objects.filter(email__startswith="bench-").count()}))
"""


def proporcion(a, b):
    return f"1/{b / a:.1f}" if a else "—"


def tabla(filas):
    lineas = [
        "| motor | página | bytes | sin caché req/s (p50/p95/p99 ms) | en frío req/s "
        "(p50/p95/p99 ms) | con caché req/s (p50/p95/p99 ms) | estático req/s "
        "| vista constante req/s | sin caché/constante | en frío/constante "
        "| con caché/constante | sin caché/estático | errores |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for f in filas:
        s, c, e, k = f["sin_cache"], f["con_cache"], f["estatico"], f["constante"]
        r = f["en_frio"]
        errores = sum(x["errores"] for x in (s, r, c, e, k))
        lineas.append(
            f"| {f['motor']} | {f['pagina']} | {f['bytes']} "
            f"| {s['rps']:.1f} ({s['p50']:.1f}/{s['p95']:.1f}/{s['p99']:.1f}) "
            f"| {r['rps']:.1f} ({r['p50']:.1f}/{r['p95']:.1f}/{r['p99']:.1f}) "
            f"| {c['rps']:.1f} ({c['p50']:.1f}/{c['p95']:.1f}/{c['p99']:.1f}) "
            f"| {e['rps']:.0f} | {k['rps']:.0f} "
            f"| {proporcion(s['rps'], k['rps'])} | {proporcion(r['rps'], k['rps'])} "
            f"| {proporcion(c['rps'], k['rps'])} "
            f"| {proporcion(s['rps'], e['rps'])} | {errores} |"
        )
    return "\n".join(lineas)


def objetivos(filas, escala_, rafaga):
    """The targets of the issue, each with the figure that meets it or not."""
    lineas = []

    def marca(ok):
        return "✅" if ok else "❌"

    for f in filas:
        r_sin = f["sin_cache"]["rps"] / f["constante"]["rps"]
        r_con = f["con_cache"]["rps"] / f["constante"]["rps"]
        if f["ruta"].endswith(".csv"):
            # A download, not a page: its target is streaming with flat memory (below).
            segundos = 1 / f["sin_cache"]["rps"] if f["sin_cache"]["rps"] else float("inf")
            lineas.append(
                f"| {f['motor']} · {f['pagina']} | se descarga en una solicitud normal "
                f"| {segundos:.1f} s por descarga ({f['bytes'] // 1024} KiB), p95 "
                f"{f['sin_cache']['p95'] / 1000:.1f} s | {marca(segundos < 30)} |"
            )
            continue
        lineas.append(
            f"| {f['motor']} · {f['pagina']} | sin caché ≥ 1/10 de la vista constante "
            f"| {proporcion(f['sin_cache']['rps'], f['constante']['rps'])} "
            f"| {marca(r_sin >= 0.1)} |"
        )
        if f["guardable"]:
            lineas.append(
                f"| {f['motor']} · {f['pagina']} | con caché ≥ 1/2 de la vista constante "
                f"| {proporcion(f['con_cache']['rps'], f['constante']['rps'])} "
                f"| {marca(r_con >= 0.5)} |"
            )
        else:
            lineas.append(
                f"| {f['motor']} · {f['pagina']} | no pasa por la caché compartida (formulario "
                "con token CSRF: nunca se sirve a otra persona) | — | ✅ |"
            )
    errores = sum(f[k]["errores"] for f in filas for k in ("sin_cache", "en_frio", "con_cache"))
    lineas.append(f"| todas | cero errores bajo carga | {errores} | {marca(errores == 0)} |")
    if escala_:
        p, g = escala_["pequena"], escala_["grande"]
        veces = p["rps_biblioteca"]["rps"] / g["rps_biblioteca"]["rps"]
        lineas.append(
            f"| sqlite | biblioteca con {g['practicas']} prácticas ≤ 1,2× el costo de "
            f"{p['practicas']} | {veces:.2f}× | {marca(veces <= 1.2)} |"
        )
        lineas.append(
            f"| sqlite | mismas consultas SQL con {p['practicas']} y {g['practicas']} prácticas "
            f"| {p['biblioteca']['consultas']} y {g['biblioteca']['consultas']} "
            f"| {marca(p['biblioteca']['consultas'] == g['biblioteca']['consultas'])} |"
        )
        costo = g["rps_biblioteca"]["rps"] / g["rps_busqueda"]["rps"]
        lineas.append(
            f"| sqlite | una búsqueda cuesta ≤ 2× la biblioteca sin filtros | {costo:.2f}× "
            f"| {marca(costo <= 2)} |"
        )
        escrituras = g["busqueda"]["escrituras"] + g["buscar"]["escrituras"]
        lineas.append(
            f"| sqlite | una búsqueda (GET) no escribe en la base | {escrituras} escrituras "
            f"| {marca(escrituras == 0)} |"
        )
        csv = g["csv"]
        if csv["estado"] == 200 and csv["pico_primeras_kib"]:
            plano = csv["pico_kib"] <= 1.5 * csv["pico_primeras_kib"]
            lineas.append(
                f"| sqlite | /datos/practicas.csv de {g['practicas']} prácticas en streaming con "
                f"memoria plana | {'streaming' if csv['streaming'] else 'sin streaming'}; pico "
                f"{csv['pico_primeras_kib']} KiB en las primeras 1.000 filas y "
                f"{csv['pico_kib']} KiB en las {csv['filas'] - 1001} siguientes "
                f"| {marca(csv['streaming'] and plano)} |"
            )
    if rafaga:
        lineas.append(
            f"| sqlite | ráfaga de inscripciones sin errores ({rafaga['rps']:.1f} req/s, "
            f"p50/p95/p99 {rafaga['p50']:.0f}/{rafaga['p95']:.0f}/{rafaga['p99']:.0f} ms; "
            f"{rafaga['guardadas']} inscripciones guardadas) | {rafaga['errores']} errores "
            f"| {marca(rafaga['errores'] == 0 and rafaga['guardadas'] > 0)} |"
        )
        sola, durante = rafaga["biblioteca_sola"], rafaga["biblioteca_durante"]
        lineas.append(
            "| sqlite | durante la ráfaga la biblioteca responde sin errores con sus fragmentos "
            "guardados (una inscripción solo redibuja los cupos) | "
            f"{durante['rps']:.1f} req/s con 2 conexiones mientras llegan las inscripciones "
            f"(p50/p95 {durante['p50']:.0f}/{durante['p95']:.0f} ms; sola, con 8 conexiones: "
            f"{sola['rps']:.1f} req/s, p50 {sola['p50']:.0f} ms), {durante['errores']} errores "
            f"| {marca(durante['errores'] == 0)} |"
        )
    return "| dónde | objetivo | medido | |\n|---|---|---|---|\n" + "\n".join(lineas)


def pendientes(filas):
    """Pages that miss the uncached target, and what is known to cost in them."""
    faltan = [
        f"{f['motor']} · {f['pagina']} ({proporcion(f['sin_cache']['rps'], f['constante']['rps'])})"
        for f in filas
        if not f["ruta"].endswith(".csv") and f["sin_cache"]["rps"] < 0.1 * f["constante"]["rps"]
    ]
    if not faltan:
        return ""
    return (
        "## Lo que falta\n\n"
        "Sin caché de páginas no llegan a 1/10 de la vista constante: "
        + "; ".join(faltan)
        + ".\n\n"
        "Lo que cuesta todavía en una página ya visitada: dibujar lo que queda fuera de los "
        "fragmentos guardados (la caja de búsqueda, el selector de idioma, los avisos y los "
        "filtros activos) y leer cada fragmento de la caché. Además, la vista constante "
        "varía mucho durante una misma corrida en esta "
        "máquina compartida (de unas 1.200 a 2.400 solicitudes por segundo), así que una "
        "proporción cercana a 1/10 puede quedar a uno u otro lado según la carga.\n\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000, help="prácticas en la base")
    parser.add_argument("--duracion", type=int, default=5, help="segundos por medición")
    parser.add_argument("--motores", default="sqlite,postgres")
    parser.add_argument("--sin-extras", action="store_true", help="solo la tabla de páginas")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("make bench necesita wrk (apt-get install wrk).")
    comando = " ".join(["make bench", *sys.argv[1:]]) if sys.argv[1:] else "make bench"
    filas = []
    for motor in args.motores.split(","):
        env = entorno(motor)
        preparar(motor, env, args.n)
        filas += medir(motor, env, args.duracion)
    escala_ = rafaga = None
    if not args.sin_extras and "sqlite" in args.motores:
        escala_ = escala(args.n, args.duracion)
        rafaga = rafaga_de_inscripciones(args.duracion)
    texto = tabla(filas)
    metas = objetivos(filas, escala_, rafaga)
    print()
    print(texto)
    print()
    print(metas)
    fecha = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        "# Rendimiento del sitio público\n\n"
        f"Medido el {fecha} en {platform.node() or 'esta máquina'} "
        f"({os.cpu_count()} núcleos, Python {platform.python_version()}), con:\n\n"
        f"    {comando}\n\n"
        f"{args.n} prácticas (`generar_practicas`) y hasta {N_EVENTOS} eventos más la "
        f"demostración; gunicorn con {WORKERS} procesos y configuración de producción sin "
        f"DEBUG; wrk con 2 hilos y {CONEXIONES} conexiones, {args.duracion} s por medición tras "
        "2 s de calentamiento, desde otro proceso de la misma máquina. *Sin caché* y *con "
        "caché*: el mismo sitio con la caché de páginas anónimas apagada (`CACHE_PAGINAS=0`) "
        "y encendida (memoria local de cada proceso); *sin caché* conserva la caché de "
        "contenido (rutas, fragmentos y cuentas guardados hasta la próxima publicación), como "
        "en producción. *En frío*: sin caché de páginas y sin caché de contenido "
        "(`CACHE_CONTENIDO=0`), es decir, cada solicitud cuesta lo que la primera visita justo "
        "después de publicar algo; no tiene objetivo propio, se muestra para que se vea lo que "
        "ahorra la caché de contenido. *Estático*: los mismos bytes guardados "
        "como archivo y servidos por el mismo gunicorn con WhiteNoise. *Vista constante*: una "
        "vista Django que devuelve una respuesta del mismo tamaño sin tocar la base de datos "
        "(bench/urls.py, solo en la configuración de mediciones): el techo de cualquier "
        "página Django aquí. *1/10* significa la décima parte de las solicitudes por segundo "
        "de ese techo. Las cifras absolutas cambian con la carga de la máquina; las "
        "proporciones, medidas en la misma corrida, son lo comparable.\n\n"
        "## Qué hace rápidas las páginas sin caché\n\n"
        "Todo lo que sigue vive en la caché `contenido` (memoria local de cada proceso por "
        "omisión, Redis en producción) bajo claves que llevan la versión del contenido "
        "(`nucleo.cache.clave_de_contenido`): publicar, despublicar, mover o borrar una "
        "página, o guardar cualquier modelo de contenido (fragmentos reutilizables, ajustes "
        "del sitio, miembros, ejes, imágenes, documentos, restricciones de acceso), cambia "
        "la versión y todo queda viejo a la vez; además cada entrada expira sola en una "
        "hora. Una inscripción no cambia esa versión sino la de los cupos, que llevan en su "
        "clave solo las partes que muestran cupos (la página del evento, las tarjetas del "
        "calendario y los próximos eventos de la portada): una ráfaga de inscripciones no "
        "enfría el resto del sitio. Cada clave lleva también el idioma y el host, y nunca se "
        "usa en vistas previas (`request.is_preview`), que no leen ni dejan nada.\n\n"
        "- **Rutas** (`nucleo.cache.RutasEnCacheMiddleware`, clave `ruta`: host, puerto, idioma "
        "y dirección): qué página publicada responde a cada dirección, con su sitio, sin "
        "volver a recorrer el árbol (dos consultas por nivel), con el idioma de la página. "
        "Las restricciones de acceso se siguen comprobando en cada solicitud, contra las "
        "rutas restringidas guardadas (`home.models.rutas_restringidas`; Wagtail pregunta a "
        "la base por los antepasados de la página y sus restricciones en cada visita): una "
        "página sin restricción no consulta nada; una restringida, o un alias, pasa por la "
        "comprobación de Wagtail.\n"
        "- **Fragmentos de plantilla** (`{% fragmento %}` de `home/templatetags/red_tags.py`, "
        "clave `fragmento:<nombre>`): la marca y el menú de la cabecera, el pie, las migas "
        "(por página y dirección), las tarjetas y los filtros de las bibliotecas (por "
        "biblioteca, idioma, búsqueda, filtros, orden y página), el directorio de miembros y "
        "su formulario vacío, el calendario (sus filtros y sus tarjetas, estas con una franja "
        "de cinco minutos porque lo próximo depende de la hora), los próximos eventos de la "
        "portada (franja de un minuto), el cuerpo de una práctica y las partes de la página "
        "de un evento. La caja de búsqueda de la cabecera no se guarda nunca (muestra lo que "
        "escribió cada visitante); lo que depende de una búsqueda de la biblioteca se guarda "
        "bajo esa búsqueda (cifrada con SHA-256 en la clave) y solo responde a esa misma "
        "búsqueda, como la caché de páginas.\n"
        "- **Sin tokens CSRF**: dentro de un fragmento `{% csrf_token %}` se guarda como un "
        "hueco que se rellena con el token de cada visitante al responder (el formulario de "
        "inscripción de un evento se guarda vacío, con los cupos y el estado de la "
        "inscripción en la clave; con errores o mensajes se dibuja siempre). Un fragmento "
        "con cualquier otro token no se guarda. La página del evento sigue sin pasar por la "
        "caché de páginas.\n"
        "- **Datos** (`nucleo.cache.en_cache`): el mapa, las cifras y las prácticas destacadas "
        "de la portada, las prácticas relacionadas, el contexto de una práctica y de un "
        "evento, los enlaces a las traducciones de cada página (selector de idioma y "
        "`hreflang`), el total y las cuentas de los filtros de cada combinación de filtros "
        "de las bibliotecas y del calendario, y las tablas pequeñas con que se validan los "
        "filtros (ejes, metas ODS, comunas, formatos, miembros; como valores simples, porque "
        "los objetos del ORM tardan en leerse de la caché), y las rutas de las páginas con "
        "restricción de acceso.\n"
        "- Una página pública ya visitada no consulta la base de datos: cada versión se lee "
        "una vez por solicitud (`nucleo.cache.VersionPorSolicitudMiddleware`), y los querysets "
        "de las bibliotecas y del calendario, su paginación y el formulario vacío de "
        "inscripción se arman solo si falta el fragmento que los usa.\n"
        "- Los listados cargan sus relaciones (ejes, etiquetas, comunas, miembros) con un número "
        "fijo de consultas, sin importar cuántos resultados haya.\n"
        "- En SQLite la búsqueda consulta primero el índice FTS5 de Wagtail (la consulta del "
        "backend hacía que SQLite recorriera todas las entradas: 3,5 s con 5.000 prácticas, "
        "14 ms así) y no calcula relevancia, porque la biblioteca ordena por fecha.\n"
        "- Las descargas se generan por bloques de 1.000 filas como valores simples y se "
        "transmiten (streaming): la memoria no crece con el número de filas.\n\n"
        "## Páginas\n\n"
        f"{texto}\n\n"
        "## Objetivos\n\n"
        f"{metas}\n\n"
        f"{pendientes(filas)}",
        encoding="utf-8",
    )
    print(f"\nEscrito en {DOC.relative_to(RAIZ)}")


if __name__ == "__main__":
    main()
