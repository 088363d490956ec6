"""The site under measure: its environment, its database and the Python run inside it."""

import json
import os
import subprocess
import sys
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
# A program the size of a large one (issue 14): the governor's has 80 commitments.
N_COMPROMISOS = 500

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
try:
    from rendicion.models import CompromisoPage, ProgramaPage
    programa = ProgramaPage.objects.live().filter(slug="programa-sintetico").first()
    rutas["programa"] = programa.url if programa else None
    compromiso = CompromisoPage.objects.live().child_of(programa).last() if programa else None
    rutas["compromiso"] = compromiso.url if compromiso else None
except Exception:
    rutas["programa"] = rutas["compromiso"] = None
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

CONTAR_INSCRIPCIONES = """
import json
from eventos.models import Inscripcion
print("INSCRIPCIONES " + json.dumps({
    "guardadas": Inscripcion.objects.filter(email__startswith="bench-").count()}))
"""


def paso(mensaje):
    print(f"→ {mensaje}", flush=True)


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
    if "generar_compromisos" in comandos:
        hay = contar(
            env,
            "from rendicion.models import CompromisoPage; "
            "print(CompromisoPage.objects.filter(slug__startswith='compromiso-sintetico-').count())",
        )
        if hay < N_COMPROMISOS:
            generar(env, "generar_compromisos", N_COMPROMISOS - hay, motor)
