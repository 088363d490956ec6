"""The libraries' logic: reads the URL, filters, counts facets, sorts and paginates.

`BibliotecaBase` holds what every library shares (reading and validating the
URL, free-text search, tag facets, counts through many-to-many tables, active
filters, suggestions, pagination); `Biblioteca` (practices, `/practicas/`) and
`BibliotecaHerramientas` (tools, `/herramientas/`) say which filters they have.
The open-data exports reuse the same classes through `filtrar()`.

URL contract (DESIGN §5): `/practicas/?q=&eje=<slug>&etiqueta=<slug>&comuna=<CUT>
&ods=<target>&orden=&page=`, plus `tipo` (member kind), `estado` and `anio`.
Values of one parameter are alternatives (OR); different parameters combine
(AND). Each facet counts what its options would give with every *other*
filter applied. The number of SQL queries does not depend on the number of
practices: items are prefetched and parents fetched in one query.
"""

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, ExtractYear, Length, Lower, Substr
from django.http import Http404, QueryDict
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from nucleo.cache import en_cache
from nucleo.consultas import ListaPerezosa, sin_restricciones
from nucleo.traduccion import en_idioma_de_cada_uno, uno_por_clave
from red.models import Comuna, MiembroPage, TipoMiembro

from .models import (
    Eje,
    EstadoPractica,
    Formato,
    HerramientaPage,
    HerramientaTag,
    MetaODS,
    PracticaPage,
    PracticaTag,
    Replicacion,
    TipoHerramienta,
)

POR_PAGINA = 20
MAX_VALORES = 20
MAX_Q = 200
MAX_ETIQUETAS = 25
ORDENES = {
    "recientes": gettext_lazy("Más recientes"),
    "replicadas": gettext_lazy("Más replicadas"),
    "az": gettext_lazy("A–Z"),
}
ORDENES_HERRAMIENTAS = {k: v for k, v in ORDENES.items() if k != "replicadas"}
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
PALABRA = re.compile(r"\w+")

EjeThrough = PracticaPage.ejes.through
ComunaThrough = PracticaPage.comunas.through
OdsThrough = PracticaPage.metas_ods.through
HerramientaEjeThrough = HerramientaPage.ejes.through
FormatoThrough = HerramientaPage.formatos.through


def practicas_publicas(locale=None):
    """Live, public practices (no view restriction on them or an ancestor)."""
    qs = PracticaPage.objects.live().filter(sin_restricciones())
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def herramientas_publicas(locale=None):
    """Live, public tools."""
    qs = HerramientaPage.objects.live().filter(sin_restricciones())
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def solo_en_espanol(indice, request, publicos):
    """On a library in another language: how many of its items are only in Spanish,
    and the link to the Spanish library, so a visitor knows there is more.

    `publicos(locale)` lists the library's items. Kept until something is published:
    the Spanish library (every visit) must not pay a query for it.
    """

    def calcular():
        por_defecto = Locale.get_default()
        original = indice.get_translation_or_none(por_defecto)
        if indice.locale_id == por_defecto.pk or original is None or not original.live:
            return None
        traducidas = publicos(indice.locale).values("translation_key")
        n = publicos(por_defecto).exclude(translation_key__in=traducidas).count()
        return {"n": n, "url": original.get_url(request)} if n else None

    # False stands for "nothing to say": the cache cannot tell a kept None from a miss.
    aviso = en_cache("solo-en-espanol", lambda: calcular() or False, indice.pk, request.get_host())
    return aviso or None


def ligeros(objetos, *campos):
    """Plain copies of model rows with only `campos`, for what is kept in the cache
    and read back on every request: model instances are slow to unpickle."""
    return [SimpleNamespace(**{c: getattr(o, c) for c in campos}) for o in objetos]


def con_miembro(qs):
    """Annotates the path of the parent page (the member) and the member's kind."""
    qs = qs.annotate(ruta_miembro=Substr("path", 1, Length("path") - Page.steplen))
    return qs.annotate(
        tipo_miembro=Subquery(
            MiembroPage.objects.filter(path=OuterRef("ruta_miembro")).values("tipo")[:1]
        )
    )


