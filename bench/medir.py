"""The measurements: wrk runs against every public page, the library at two sizes
and a burst of registrations."""

import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from servidor import Servidores, descargar, gunicorn, puerto_libre, se_guarda
from sitio import (
    BUSCAR_RUTAS,
    CONEXIONES,
    CONTAR_CONSULTAS,
    CONTAR_INSCRIPCIONES,
    LUA,
    LUA_INSCRIPCIONES,
    N_PEQUENA,
    PREPARAR_INSCRIPCION,
    en_el_sitio,
    entorno,
    paso,
    preparar,
)

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
    ("Programa de 500 compromisos", "{programa}"),
    ("Programa, estado y texto", "{programa}?estado=cumplido&q=movilidad"),
    ("Página de un compromiso", "{compromiso}"),
]


# A realistic visitor (issue 21): the cookies the site itself sets, csrftoken from
# any page with a form and the language cookie. The cached figures are measured so.
COOKIES_REALISTAS = "Cookie: csrftoken=" + "k" * 32 + "; django_language=es"
# The trivial view measured before and after a page: when its throughput moved
# more than this, the machine was busy with something else and the row is repeated.
MAXIMA_VARIACION = 0.30


def wrk(url, duracion, script=LUA, conexiones=CONEXIONES, entorno_extra=None, cabecera=None):
    """Runs wrk (2 s of warm-up, then `duracion` seconds) and returns its figures,
    with the load average of the machine at the end of the measurement."""
    # A slow answer is a latency, not an error: errors are failed or non-2xx/3xx answers.
    base = ["wrk", "-t2", f"-c{conexiones}", "--timeout", "30s", "-s", str(script)]
    if cabecera:
        base += ["-H", cabecera]
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
        "carga": os.getloadavg()[0],
    }


def medir(motor, env, duracion, solo=None):
    rutas = en_el_sitio(env, BUSCAR_RUTAS, "RUTAS")
    servidores = Servidores(env)
    filas = []
    try:
        paginas = []
        for nombre, ruta in PAGINAS:
            if solo and solo.lower() not in nombre.lower():
                continue
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
            constante = servidores.url("sin", f"/_bench/constante/{tamano}/")
            for _intento in range(3):
                antes = wrk(constante, duracion)
                fila["sin_cache"] = wrk(servidores.url("sin", ruta), duracion)
                fila["en_frio"] = wrk(servidores.url("frio", ruta), duracion)
                fila["con_cache"] = wrk(
                    servidores.url("con", ruta), duracion, cabecera=COOKIES_REALISTAS
                )
                fila["estatico"] = wrk(servidores.url("archivos", f"/{archivo}"), duracion)
                fila["constante"] = wrk(constante, duracion)
                variacion = abs(fila["constante"]["rps"] - antes["rps"]) / max(antes["rps"], 1)
                fila["variacion_constante"] = variacion
                cargas = [fila[k]["carga"] for k in ("sin_cache", "en_frio", "con_cache")]
                print(
                    f"    sin caché {fila['sin_cache']['rps']:.1f} req/s · en frío "
                    f"{fila['en_frio']['rps']:.1f} · con caché (cookies) "
                    f"{fila['con_cache']['rps']:.1f} · estático {fila['estatico']['rps']:.1f} · "
                    f"vista constante {fila['constante']['rps']:.1f} "
                    f"(se movió {variacion:.0%}) · carga {' / '.join(f'{c:.2f}' for c in cargas)}",
                    flush=True,
                )
                if variacion <= MAXIMA_VARIACION:
                    break
                paso(f"[{motor}] {nombre}: la vista constante se movió más de 30 %, se repite")
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
        with urllib.request.urlopen(url, timeout=60) as respuesta:
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
