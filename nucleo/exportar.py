"""Open-data downloads: one row per public page, streamed as CSV or JSON.

The engine only: each app registers its own collections with `@registrar`
(practicas/datos.py, eventos/datos.py, red/datos.py) and `/datos/` lists
whatever is registered, in `orden`.

Each collection is a list of `Columna` (a stable name, what it means, and how
to read it from a row): the `/datos/` page documents the columns from the same
list, so the documentation cannot drift from the files. Rows are read in chunks
as plain values, with one query per chunk and one per related table (axes,
tags, comunas…), and URLs are built from the site's root paths instead of
asking each page for its URL (see docs/datos-abiertos.md for the timings).
"""

import csv
import json
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Max
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

TAMANO_BLOQUE = 1000
# Spreadsheets run a cell that starts with one of these as a formula.
INICIO_FORMULA = ("=", "+", "-", "@", "\t", "\r")
SEPARADOR_LISTA = "; "
TIPOS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "jsonld": "application/ld+json; charset=utf-8",
}


@dataclass
class Columna:
    nombre: str
    descripcion: str
    valor: Callable
    lista: bool = False


def celda_segura(texto):
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    The one implementation for the open-data files and the registrations export
    (eventos.wagtail_hooks); why not defusedcsv: docs/decisiones.md.
    """
    if isinstance(texto, str) and texto.startswith(INICIO_FORMULA):
        return "'" + texto
    return texto


def iso(valor):
    return valor.isoformat() if valor else ""


class Enlaces:
    """Public URLs of many pages from their `url_path`, as Wagtail builds them
    (`Page.get_url_parts`): the site's root URL, the language prefix of the
    root's locale, and the path below the root; computed once per site root."""

    def __init__(self, request):
        self.request = request
        self.raices = []
        for raiz in sorted(
            Site.get_site_root_paths(), key=lambda r: len(r.root_path), reverse=True
        ):
            with translation.override(raiz.language_code):
                prefijo = reverse("wagtail_serve", args=("",))
            self.raices.append((raiz.root_path, raiz.root_url.rstrip("/") + prefijo))

    def url(self, pagina):
        url_path = pagina["url_path"] if isinstance(pagina, dict) else pagina.url_path
        for root_path, base in self.raices:
            if url_path.startswith(root_path):
                return base + url_path[len(root_path) :]
        return ""


@dataclass
class Relacion:
    """A many-to-many relation read for a whole chunk: (page id, value) pairs."""

    modelo: object
    columna_pagina: str
    columna_valor: str


class Exportacion(ABC):
    """One collection to download: its rows, columns and file name.

    Rows are dicts from `values()` (no model instances: building 5,000 pages and
    their related objects costs seconds); each `Relacion` adds a list per row.
    """

    nombre = ""
    titulo = ""
    descripcion = ""
    campos = ("pk", "title", "url_path", "path", "locale__language_code")
    relaciones: dict = {}
    columnas: list = []
    # Where it sits on /datos/ and in the catalogue.
    orden = 100
    # The page model of the collection (its last publication dates the dataset)
    # and the model of the pages its pages sit under (their owner), if any.
    modelo = None
    modelo_miembro = None

    def __init__(self, request, locale=None):
        self.request = request
        self.locale = locale
        self.enlaces = Enlaces(request)
        self.miembros = {}

    @abstractmethod
    def paginas(self):
        """The live, public pages of this collection, filtered and sorted."""

    @classmethod
    def ultima_modificacion(cls):
        """When the collection last changed: its newest publication."""
        if cls.modelo is None:
            return None
        return cls.modelo.objects.live().public().aggregate(m=Max("last_published_at"))["m"]

    def preparar_bloque(self, filas):
        """Per-chunk lookups: one query per relation and one for the members."""
        ids = [f["pk"] for f in filas]
        for nombre, rel in self.relaciones.items():
            valores = {}
            for pagina_id, valor in (
                rel.modelo.objects.filter(**{f"{rel.columna_pagina}__in": ids})
                .order_by(rel.columna_valor)
                .values_list(rel.columna_pagina, rel.columna_valor)
            ):
                valores.setdefault(pagina_id, []).append(str(valor))
            for fila in filas:
                fila[nombre] = valores.get(fila["pk"], [])
        rutas = {f["path"][: -Page.steplen] for f in filas} - set(self.miembros)
        if rutas and self.modelo_miembro is not None:
            for miembro in self.modelo_miembro.objects.filter(path__in=rutas).values(
                "path", "title", "url_path", "tipo"
            ):
                self.miembros[miembro["path"]] = miembro

    def miembro(self, fila):
        return self.miembros.get(fila["path"][: -Page.steplen])

    def bloques(self):
        bloque = []
        for fila in self.paginas().values(*self.campos).iterator(chunk_size=TAMANO_BLOQUE):
            bloque.append(fila)
            if len(bloque) == TAMANO_BLOQUE:
                self.preparar_bloque(bloque)
                yield bloque
                bloque = []
        if bloque:
            self.preparar_bloque(bloque)
            yield bloque

    def filas(self):
        for bloque in self.bloques():
            yield [{c.nombre: c.valor(self, f) for c in self.columnas} for f in bloque]

    # Formats -----------------------------------------------------------------

    def _csv(self):
        class Linea:
            def __init__(self):
                self.partes = []

            def write(self, texto):
                self.partes.append(texto)

        linea = Linea()
        escritor = csv.writer(linea, lineterminator="\r\n")
        # BOM: Excel, which most of the public uses, reads UTF-8 only with it.
        yield "\ufeff"
        escritor.writerow([c.nombre for c in self.columnas])
        for filas in self.filas():
            for fila in filas:
                escritor.writerow([celda_csv(fila[c.nombre], c.lista) for c in self.columnas])
            yield "".join(linea.partes)
            linea.partes = []

    def _json(self):
        cabecera = {
            "titulo": str(self.titulo),
            "licencia": "https://creativecommons.org/licenses/by/4.0/",
            "generado": timezone.now().isoformat(timespec="seconds"),
            "columnas": {c.nombre: str(c.descripcion) for c in self.columnas},
        }
        inicio = json.dumps(cabecera, ensure_ascii=False)[:-1]
        yield inicio + ', "items": ['
        primero = True
        for filas in self.filas():
            partes = [json.dumps(fila, ensure_ascii=False) for fila in filas]
            if partes:
                yield ("" if primero else ",") + ",\n".join(partes)
                primero = False
        yield "]}\n"

    def partes(self, formato):
        """The file in `formato` ("csv" or "json"), as pieces of text."""
        return self._csv() if formato == "csv" else self._json()

    def respuesta(self, formato):
        respuesta = StreamingHttpResponse(self.partes(formato), content_type=TIPOS[formato])
        respuesta["Content-Disposition"] = f'attachment; filename="{self.nombre}.{formato}"'
        respuesta["Access-Control-Allow-Origin"] = "*"
        return respuesta


