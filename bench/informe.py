"""What a run says: tables, targets, what is left, and docs/rendimiento.md."""

import os
import platform
from datetime import UTC, datetime

from sitio import CONEXIONES, DOC, N_EVENTOS, RAIZ, WORKERS


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


def seccion_escrita_a_mano():
    """The section of docs/rendimiento.md that says what makes the pages fast: written
    by hand next to the code it describes (docs/cache.md), kept as it is on each run."""
    titulo = "## Qué hace rápidas las páginas sin caché"
    if DOC.exists():
        actual = DOC.read_text(encoding="utf-8")
        inicio, fin = actual.find(titulo), actual.find("## Páginas")
        if 0 <= inicio < fin:
            return actual[inicio:fin]
    return f"{titulo}\n\nVer `docs/cache.md`.\n\n"


def escribir(comando, n, duracion, filas, texto, metas):
    """Writes docs/rendimiento.md: how it was measured, what makes the pages fast,
    the figures and the targets."""
    fecha = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(
        "# Rendimiento del sitio público\n\n"
        f"Medido el {fecha} en {platform.node() or 'esta máquina'} "
        f"({os.cpu_count()} núcleos, Python {platform.python_version()}), con:\n\n"
        f"    {comando}\n\n"
        f"{n} prácticas (`generar_practicas`) y hasta {N_EVENTOS} eventos más la "
        f"demostración; gunicorn con {WORKERS} procesos y configuración de producción sin "
        f"DEBUG; wrk con 2 hilos y {CONEXIONES} conexiones, {duracion} s por medición tras "
        "2 s de calentamiento, desde otro proceso de la misma máquina. *Sin caché* y *con "
        "caché*: el mismo sitio con la caché de páginas anónimas apagada (`CACHE_PAGINAS=0`) "
        "y encendida (memoria local de cada proceso, versiones compartidas), pedida con las "
        "cookies que pone el propio sitio (`csrftoken` e idioma); cada fila se repite si la "
        "vista constante se movió más de un 30 % y la consola muestra la carga de la máquina "
        "en cada medición; *sin caché* conserva la caché de "
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
        f"{seccion_escrita_a_mano()}"
        "## Páginas\n\n"
        f"{texto}\n\n"
        "## Objetivos\n\n"
        f"{metas}\n\n"
        f"{pendientes(filas)}",
        encoding="utf-8",
    )
    print(f"\nEscrito en {DOC.relative_to(RAIZ)}")
