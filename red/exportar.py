"""Open-data downloads: one row per public page, streamed as CSV or JSON.

Each collection is a list of `Columna` (a stable name, what it means, and how
to read it from a page): the `/datos/` page documents the columns from the same
list, so the documentation cannot drift from the files. Rows are read in chunks
with one query per chunk and one per related table (axes, tags, comunas…), and
URLs are built from the site's root paths instead of asking each page for its
URL, so that 5,000 practices export in well under a second or two.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

TAMANO_BLOQUE = 500
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
    """Public URLs of many pages from their `url_path`, asking Wagtail once per site root."""

    def __init__(self, request):
        self.request = request
        self.raices = sorted(
            Site.get_site_root_paths(), key=lambda r: len(r.root_path), reverse=True
        )
        self.prefijos = {}

    def url(self, pagina):
        for raiz in self.raices:
            if pagina.url_path.startswith(raiz.root_path):
                break
        else:
            return pagina.get_full_url(self.request) or ""
        clave = (raiz.root_path, pagina.locale_id)
        if clave not in self.prefijos:
            completa = pagina.get_full_url(self.request) or ""
            relativa = pagina.url_path[len(raiz.root_path) :]
            self.prefijos[clave] = completa[: len(completa) - len(relativa)]
        return self.prefijos[clave] + pagina.url_path[len(raiz.root_path) :]


class Exportacion:
    """One collection to download: its rows, columns and file name."""

    nombre = ""
    titulo = ""
    descripcion = ""
    prefetch = ()
    columnas: list = []

    def __init__(self, request, locale=None):
        self.request = request
        self.locale = locale
        self.enlaces = Enlaces(request)

    def paginas(self):
        raise NotImplementedError

    def preparar_bloque(self, paginas):
        """Per-chunk lookups (members, counts) that one query each can answer."""
        from .models import MiembroPage

        rutas = {p.path[: -Page.steplen] for p in paginas}
        self.miembros = {
            m.path: m
            for m in MiembroPage.objects.filter(path__in=rutas).only(
                "title", "path", "url_path", "locale_id", "tipo"
            )
        }

    def miembro(self, pagina):
        return self.miembros.get(pagina.path[: -Page.steplen])

    def bloques(self):
        paginas = self.paginas()
        if self.prefetch:
            paginas = paginas.prefetch_related(*self.prefetch)
        bloque = []
        for pagina in paginas.iterator(chunk_size=TAMANO_BLOQUE):
            bloque.append(pagina)
            if len(bloque) == TAMANO_BLOQUE:
                self.preparar_bloque(bloque)
                yield bloque
                bloque = []
        if bloque:
            self.preparar_bloque(bloque)
            yield bloque

    def filas(self):
        for bloque in self.bloques():
            yield [{c.nombre: c.valor(self, p) for c in self.columnas} for p in bloque]

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
                escritor.writerow(
                    [
                        celda_segura(
                            SEPARADOR_LISTA.join(fila[c.nombre]) if c.lista else fila[c.nombre]
                        )
                        for c in self.columnas
                    ]
                )
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


# Helpers for columns ---------------------------------------------------------


def _url(exp, p):
    return exp.enlaces.url(p)


def _miembro_nombre(exp, p):
    m = exp.miembro(p)
    return m.title if m else ""


def _miembro_url(exp, p):
    m = exp.miembro(p)
    return exp.enlaces.url(m) if m else ""


def _lista(relacion, campo):
    return lambda exp, p: [str(getattr(x, campo)) for x in getattr(p, relacion).all()]


def _campo(campo):
    return lambda exp, p: getattr(p, campo)


def _fecha(campo):
    return lambda exp, p: iso(getattr(p, campo))


def _opcion(campo):
    return lambda exp, p: str(getattr(p, f"get_{campo}_display")()) if getattr(p, campo) else ""


COMUNES = [
    Columna("url", _("Dirección pública de la página."), _url),
    Columna("id", _("Identificador estable de la página en el sitio."), _campo("pk")),
    Columna("titulo", _("Título."), _campo("title")),
]
PUBLICACION = [
    Columna("miembro", _("Miembro de la Red que la publica."), _miembro_nombre),
    Columna("miembro_url", _("Página del miembro."), _miembro_url),
    Columna("idioma", _("Idioma de la página (es, en)."), lambda exp, p: p.locale.language_code),
    Columna("publicada", _("Primera publicación (ISO 8601)."), _fecha("first_published_at")),
    Columna("actualizada", _("Última publicación (ISO 8601)."), _fecha("last_published_at")),
]


class ExportacionPracticas(Exportacion):
    nombre = "practicas"
    titulo = _("Prácticas de gobierno abierto")
    descripcion = _(
        "Las prácticas replicables que publican los miembros de la Red, con sus ejes, "
        "etiquetas, comunas y replicaciones."
    )
    prefetch = ("ejes", "tags", "comunas", "metas_ods")
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna("estado", _("piloto, en_marcha o finalizada."), _campo("estado")),
        Columna("fecha_inicio", _("Fecha de inicio (ISO 8601)."), _fecha("fecha_inicio")),
        Columna("fecha_termino", _("Fecha de término (ISO 8601)."), _fecha("fecha_termino")),
        Columna(
            "tipo_miembro",
            _("gobierno_regional, municipalidad, organizacion o academia."),
            lambda exp, p: exp.miembro(p).tipo if exp.miembro(p) else "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde se aplica."),
            _lista("comunas", "cut"),
            lista=True,
        ),
        Columna(
            "comunas_nombres",
            _("Nombres de esas comunas."),
            _lista("comunas", "nombre"),
            lista=True,
        ),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), _lista("ejes", "slug"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), _lista("tags", "name"), lista=True),
        Columna("metas_ods", _("Metas ODS."), _lista("metas_ods", "codigo"), lista=True),
        Columna(
            "replicaciones",
            _("Número de miembros que la replicaron o la están replicando."),
            lambda exp, p: exp.replicas.get(p.pk, 0),
        ),
        Columna("licencia", _("Licencia (identificador SPDX)."), _campo("licencia")),
        *PUBLICACION,
    ]

    def paginas(self):
        from practicas.biblioteca import Biblioteca

        return (
            Biblioteca(self.request, locale=self.locale)
            .filtrar()
            .select_related("locale")
            .defer("cuerpo", "resultados", "pasos", "base_legal", "materiales", "problema")
        )

    def preparar_bloque(self, paginas):
        from practicas.models import Replicacion

        super().preparar_bloque(paginas)
        self.replicas = dict(
            Replicacion.objects.filter(practica_id__in=[p.pk for p in paginas])
            .values("practica_id")
            .annotate(n=Count("id"))
            .values_list("practica_id", "n")
        )


class ExportacionHerramientas(Exportacion):
    nombre = "herramientas"
    titulo = _("Herramientas compartidas")
    descripcion = _(
        "Guías, plantillas, metodologías, software, conjuntos de datos y material de "
        "formación que comparten los miembros de la Red."
    )
    prefetch = ("ejes", "tags", "comunas", "formatos", "practicas")
    columnas = [
        *COMUNES,
        Columna(
            "tipo", _("guia, plantilla, metodologia, software, datos o formacion."), _campo("tipo")
        ),
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna("licencia", _("Licencia (identificador SPDX)."), _campo("licencia")),
        Columna("formatos", _("Formatos de archivo."), _lista("formatos", "codigo"), lista=True),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), _lista("ejes", "slug"), lista=True),
        Columna("etiquetas", _("Etiquetas libres."), _lista("tags", "name"), lista=True),
        Columna(
            "practicas",
            _("Identificadores de las prácticas relacionadas."),
            lambda exp, p: [str(x.pk) for x in p.practicas.all() if x.live],
            lista=True,
        ),
        Columna(
            "url_descarga", _("Descarga directa (conjuntos de datos)."), _campo("url_descarga")
        ),
        Columna(
            "frecuencia",
            _("Frecuencia de actualización (vocabulario de la UE)."),
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
            _lista("comunas", "cut"),
            lista=True,
        ),
        *PUBLICACION,
    ]

    def paginas(self):
        from practicas.biblioteca import BibliotecaHerramientas

        return (
            BibliotecaHerramientas(self.request, locale=self.locale)
            .filtrar()
            .select_related("locale")
            .defer("materiales", "descripcion")
        )


class ExportacionEventos(Exportacion):
    """Events: extend `columnas` as the events app grows (places left, modality…)."""

    nombre = "eventos"
    titulo = _("Eventos de la Red")
    descripcion = _("Las actividades de formación e intercambio de la Red, con sus fechas.")
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), _campo("resumen")),
        Columna("inicio", _("Inicio, con zona horaria (ISO 8601)."), _fecha("inicio")),
        Columna("fin", _("Término, con zona horaria (ISO 8601)."), _fecha("fin")),
        *PUBLICACION,
    ]

    def paginas(self):
        from eventos.models import EventoPage

        qs = EventoPage.objects.live().public().select_related("locale").order_by("inicio", "pk")
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
    prefetch = ("comunas",)
    columnas = [
        *COMUNES[:2],
        Columna("nombre", _("Nombre del miembro."), _campo("title")),
        Columna(
            "tipo", _("gobierno_regional, municipalidad, organizacion o academia."), _campo("tipo")
        ),
        Columna(
            "comuna",
            _("Código CUT de la comuna (municipalidades)."),
            lambda exp, p: p.comuna.cut if p.comuna_id else "",
        ),
        Columna(
            "comunas",
            _("Códigos CUT de las comunas donde trabaja (organizaciones)."),
            _lista("comunas", "cut"),
            lista=True,
        ),
        Columna("resumen", _("Quiénes son y qué hacen."), _campo("resumen")),
        Columna("sitio_web", _("Sitio web."), _campo("sitio_web")),
        Columna("contacto_nombre", _("Contacto institucional."), _campo("contacto_nombre")),
        Columna("contacto_email", _("Correo institucional."), _campo("contacto_email")),
        Columna("contacto_telefono", _("Teléfono institucional."), _campo("contacto_telefono")),
        Columna("fecha_ingreso", _("Ingreso a la Red (ISO 8601)."), _fecha("fecha_ingreso")),
        Columna("es_piloto", _("Comuna piloto de la Red (true/false)."), _campo("es_piloto")),
        Columna(
            "idioma", _("Idioma de la página (es, en)."), lambda exp, p: p.locale.language_code
        ),
    ]

    def paginas(self):
        from .models import MiembroPage

        qs = (
            MiembroPage.objects.live()
            .public()
            .select_related("locale", "comuna")
            .defer("descripcion")
            .order_by("title", "pk")
        )
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs

    def preparar_bloque(self, paginas):
        self.miembros = {}


EXPORTACIONES = {
    e.nombre: e
    for e in (
        ExportacionPracticas,
        ExportacionEventos,
        ExportacionHerramientas,
        ExportacionMiembros,
    )
}
