"""CSV import and export of a program's commitments, with the same columns both ways.

Exporting, editing in a spreadsheet and importing updates the program without
duplicates: a row is identified by (eje, numero). The import can be tried
without saving, reports each bad row by line and field, and saves nothing when
any row is bad (one transaction). Status and progress are exported but only
change through a status change with evidence, so an import that alters them is
refused.
"""

import csv
import io

from django.db import transaction
from django.utils.translation import gettext as _

from nucleo.exportar import celda_segura
from red.models import Comuna

from .models import CompromisoPage

COLUMNAS = [
    "eje",
    "numero",
    "titulo",
    "promesa",
    "subeje",
    "unidad",
    "toda_la_region",
    "comunas",
    "presupuesto_aprobado",
    "presupuesto_ejecutado",
    "estado",
    "avance",
]


def exportar(programa):
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow(COLUMNAS)
    for c in (
        CompromisoPage.objects.child_of(programa)
        .order_by("eje", "numero")
        .prefetch_related("comunas")
    ):
        escritor.writerow(
            [
                celda_segura(v)
                for v in (
                    c.eje,
                    c.numero,
                    c.title,
                    c.promesa,
                    c.subeje,
                    c.unidad,
                    "true" if c.toda_la_region else "false",
                    "; ".join(sorted(x.cut for x in c.comunas.all())),
                    "" if c.presupuesto_aprobado is None else c.presupuesto_aprobado,
                    "" if c.presupuesto_ejecutado is None else c.presupuesto_ejecutado,
                    c.estado,
                    c.avance,
                )
            ]
        )
    return "\ufeff" + salida.getvalue()


def _sin_apostrofo(texto):
    return texto[1:] if texto.startswith("'") else texto


def _entero(valor, linea, campo, errores, obligatorio=False):
    valor = valor.strip()
    if not valor:
        if obligatorio:
            errores.append((linea, campo, _("Falta el valor.")))
        return None
    if not valor.isdigit():
        errores.append((linea, campo, _("Debe ser un número entero sin puntos ni signos.")))
        return None
    return int(valor)


def importar(programa, archivo, guardar):
    """Returns (errors, created, updated). `errors` are (line, field, message)."""
    texto = archivo.read().decode("utf-8-sig", errors="replace")
    lector = csv.DictReader(io.StringIO(texto))
    if lector.fieldnames != COLUMNAS:
        return [(1, "", _("Las columnas deben ser, en orden: %s.") % ", ".join(COLUMNAS))], 0, 0
    existentes = {(c.eje, c.numero): c for c in CompromisoPage.objects.child_of(programa)}
    comunas = {c.cut: c for c in Comuna.objects.all()}
    errores, filas, vistos = [], [], set()
    for linea, fila in enumerate(lector, start=2):
        fila = {k: _sin_apostrofo((v or "").strip()) for k, v in fila.items() if k}
        antes = len(errores)
        numero = _entero(fila["numero"], linea, "numero", errores, obligatorio=True)
        for campo in ("eje", "titulo", "promesa"):
            if not fila[campo]:
                errores.append((linea, campo, _("Falta el valor.")))
        if fila["toda_la_region"] not in ("true", "false", ""):
            errores.append((linea, "toda_la_region", _("Debe ser true o false.")))
        cuts = [c.strip() for c in fila["comunas"].split(";") if c.strip()]
        for cut in cuts:
            if cut not in comunas:
                errores.append((linea, "comunas", _("No existe la comuna %s.") % cut))
        aprobado = _entero(fila["presupuesto_aprobado"], linea, "presupuesto_aprobado", errores)
        ejecutado = _entero(fila["presupuesto_ejecutado"], linea, "presupuesto_ejecutado", errores)
        clave = (fila["eje"], numero)
        if clave in vistos:
            errores.append((linea, "numero", _("Compromiso repetido en el archivo.")))
        vistos.add(clave)
        actual = existentes.get(clave)
        estado_actual = (actual.estado, str(actual.avance)) if actual else ("sin_informacion", "0")
        if (
            fila["estado"] or estado_actual[0],
            fila["avance"] or estado_actual[1],
        ) != estado_actual:
            errores.append(
                (
                    linea,
                    "estado",
                    _(
                        "El estado y el avance cambian con un cambio de estado con "
                        "evidencia, no por importación."
                    ),
                )
            )
        if len(errores) == antes:
            filas.append((actual, fila, numero, aprobado, ejecutado, [comunas[c] for c in cuts]))
    if errores or not guardar:
        return errores, sum(1 for f in filas if f[0] is None), sum(1 for f in filas if f[0])
    creados = actualizados = 0
    with transaction.atomic():
        for actual, fila, numero, aprobado, ejecutado, ids in filas:
            pagina = actual or CompromisoPage(live=False)
            pagina.eje, pagina.numero, pagina.title = fila["eje"], numero, fila["titulo"]
            pagina.promesa, pagina.subeje, pagina.unidad = (
                fila["promesa"],
                fila["subeje"],
                fila["unidad"],
            )
            pagina.toda_la_region = fila["toda_la_region"] == "true"
            pagina.presupuesto_aprobado, pagina.presupuesto_ejecutado = aprobado, ejecutado
            pagina.comunas = ids
            if actual is None:
                from django.utils.text import slugify

                pagina.slug = slugify(f"{fila['eje']}-{numero}")[:80]
                programa.add_child(instance=pagina)
                creados += 1
            else:
                actualizados += 1
            # A new draft revision: publishing goes through the usual review.
            pagina.save_revision()
    return [], creados, actualizados
