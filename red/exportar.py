"""Open-data downloads: one row per public page, streamed as CSV or JSON.

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

from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

TAMANO_BLOQUE = 1000
# Spreadsheets run a cell that starts with one of these as a formula.
INICIO_FORMULA = ("=", "+", "-", "@", "\t", "\r")
SEPARADOR_LISTA = "; "


@dataclass
class Columna:
    nombre: str
    descripcion: str
    valor: Callable
    lista: bool = False


def celda_segura(texto):
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
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

    def __init__(self, request, locale=None):
        self.request = request
        self.locale = locale
        self.enlaces = Enlaces(request)
        self.miembros = {}

    @abstractmethod
    def paginas(self):
        """The live, public pages of this collection, filtered and sorted."""

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
        from .models import MiembroPage

        rutas = {f["path"][: -Page.steplen] for f in filas} - set(self.miembros)
        if rutas:
            for miembro in MiembroPage.objects.filter(path__in=rutas).values(
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

    def respuesta(self, formato):
        if formato == "csv":
            respuesta = StreamingHttpResponse(self._csv(), content_type="text/csv; charset=utf-8")
        else:
            respuesta = StreamingHttpResponse(
                self._json(), content_type="application/json; charset=utf-8"
            )
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


def _url(exp, f):
    return exp.enlaces.url(f)


def _miembro_nombre(exp, f):
    m = exp.miembro(f)
    return m["title"] if m else ""


def _miembro_url(exp, f):
    m = exp.miembro(f)
    return exp.enlaces.url(m) if m else ""


def _lista(relacion):
    return lambda exp, f: f[relacion]


def _campo(campo):
    return lambda exp, f: f[campo]


def _fecha(campo):
    return lambda exp, f: iso(f[campo])


def _through(modelo, campo):
    """The relation `campo` of a page model, read from its through table."""
    through = getattr(modelo, campo).through
    columna = f"{modelo._meta.model_name}_id"
    destino = getattr(modelo, campo).field.related_model
    valor = {"Comuna": "cut", "Eje": "slug", "MetaODS": "codigo", "Formato": "codigo"}
    return Relacion(through, columna, f"{destino._meta.model_name}__{valor[destino.__name__]}")


def _tags(through):
    return Relacion(through, "content_object_id", "tag__name")


COMUNES = [
    Columna("url", _("Dirección pública de la página."), _url),
    Columna("id", _("Identificador estable de la página en el sitio."), _campo("pk")),
    Columna("titulo", _("Título."), _campo("title")),
]
PUBLICACION = [
    Columna("miembro", _("Miembro de la Red que la publica."), _miembro_nombre),
    Columna("miembro_url", _("Página del miembro."), _miembro_url),
    Columna("idioma", _("Idioma de la página (es, en)."), _campo("locale__language_code")),
    Columna("publicada", _("Primera publicación (ISO 8601)."), _fecha("first_published_at")),
    Columna("actualizada", _("Última publicación (ISO 8601)."), _fecha("last_published_at")),
]
CAMPOS_PUBLICACION = (*Exportacion.campos, "first_published_at", "last_published_at")


class ExportacionPracticas(Exportacion):
    nombre = "practicas"
    titulo = _("Prácticas de gobierno abierto")
    descripcion = _(
        "Las prácticas replicables que publican los miembros de la Red, con sus ejes, "
        "etiquetas, comunas y replicaciones."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "resumen",
        "estado",
        "fecha_inicio",
        "fecha_termino",
        "licencia",
    )
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna("estado", _("piloto, en_marcha o finalizada."), _campo("estado")),
        Columna("fecha_inicio", _("Fecha de inicio (ISO 8601)."), _fecha("fecha_inicio")),
        Columna("fecha_termino", _("Fecha de término (ISO 8601)."), _fecha("fecha_termino")),
        Columna(
            "tipo_miembro",
            _("gobierno_regional, municipalidad, organizacion o academia."),
            lambda exp, f: exp.miembro(f)["tipo"] if exp.miembro(f) else "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde se aplica."),
            _lista("comunas"),
            lista=True,
        ),
        Columna(
            "comunas_nombres",
            _("Nombres de esas comunas."),
            _lista("comunas_nombres"),
            lista=True,
        ),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), _lista("ejes"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), _lista("etiquetas"), lista=True),
        Columna("metas_ods", _("Metas ODS."), _lista("metas_ods"), lista=True),
        Columna(
            "replicaciones",
            _("Número de miembros que la replicaron o la están replicando."),
            lambda exp, f: len(f["replicaciones"]),
        ),
        Columna("licencia", _("Licencia (identificador SPDX)."), _campo("licencia")),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        from practicas.models import PracticaPage, PracticaTag, Replicacion

        return {
            "comunas": _through(PracticaPage, "comunas"),
            "comunas_nombres": Relacion(
                PracticaPage.comunas.through, "practicapage_id", "comuna__nombre"
            ),
            "ejes": _through(PracticaPage, "ejes"),
            "etiquetas": _tags(PracticaTag),
            "metas_ods": _through(PracticaPage, "metas_ods"),
            "replicaciones": Relacion(Replicacion, "practica_id", "pk"),
        }

    def paginas(self):
        from practicas.biblioteca import Biblioteca

        return Biblioteca(self.request, locale=self.locale).filtrar()


class ExportacionHerramientas(Exportacion):
    nombre = "herramientas"
    titulo = _("Herramientas compartidas")
    descripcion = _(
        "Guías, plantillas, metodologías, software, conjuntos de datos y material de "
        "formación que comparten los miembros de la Red."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "tipo",
        "resumen",
        "licencia",
        "url_descarga",
        "frecuencia",
        "cobertura_inicio",
        "cobertura_fin",
    )
    columnas = [
        *COMUNES,
        Columna(
            "tipo",
            _("guia, plantilla, metodologia, software, datos o formacion."),
            _campo("tipo"),
        ),
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna("licencia", _("Licencia (identificador SPDX)."), _campo("licencia")),
        Columna("formatos", _("Formatos de archivo."), _lista("formatos"), lista=True),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), _lista("ejes"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), _lista("etiquetas"), lista=True),
        Columna(
            "practicas",
            _("Identificadores de las prácticas relacionadas (columna «id» de prácticas)."),
            _lista("practicas"),
            lista=True,
        ),
        Columna(
            "url_descarga", _("Descarga directa (conjuntos de datos)."), _campo("url_descarga")
        ),
        Columna(
            "frecuencia",
            _("Frecuencia de actualización (vocabulario de la Unión Europea)."),
            _campo("frecuencia"),
        ),
        Columna(
            "cobertura_inicio",
            _("Inicio del periodo cubierto (ISO 8601)."),
            _fecha("cobertura_inicio"),
        ),
        Columna(
            "cobertura_fin", _("Fin del periodo cubierto (ISO 8601)."), _fecha("cobertura_fin")
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas cubiertas."),
            _lista("comunas"),
            lista=True,
        ),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        from practicas.biblioteca import practicas_publicas
        from practicas.models import HerramientaPage, HerramientaTag

        practicas = HerramientaPage.practicas.through
        return {
            "formatos": _through(HerramientaPage, "formatos"),
            "ejes": _through(HerramientaPage, "ejes"),
            "etiquetas": _tags(HerramientaTag),
            "comunas": _through(HerramientaPage, "comunas"),
            # Only public practices: a draft's id says nothing, but it is not a link.
            "practicas": Relacion(
                _Filtrado(practicas, practicapage__in=practicas_publicas()),
                "herramientapage_id",
                "practicapage_id",
            ),
        }

    def paginas(self):
        from practicas.biblioteca import BibliotecaHerramientas

        return BibliotecaHerramientas(self.request, locale=self.locale).filtrar()


class _Filtrado:
    """A model whose `objects` is already filtered (for a `Relacion`)."""

    def __init__(self, modelo, **filtro):
        self.objects = modelo.objects.filter(**filtro)


class ExportacionEventos(Exportacion):
    """Events with their dates and places left; never registrations or the online link."""

    nombre = "eventos"
    titulo = _("Eventos de la Red")
    descripcion = _(
        "Las actividades de formación e intercambio de la Red, con sus fechas, su lugar y "
        "los cupos que quedan."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "resumen",
        "tipo",
        "modalidad",
        "inicio",
        "fin",
        "lugar",
        "comuna__cut",
        "cupos",
        "lista_espera",
        "inscripcion_abre",
        "inscripcion_cierra",
    )
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna(
            "tipo",
            _("capacitacion, encuentro, taller, seminario o webinar."),
            _campo("tipo"),
        ),
        Columna("modalidad", _("presencial, en_linea o hibrida."), _campo("modalidad")),
        Columna("inicio", _("Inicio, con zona horaria (ISO 8601)."), _fecha("inicio")),
        Columna("fin", _("Término, con zona horaria (ISO 8601)."), _fecha("fin")),
        Columna("lugar", _("Lugar (vacío si es en línea)."), _campo("lugar")),
        Columna("comuna", _("Código CUT de la comuna del lugar."), _campo("comuna__cut")),
        Columna("cupos", _("Cupos del evento."), _campo("cupos")),
        Columna(
            "cupos_disponibles",
            _("Cupos que quedan al momento de la descarga."),
            lambda exp, f: max((f["cupos"] or 0) - len(f["confirmadas"]), 0),
        ),
        Columna(
            "lista_espera",
            _("true si, sin cupos, las personas pasan a lista de espera."),
            _campo("lista_espera"),
        ),
        Columna(
            "inscripcion_abre",
            _("Apertura de inscripciones (ISO 8601; vacío: desde la publicación)."),
            _fecha("inscripcion_abre"),
        ),
        Columna(
            "inscripcion_cierra",
            _("Cierre de inscripciones (ISO 8601; vacío: al comenzar)."),
            _fecha("inscripcion_cierra"),
        ),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), _lista("ejes"), lista=True),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        from eventos.models import EstadoInscripcion, EventoPage, Inscripcion

        return {
            "ejes": _through(EventoPage, "ejes"),
            # Only how many: no registrant's data is read.
            "confirmadas": Relacion(
                _Filtrado(Inscripcion, estado=EstadoInscripcion.CONFIRMADA), "evento_id", "pk"
            ),
        }

    def paginas(self):
        from eventos.models import EventoPage

        qs = EventoPage.objects.live().public().order_by("inicio", "pk")
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs


class ExportacionMiembros(Exportacion):
    """Members' public profile only: institutional contacts, never editors or applications."""

    nombre = "miembros"
    titulo = _("Miembros de la Red")
    descripcion = _(
        "El gobierno regional, las municipalidades, las organizaciones y las instituciones "
        "que forman la Red, con sus comunas."
    )
    campos = (
        *Exportacion.campos,
        "tipo",
        "comuna__cut",
        "resumen",
        "sitio_web",
        "contacto_nombre",
        "contacto_email",
        "contacto_telefono",
        "fecha_ingreso",
        "es_piloto",
    )
    columnas = [
        *COMUNES[:2],
        Columna("nombre", _("Nombre del miembro."), _campo("title")),
        Columna(
            "tipo",
            _("gobierno_regional, municipalidad, organizacion o academia."),
            _campo("tipo"),
        ),
        Columna(
            "comuna",
            _("Código CUT de la comuna (municipalidades)."),
            lambda exp, f: f["comuna__cut"] or "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde trabaja (organizaciones)."),
            _lista("comunas"),
            lista=True,
        ),
        Columna("resumen", _("Quiénes son y qué hacen."), _campo("resumen")),
        Columna("sitio_web", _("Sitio web."), _campo("sitio_web")),
        Columna("contacto_nombre", _("Contacto institucional."), _campo("contacto_nombre")),
        Columna("contacto_email", _("Correo institucional."), _campo("contacto_email")),
        Columna("contacto_telefono", _("Teléfono institucional."), _campo("contacto_telefono")),
        Columna("fecha_ingreso", _("Ingreso a la Red (ISO 8601)."), _fecha("fecha_ingreso")),
        Columna("es_piloto", _("Comuna piloto de la Red (true/false)."), _campo("es_piloto")),
        Columna("idioma", _("Idioma de la página (es, en)."), _campo("locale__language_code")),
    ]

    @property
    def relaciones(self):
        from .models import MiembroPage

        return {"comunas": _through(MiembroPage, "comunas")}

    def paginas(self):
        from .models import MiembroPage

        qs = MiembroPage.objects.live().public().order_by("title", "pk")
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs


EXPORTACIONES = {
    e.nombre: e
    for e in (
        ExportacionPracticas,
        ExportacionEventos,
        ExportacionHerramientas,
        ExportacionMiembros,
    )
}