def preparar_listado(practicas):
    """Attaches member, comunas, axes, tags and replication count with a fixed number
    of queries, whatever the number of practices."""
    practicas = list(practicas)
    if not practicas:
        return practicas
    pks = [p.pk for p in practicas]
    rutas = {p.path[: -Page.steplen] for p in practicas}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=rutas)}
    replicas = dict(
        Replicacion.objects.filter(practica_id__in=pks)
        .values("practica_id")
        .annotate(n=Count("id"))
        .values_list("practica_id", "n")
    )
    prefetch_related_objects(practicas, "comunas", "ejes", "tags")
    for practica in practicas:
        practica.miembro = miembros.get(practica.path[: -Page.steplen])
        practica.n_replicaciones = replicas.get(practica.pk, 0)
        practica.lista_comunas = list(practica.comunas.all())
        practica.lista_ejes = list(practica.ejes.all())
        practica.lista_etiquetas = list(practica.tags.all())
    en_idioma_de_cada_uno(practicas, "lista_ejes")
    return practicas


def preparar_herramientas(herramientas):
    """Attaches member, axes, tags and formats to tools with a fixed number of queries."""
    herramientas = list(herramientas)
    if not herramientas:
        return herramientas
    rutas = {h.path[: -Page.steplen] for h in herramientas}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=rutas)}
    prefetch_related_objects(herramientas, "ejes", "tags", "formatos")
    for herramienta in herramientas:
        herramienta.miembro = miembros.get(herramienta.path[: -Page.steplen])
        herramienta.lista_ejes = list(herramienta.ejes.all())
        herramienta.lista_etiquetas = list(herramienta.tags.all())
        herramienta.lista_formatos = list(herramienta.formatos.all())
    en_idioma_de_cada_uno(herramientas, "lista_ejes")
    return herramientas


def clave_ods(codigo):
    """Sorts 16.2 before 16.10 and 16.10 before 16.a."""
    objetivo, _sep, meta = codigo.partition(".")
    return (int(objetivo), 0 if meta.isdigit() else 1, int(meta) if meta.isdigit() else meta)


def usa_fts5(backend):
    """Whether `backend` is Wagtail's SQLite FTS5 backend (its module only imports on SQLite)."""
    return connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend"


# Wagtail's index tables (wagtail.search.models.IndexEntry and its FTS5 twin).
SQL_FTS5 = (
    "SELECT CAST(e.object_id AS INTEGER) FROM wagtailsearch_indexentry e "
    "WHERE e.content_type_id = %s AND e.id IN (SELECT rowid FROM wagtailsearch_indexentry_fts "
    "WHERE wagtailsearch_indexentry_fts MATCH %s)"
)


def coincidencias_fts5(modelo, palabras):
    """A subquery of the pages of `modelo` whose index entry matches every word (SQLite).

    The same FTS5 index and the same match as Wagtail's SQLite backend (title and
    body columns, every word, accents and case ignored by FTS5's unicode61
    tokenizer), written so that SQLite looks the words up in the full-text index
    first: the backend's join of that index with the entries table made SQLite
    walk every entry (0.6 s for one word at 5,000 practices, 14 ms this way).
    """
    expresion = "{title body} : (" + " AND ".join(f'"{p}"' for p in palabras) + ")"
    # A fixed statement: the words travel as a parameter.
    return RawSQL(  # noqa: S611 # nosec B611
        SQL_FTS5,
        [ContentType.objects.get_for_model(modelo).pk, expresion],
    )


@dataclass
class Faceta:
    nombre: str
    titulo: str
    opciones: list = field(default_factory=list)


def cuentas_m2m(through, columna_pagina, columna_valor, ids):
    """{value: number of pages} for one many-to-many relation, among the pages `ids`."""
    return dict(
        through.objects.filter(**{f"{columna_pagina}__in": ids})
        .values(columna_valor)
        .annotate(n=Count("id"))
        .values_list(columna_valor, "n")
    )


def cuentas_campo(qs, campo):
    """{value: number of pages} grouping a queryset by one of its fields or annotations."""
    return dict(qs.order_by().values(campo).annotate(n=Count("pk")).values_list(campo, "n"))