def celda_csv(valor, lista=False):
    if lista:
        valor = SEPARADOR_LISTA.join(valor)
    elif isinstance(valor, bool):
        return "true" if valor else "false"
    elif valor is None:
        return ""
    return celda_segura(valor)


# Helpers for columns ---------------------------------------------------------


def url_publica(exp, f):
    return exp.enlaces.url(f)


def _miembro_nombre(exp, f):
    m = exp.miembro(f)
    return m["title"] if m else ""


def _miembro_url(exp, f):
    m = exp.miembro(f)
    return exp.enlaces.url(m) if m else ""


def lista(relacion):
    return lambda exp, f: f[relacion]


def campo(nombre):
    return lambda exp, f: f[nombre]


def fecha(nombre):
    return lambda exp, f: iso(f[nombre])


def relacion_m2m(modelo, campo):
    """The relation `campo` of a page model, read from its through table."""
    through = getattr(modelo, campo).through
    columna = f"{modelo._meta.model_name}_id"
    destino = getattr(modelo, campo).field.related_model
    # The related model names its stable public key (a comuna's CUT, an axis's slug).
    valor = getattr(destino, "campo_en_datos", "pk")
    return Relacion(through, columna, f"{destino._meta.model_name}__{valor}")


def relacion_tags(through):
    return Relacion(through, "content_object_id", "tag__name")


COMUNES = [
    Columna("url", _("Dirección pública de la página."), url_publica),
    Columna("id", _("Identificador estable de la página en el sitio."), campo("pk")),
    Columna("titulo", _("Título."), campo("title")),
]
PUBLICACION = [
    Columna("miembro", _("Miembro de la Red que la publica."), _miembro_nombre),
    Columna("miembro_url", _("Página del miembro."), _miembro_url),
    Columna("idioma", _("Idioma de la página (es, en)."), campo("locale__language_code")),
    Columna("publicada", _("Primera publicación (ISO 8601)."), fecha("first_published_at")),
    Columna("actualizada", _("Última publicación (ISO 8601)."), fecha("last_published_at")),
]
CAMPOS_PUBLICACION = (*Exportacion.campos, "first_published_at", "last_published_at")


class Filtrado:
    """A model whose `objects` is already filtered (for a `Relacion`)."""

    def __init__(self, modelo, **filtro):
        self.objects = modelo.objects.filter(**filtro)


# Registry --------------------------------------------------------------------

EXPORTACIONES = {}


def registrar(clase):
    """Class decorator: `clase` is downloadable at /datos/<nombre>.csv|json."""
    EXPORTACIONES[clase.nombre] = clase
    ordenadas = sorted(EXPORTACIONES.values(), key=lambda e: e.orden)
    EXPORTACIONES.clear()
    EXPORTACIONES.update((e.nombre, e) for e in ordenadas)
    return clase
