"""Import of a municipal registry of organizations (CSV), all or nothing.

Columns (header row, any order; `,` or `;` as separator; UTF-8 or Latin-1):
rut*, nombre*, tipo* (slug or name of a kind), registro, numero_registro,
directiva_vence (AAAA-MM-DD or DD-MM-AAAA), descripcion, contacto_nombre,
contacto_email, contacto_telefono, comunas (other CUT codes, separated by `|`).
(* required). Documented in docs/organizaciones.md.

- Every row is checked first; errors are reported by line and field, and
  nothing is saved when any row is bad.
- Rows with the same RUT (in the file or already in the catastro) are merged:
  the non-empty cells of the file replace the stored ones.
- The organizations come in verified by the importing municipality for its own
  comuna only: an RUT already registered in another comuna is an error.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from nucleo.cache import invalidar_paginas
from red.models import Comuna

from .estados import entidad_de
from .forms import rut_valido
from .models import EstadoOrganizacion, Organizacion, OrigenOrganizacion, TipoOrganizacion
from .permisos import comunas_del_usuario

COLUMNAS = [
    "rut",
    "nombre",
    "tipo",
    "registro",
    "numero_registro",
    "directiva_vence",
    "descripcion",
    "contacto_nombre",
    "contacto_email",
    "contacto_telefono",
    "comunas",
]
OBLIGATORIAS = ["rut", "nombre", "tipo"]
LARGOS = {
    "nombre": 200,
    "registro": 150,
    "numero_registro": 50,
    "descripcion": 2000,
    "contacto_nombre": 120,
    "contacto_email": 254,
    "contacto_telefono": 30,
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SALTO = re.compile(r"[\r\n]")


@dataclass
class Resultado:
    creadas: int = 0
    actualizadas: int = 0
    fusionadas: int = 0
    errores: list = field(default_factory=list)  # (line, field, message)
    guardado: bool = False


class ImportacionNoPermitida(Exception):
    pass


def leer(contenido):
    """The rows of the file as (line number, dict), whatever its encoding and separator."""
    if isinstance(contenido, bytes):
        try:
            texto = contenido.decode("utf-8-sig")
        except UnicodeDecodeError:
            texto = contenido.decode("latin-1")
    else:
        texto = contenido
    primera = texto.split("\n", 1)[0]
    separador = ";" if primera.count(";") > primera.count(",") else ","
    lector = csv.DictReader(io.StringIO(texto), delimiter=separador)
    lector.fieldnames = [(n or "").strip().lower() for n in (lector.fieldnames or [])]
    return lector.fieldnames, [(lector.line_num, fila) for fila in lector]


def _fecha(valor):
    for formato in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(valor, formato).date()
        except ValueError:
            continue
    raise ValidationError("fecha")


def importar(contenido, comuna, usuario, guardar=False, nombre_archivo="archivo"):
    """Checks (and with `guardar` saves) a municipal registry for `comuna`. Returns a Resultado."""
    permitidas = comunas_del_usuario(usuario)
    if permitidas is not None and comuna.pk not in permitidas:
        raise ImportacionNoPermitida(
            f"{usuario} no edita la municipalidad de {comuna.nombre}: "
            "no puede importar su registro."
        )
    resultado = Resultado()
    columnas, filas = leer(contenido)
    faltan = [c for c in OBLIGATORIAS if c not in columnas]
    if faltan:
        resultado.errores.append((1, ", ".join(faltan), "faltan estas columnas en la cabecera"))
        return resultado
    tipos = {}
    for tipo in TipoOrganizacion.objects.all():
        tipos[tipo.slug] = tipos[tipo.nombre.casefold()] = tipo
    cuts = dict(Comuna.objects.values_list("cut", "pk"))

    por_rut = {}  # normalized RUT → cleaned dict (merged)
    for linea, fila in filas:
        limpia, errores = _limpiar(linea, fila, tipos, cuts)
        resultado.errores.extend(errores)
        if errores:
            continue
        if limpia["rut"] in por_rut:
            resultado.fusionadas += 1
            previa = por_rut[limpia["rut"]]
            previa.update({k: v for k, v in limpia.items() if v not in ("", None, [])})
            previa["comunas"] = sorted({*previa["comunas"], *limpia["comunas"]})
        else:
            por_rut[limpia["rut"]] = limpia

    existentes = {
        o.rut: o
        for o in Organizacion.objects.filter(rut__in=list(por_rut)).select_related("comuna")
    }
    for rut, datos in por_rut.items():
        otra = existentes.get(rut)
        if otra is not None and otra.comuna_id != comuna.pk:
            resultado.errores.append(
                (
                    datos["linea"],
                    "rut",
                    f"ya está en el catastro con domicilio en {otra.comuna.nombre}; "
                    "solo esa municipalidad o la Coordinación pueden cambiarla",
                )
            )
    resultado.errores.sort()
    resultado.creadas = sum(1 for r in por_rut if r not in existentes)
    resultado.actualizadas = len(por_rut) - resultado.creadas
    if resultado.errores or not guardar:
        return resultado

    with transaction.atomic():
        ahora = timezone.now()
        for rut, datos in por_rut.items():
            org = existentes.get(rut) or Organizacion(
                rut=rut, comuna=comuna, origen=OrigenOrganizacion.IMPORTACION
            )
            for campo in COLUMNAS:
                if campo in ("rut", "comunas"):
                    continue
                valor = datos.get(campo)
                if valor not in ("", None):
                    setattr(org, campo, valor)
            org.estado = EstadoOrganizacion.VERIFICADA
            org.verificada, org.verificada_por = ahora, usuario
            org.verificada_por_entidad = entidad_de(usuario, org)
            org.evidencia_nota = (
                f"Importada del registro municipal de {comuna.nombre} ({nombre_archivo})."
            )
            org.motivo_rechazo = org.motivo_vencimiento = ""
            org.save()
            org.comunas.add(comuna.pk, *datos["comunas"])
            log(instance=org, action="organizaciones.importada", user=usuario)
    transaction.on_commit(invalidar_paginas)
    resultado.guardado = True
    return resultado


def _limpiar(linea, fila, tipos, cuts):
    errores, limpia = [], {"linea": linea}
    for campo in COLUMNAS:
        valor = (fila.get(campo) or "").strip()
        if _CONTROL.search(valor) or (campo != "descripcion" and _SALTO.search(valor)):
            errores.append((linea, campo, "tiene saltos de línea o caracteres no permitidos"))
            continue
        if campo in OBLIGATORIAS and not valor:
            errores.append((linea, campo, "está vacío y es obligatorio"))
            continue
        if campo in LARGOS and len(valor) > LARGOS[campo]:
            errores.append((linea, campo, f"tiene más de {LARGOS[campo]} caracteres"))
            continue
        try:
            limpia[campo] = _valor(campo, valor, tipos, cuts)
        except ValidationError as error:
            errores.append((linea, campo, _mensaje(campo, valor, error)))
    return limpia, errores


def _valor(campo, valor, tipos, cuts):
    if campo == "rut":
        return rut_valido(valor)
    if campo == "tipo":
        tipo = tipos.get(valor) or tipos.get(valor.casefold())
        if tipo is None:
            raise ValidationError("tipo")
        return tipo
    if campo == "directiva_vence":
        return _fecha(valor) if valor else None
    if campo == "contacto_email" and valor:
        validate_email(valor)
    if campo == "comunas":
        codigos = [c.strip() for c in valor.split("|") if c.strip()]
        if any(c not in cuts for c in codigos):
            raise ValidationError("comunas")
        return [cuts[c] for c in codigos]
    return valor


def _mensaje(campo, valor, error):
    if campo == "rut":
        return f"«{valor}» no es un RUT válido ({error.messages[0]})"
    if campo == "tipo":
        return f"«{valor}» no es un tipo de organización del catastro"
    if campo == "directiva_vence":
        return f"«{valor}» no es una fecha (use AAAA-MM-DD)"
    if campo == "comunas":
        return f"«{valor}» tiene un código CUT que no es de la Región Metropolitana"
    return f"«{valor}» no es válido"


__all__ = ["COLUMNAS", "Resultado", "importar", "ImportacionNoPermitida"]