class BibliotecaBase(ABC):
    """One request to a library: its parameters, filters, facets and page.

    Subclasses define `publicos()`, `_leer_filtros()`, `_condicion()`,
    `_facetas()`, `_nombres()` and `preparar()`.
    """

    ordenes = ORDENES
    tag_through = PracticaTag
    nombre_lista = "items"

    def __init__(self, request, locale=None):
        self.request = request
        self.params = request.GET
        self.locale = locale
        self.avisos = []
        self.q = self._leer_q()
        self.orden = self._leer_orden()

    @abstractmethod
    def publicos(self):
        """The live, public pages this library lists."""

    def preparar(self, items):
        return list(items)

    # Reading the URL ---------------------------------------------------------

    def _leer_q(self):
        q = CONTROL.sub(" ", self.params.get("q", ""))
        q = " ".join(q.split())
        if len(q) > MAX_Q:
            self.avisos.append(
                _("La búsqueda era muy larga: se usaron sus primeros %(n)d caracteres.")
                % {"n": MAX_Q}
            )
            q = q[:MAX_Q]
        return q

    def _leer_orden(self):
        orden = self.params.get("orden", "")
        if orden and orden not in self.ordenes:
            self.avisos.append(
                _("No conocemos el orden «%(orden)s»: se muestran las más recientes.")
                % {"orden": orden[:40]}
            )
            orden = ""
        return orden or "recientes"

    def _valores(self, nombre):
        valores = []
        for valor in self.params.getlist(nombre):
            valor = CONTROL.sub("", valor).strip()
            if valor and valor not in valores:
                valores.append(valor)
        return valores[:MAX_VALORES]

    def _validar(self, nombre, validos, etiqueta):
        """Keeps the known values of a parameter and explains the unknown ones."""
        elegidos = []
        for valor in self._valores(nombre):
            if valor in validos:
                elegidos.append(valor)
            else:
                self.avisos.append(
                    _("No existe %(que)s «%(valor)s»: se ignoró ese filtro.")
                    % {"que": etiqueta, "valor": valor[:40]}
                )
        return elegidos

    def _guardado_por_idioma(self, nombre, calcular):
        """A small table the filters are read against, kept until a publish."""
        from nucleo.traduccion import idioma_actual

        locale = self.locale.pk if self.locale else "-"
        return en_cache(f"biblioteca-{nombre}", calcular, locale, idioma_actual())

    def _lista_guardada(self, nombre, consulta, *campos):
        """`consulta()` (rows of a small table) as plain copies of `campos`, kept."""
        return self._guardado_por_idioma(nombre, lambda: ligeros(consulta(), *campos))

    def _temas_guardados(self, nombre, modelo, clave):
        """Axes or SDG targets, once each in the library's language, kept as plain values."""

        def calcular():
            temas = uno_por_clave(modelo.objects.all(), clave, self.locale)
            return dict(zip(temas, ligeros(temas.values(), clave, "nombre"), strict=True))

        return self._guardado_por_idioma(nombre, calcular)

    def _leer_ejes_y_etiquetas(self):
        self.ejes = self._temas_guardados("ejes", Eje, "slug")
        pedidas = self._valores("etiqueta")
        etiquetas = self.tag_through.tag_model().objects.filter(slug__in=pedidas) if pedidas else []
        self.etiquetas = {t.slug: t for t in etiquetas}
        return {
            "eje": self._validar("eje", self.ejes, _("el eje")),
            "etiqueta": self._validar("etiqueta", self.etiquetas, _("la etiqueta")),
        }

    # Filtering ---------------------------------------------------------------

    def _base(self):
        qs = con_miembro(self.publicos())
        if self.q:
            qs = qs.filter(pk__in=self._ids_busqueda())
        return qs

    def _ids_busqueda(self):
        """The pages that match the search (primary keys, or a subquery of them)."""
        if not hasattr(self, "_ids_q"):
            # Only words reach the backend: quotes, brackets or asterisks are
            # query syntax in SQLite's FTS5 and would break the query.
            palabras = PALABRA.findall(self.q)
            if not palabras:
                self._ids_q = []
                return self._ids_q
            backend = get_search_backend()
            if usa_fts5(backend):
                self._ids_q = coincidencias_fts5(self.publicos().model, palabras)
            else:
                # Results are sorted by the library's own order, never by relevance:
                # asking for it would score every match for nothing.
                def buscar():
                    resultados = backend.search(
                        " ".join(palabras),
                        self.publicos().only("pk"),
                        operator="and",
                        order_by_relevance=False,
                    )
                    return [p.pk for p in resultados]

                # The backend answers with primary keys: kept until something is
                # published, so a repeated search does not ask the backend again.
                modelo = self.publicos().model.__name__
                locale = self.locale.pk if self.locale else "-"
                self._ids_q = en_cache("busqueda", buscar, modelo, locale, palabras)
        return self._ids_q

    def _filtrar(self, qs, excepto=None):
        for nombre, valores in self.filtros.items():
            if valores and nombre != excepto:
                qs = qs.filter(self._condicion(nombre, valores))
        return qs

    def _ordenar(self, qs):
        if self.orden == "az":
            return qs.order_by(Lower("title"), "pk")
        return qs.order_by("-first_published_at", "pk")

    def filtrar(self):
        """The filtered and sorted queryset, without facets or pagination (for exports)."""
        self.filtros = self._leer_filtros()
        return self._ordenar(self._filtrar(self._base()))

    # Facets ------------------------------------------------------------------

    def _url(self, **cambios):
        """The current URL with some parameters replaced (None removes them)."""
        params = QueryDict(mutable=True)
        if self.q:
            params["q"] = self.q
        for nombre, valores in self.filtros.items():
            params.setlist(nombre, valores)
        if self.orden != "recientes":
            params["orden"] = self.orden
        for nombre, valor in cambios.items():
            if valor is None:
                params.pop(nombre, None)
            elif isinstance(valor, list):
                params.setlist(nombre, valor)
            else:
                params[nombre] = valor
        texto = params.urlencode()
        return f"?{texto}" if texto else "?"

    def _opcion(self, nombre, valor, texto, n):
        seleccionados = self.filtros[nombre]
        activa = valor in seleccionados
        nuevos = [v for v in seleccionados if v != valor] if activa else [*seleccionados, valor]
        return {
            "valor": valor,
            "texto": texto,
            "n": n,
            "activa": activa,
            "url": self._url(**{nombre: nuevos, "page": None}),
        }

    def _ids(self, base, nombre):
        """The pages that every filter except `nombre` lets through."""
        return self._filtrar(base, excepto=nombre).values("pk")

    def _faceta_ejes(self, base, through, columna_pagina):
        # By slug, the same in every language: a translated page may point to the
        # Spanish axis or to its translation.
        cuentas = cuentas_m2m(through, columna_pagina, "eje__slug", self._ids(base, "eje"))
        return Faceta(
            "eje",
            _("Eje"),
            [
                self._opcion("eje", e.slug, e.nombre, cuentas.get(e.slug, 0))
                for e in self.ejes.values()
            ],
        )

    def _faceta_etiquetas(self, base):
        filas = (
            self.tag_through.objects.filter(content_object_id__in=self._ids(base, "etiqueta"))
            .values("tag__slug", "tag__name")
            .annotate(n=Count("id"))
            .order_by("-n", "tag__name")
        )
        elegidas = self.filtros["etiqueta"]
        filas = list(filas[:MAX_ETIQUETAS]) + list(filas.filter(tag__slug__in=elegidas))
        vistas, opciones = set(), []
        for fila in filas:
            if fila["tag__slug"] not in vistas:
                vistas.add(fila["tag__slug"])
                opciones.append(
                    self._opcion("etiqueta", fila["tag__slug"], fila["tag__name"], fila["n"])
                )
        for slug in elegidas:
            if slug not in vistas:
                opciones.append(self._opcion("etiqueta", slug, self.etiquetas[slug].name, 0))
        return Faceta("etiqueta", _("Etiqueta"), opciones)

    def _faceta_choices(self, base, nombre, titulo, campo, choices):
        cuentas = cuentas_campo(self._filtrar(base, excepto=nombre), campo)
        return Faceta(
            nombre, titulo, [self._opcion(nombre, v, t, cuentas.get(v, 0)) for v, t in choices]
        )

    def _activos(self):
        """The filters in use, each with a link that removes it."""
        nombres = self._nombres()
        activos = []
        if self.q:
            activos.append({"nombre": "q", "texto": f"«{self.q}»", "url": self._url(q=None)})
        for nombre, valores in self.filtros.items():
            for valor in valores:
                restantes = [v for v in valores if v != valor]
                activos.append(
                    {
                        "nombre": nombre,
                        "valor": valor,
                        "texto": str(nombres[nombre](valor)),
                        "url": self._url(**{nombre: restantes}),
                    }
                )
        return activos

    def _sugerencias(self, base):
        """For an empty result: how many pages each removal would bring back."""
        sugerencias = []
        guardados = self.filtros
        for activo in self._activos():
            if activo["nombre"] == "q":
                continue
            nombre, valor = activo["nombre"], activo["valor"]
            self.filtros = {**guardados, nombre: [v for v in guardados[nombre] if v != valor]}
            n = self._filtrar(base).count()
            self.filtros = guardados
            if n:
                sugerencias.append({**activo, "n": n})
        return sugerencias

    # The whole request -------------------------------------------------------

    def _partes(self):
        """What a result of this library depends on: library, language and parameters."""
        from nucleo.traduccion import idioma_actual

        parametros = sorted(
            (clave, tuple(sorted(valores))) for clave, valores in self.filtros.items() if valores
        )
        return (
            type(self).__name__,
            self.locale.pk if self.locale else "-",
            idioma_actual(),
            self.q,
            self.orden,
            parametros,
        )

    def _guardado(self, nombre, calcular):
        """`calcular()` kept for this library, language and set of parameters."""
        return en_cache(nombre, calcular, *self._partes())

    @cached_property
    def base(self):
        """The library's pages that the search lets through (before the filters)."""
        return self._base()

    @cached_property
    def resultados(self):
        return self._ordenar(self._filtrar(self.base))

    def resolver(self):
        self.filtros = self._leer_filtros()
        # Building the querysets costs more than reading a kept page of cards:
        # they are built only when a count, a facet or the cards are not kept.
        paginator = Paginator(ListaPerezosa(lambda: self.resultados), POR_PAGINA)
        # The total and the facet counts read every matching page: they are kept
        # until something is published (nucleo.cache.en_cache), per set of parameters.
        paginator.count = self._guardado("total", lambda: self.resultados.count())
        numero = self.params.get("page", "1")
        try:
            pagina = paginator.page(numero)
        except (PageNotAnInteger, EmptyPage) as error:
            if paginator.count == 0 and numero == "1":
                pagina = paginator.page(1)
            else:
                raise Http404(_("Esa página de resultados no existe.")) from error
        # Read only when the template's fragment of results is not kept (see `clave`).
        items = SimpleLazyObject(lambda: self.preparar(pagina.object_list))
        activos = self._activos()
        contexto = {
            "q": self.q,
            "orden": self.orden,
            "ordenes": [
                {"valor": v, "texto": t, "activo": v == self.orden, "url": self._url(orden=v)}
                for v, t in self.ordenes.items()
            ],
            "filtros": self.filtros,
            "activos": activos,
            "limpiar_url": "?",
            "avisos": self.avisos,
            "total": paginator.count,
            "pagina": pagina,
            "items": items,
            self.nombre_lista: items,
            "facetas": SimpleLazyObject(
                lambda: self._guardado("facetas", lambda: self._facetas(self.base))
            ),
            # The key of the template's kept fragments (cards, facets): the same
            # parameters as the kept counts; the template adds the page number.
            "clave": repr(self._partes()),
            "paginas": SimpleLazyObject(
                lambda: [
                    {
                        "numero": n,
                        "url": None if n == paginator.ELLIPSIS else self._url(page=str(n)),
                    }
                    for n in paginator.get_elided_page_range(
                        pagina.number, on_each_side=2, on_ends=1
                    )
                ]
            ),
            "anterior_url": self._url(page=str(pagina.number - 1))
            if pagina.has_previous()
            else None,
            "siguiente_url": self._url(page=str(pagina.number + 1)) if pagina.has_next() else None,
        }
        if paginator.count == 0 and activos:
            contexto["sugerencias"] = SimpleLazyObject(lambda: self._sugerencias(self.base))
        return contexto


class Biblioteca(BibliotecaBase):
    """The practice library `/practicas/`."""

    nombre_lista = "practicas"

    def publicos(self):
        return practicas_publicas(self.locale)

    def preparar(self, items):
        return preparar_listado(items)

    def _leer_filtros(self):
        filtros = self._leer_ejes_y_etiquetas()
        self.metas = self._temas_guardados("metas", MetaODS, "codigo")
        comunas = self._lista_guardada("comunas", Comuna.objects.all, "cut", "nombre")
        self.comunas = {c.cut: c for c in comunas}
        anios = {v for v in self._valores("anio") if v.isdigit() and len(v) == 4}
        return {
            **filtros,
            "comuna": self._validar("comuna", self.comunas, _("la comuna con código")),
            "ods": self._validar("ods", self.metas, _("la meta ODS")),
            "tipo": self._validar("tipo", dict(TipoMiembro.choices), _("el tipo de miembro")),
            "estado": self._validar("estado", dict(EstadoPractica.choices), _("el estado")),
            "anio": self._validar("anio", anios, _("el año")),
        }

    @staticmethod
    def _condicion(nombre, valores):
        if nombre == "eje":
            ids = EjeThrough.objects.filter(eje__slug__in=valores).values("practicapage_id")
        elif nombre == "etiqueta":
            ids = PracticaTag.objects.filter(tag__slug__in=valores).values("content_object_id")
        elif nombre == "comuna":
            ids = ComunaThrough.objects.filter(comuna__cut__in=valores).values("practicapage_id")
        elif nombre == "ods":
            ids = OdsThrough.objects.filter(metaods__codigo__in=valores).values("practicapage_id")
        elif nombre == "tipo":
            return Q(tipo_miembro__in=valores)
        elif nombre == "estado":
            return Q(estado__in=valores)
        else:
            return Q(anio__in=[int(v) for v in valores])
        return Q(pk__in=ids)

    def _base(self):
        return super()._base().annotate(anio=ExtractYear("fecha_inicio"))

    def _ordenar(self, qs):
        if self.orden == "replicadas":
            n = Subquery(
                Replicacion.objects.filter(practica_id=OuterRef("pk"))
                .values("practica_id")
                .annotate(n=Count("id"))
                .values("n"),
                output_field=IntegerField(),
            )
            return qs.annotate(n_rep=Coalesce(n, Value(0))).order_by("-n_rep", Lower("title"), "pk")
        if self.orden == "az":
            return super()._ordenar(qs)
        return qs.order_by(F("fecha_inicio").desc(nulls_last=True), "-first_published_at", "pk")

    def _facetas(self, base):
        facetas = [
            self._faceta_ejes(base, EjeThrough, "practicapage_id"),
            self._faceta_etiquetas(base),
        ]
        cuentas = cuentas_m2m(
            ComunaThrough, "practicapage_id", "comuna__cut", self._ids(base, "comuna")
        )
        facetas.append(
            Faceta(
                "comuna",
                _("Comuna"),
                [
                    self._opcion("comuna", c.cut, c.nombre, cuentas.get(c.cut, 0))
                    for c in self.comunas.values()
                    if cuentas.get(c.cut) or c.cut in self.filtros["comuna"]
                ],
            )
        )
        cuentas = cuentas_m2m(
            OdsThrough, "practicapage_id", "metaods__codigo", self._ids(base, "ods")
        )
        facetas.append(
            Faceta(
                "ods",
                _("Meta ODS"),
                [
                    self._opcion("ods", codigo, f"{codigo} {meta.nombre}", cuentas.get(codigo, 0))
                    for codigo, meta in sorted(self.metas.items(), key=lambda m: clave_ods(m[0]))
                    if cuentas.get(codigo) or codigo in self.filtros["ods"]
                ],
            )
        )
        facetas.append(
            self._faceta_choices(
                base, "tipo", _("Tipo de miembro"), "tipo_miembro", TipoMiembro.choices
            )
        )
        facetas.append(
            self._faceta_choices(base, "estado", _("Estado"), "estado", EstadoPractica.choices)
        )
        cuentas = cuentas_campo(self._filtrar(base, excepto="anio").exclude(anio=None), "anio")
        anios = sorted({str(a) for a in cuentas} | set(self.filtros["anio"]), reverse=True)
        facetas.append(
            Faceta(
                "anio",
                _("Año de inicio"),
                [self._opcion("anio", a, a, cuentas.get(int(a), 0)) for a in anios],
            )
        )
        return facetas

    def _nombres(self):
        return {
            "eje": lambda v: self.ejes[v].nombre,
            "etiqueta": lambda v: self.etiquetas[v].name,
            "comuna": lambda v: self.comunas[v].nombre,
            "ods": lambda v: _("Meta %(codigo)s") % {"codigo": v},
            "tipo": lambda v: dict(TipoMiembro.choices)[v],
            "estado": lambda v: dict(EstadoPractica.choices)[v],
            "anio": lambda v: v,
        }


class BibliotecaHerramientas(BibliotecaBase):
    """The tools library `/herramientas/`: kind, axis, tag, member and format."""

    ordenes = ORDENES_HERRAMIENTAS
    tag_through = HerramientaTag
    nombre_lista = "herramientas"

    def publicos(self):
        return herramientas_publicas(self.locale)

    def preparar(self, items):
        return preparar_herramientas(items)

    def _leer_filtros(self):
        filtros = self._leer_ejes_y_etiquetas()
        formatos = self._lista_guardada("formatos", Formato.objects.all, "codigo", "nombre")
        self.formatos = {f.codigo: f for f in formatos}

        def miembros():
            qs = MiembroPage.objects.live().filter(sin_restricciones())
            if self.locale is not None:
                qs = qs.filter(locale=self.locale)
            return qs.only("slug", "title", "path")

        miembros = self._lista_guardada("miembros", miembros, "slug", "title", "path")
        self.miembros = {m.slug: m for m in miembros}
        return {
            "tipo": self._validar("tipo", dict(TipoHerramienta.choices), _("el tipo")),
            **filtros,
            "miembro": self._validar("miembro", self.miembros, _("el miembro")),
            "formato": self._validar("formato", self.formatos, _("el formato")),
        }

    def _condicion(self, nombre, valores):
        if nombre == "eje":
            ids = HerramientaEjeThrough.objects.filter(eje__slug__in=valores).values(
                "herramientapage_id"
            )
        elif nombre == "etiqueta":
            ids = HerramientaTag.objects.filter(tag__slug__in=valores).values("content_object_id")
        elif nombre == "formato":
            ids = FormatoThrough.objects.filter(formato__codigo__in=valores).values(
                "herramientapage_id"
            )
        elif nombre == "miembro":
            return Q(ruta_miembro__in=[self.miembros[v].path for v in valores])
        else:
            return Q(tipo__in=valores)
        return Q(pk__in=ids)

    def _facetas(self, base):
        facetas = [
            self._faceta_choices(base, "tipo", _("Tipo"), "tipo", TipoHerramienta.choices),
            self._faceta_ejes(base, HerramientaEjeThrough, "herramientapage_id"),
            self._faceta_etiquetas(base),
        ]
        cuentas = cuentas_campo(self._filtrar(base, excepto="miembro"), "ruta_miembro")
        facetas.append(
            Faceta(
                "miembro",
                _("Miembro"),
                [
                    self._opcion("miembro", m.slug, m.title, cuentas.get(m.path, 0))
                    for m in sorted(self.miembros.values(), key=lambda m: m.title)
                    if cuentas.get(m.path) or m.slug in self.filtros["miembro"]
                ],
            )
        )
        cuentas = cuentas_m2m(
            FormatoThrough, "herramientapage_id", "formato__codigo", self._ids(base, "formato")
        )
        facetas.append(
            Faceta(
                "formato",
                _("Formato"),
                [
                    self._opcion("formato", c, f.nombre, cuentas.get(c, 0))
                    for c, f in self.formatos.items()
                    if cuentas.get(c) or c in self.filtros["formato"]
                ],
            )
        )
        return facetas

    def _nombres(self):
        return {
            "tipo": lambda v: dict(TipoHerramienta.choices)[v],
            "eje": lambda v: self.ejes[v].nombre,
            "etiqueta": lambda v: self.etiquetas[v].name,
            "miembro": lambda v: self.miembros[v].title,
            "formato": lambda v: self.formatos[v].nombre,
        }
