"""`BibliotecaBase`: one request to a library, from its URL to its page of cards.

It reads the parameters (`parametros`), searches (`busqueda`), filters, counts
the facets (`facetas`), sorts and paginates. What a result depends on is kept
until something is published (`nucleo.cache.en_cache`), per set of parameters.
"""

from abc import ABC, abstractmethod

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _

from nucleo.cache import en_cache
from nucleo.consultas import ListaPerezosa
from nucleo.traduccion import idioma_actual, uno_por_clave
from practicas.models import Eje

from .busqueda import ids_busqueda
from .consultas import con_miembro, ligeros
from .facetas import ConFacetas
from .parametros import POR_PAGINA, LecturaDeParametros


class BibliotecaBase(LecturaDeParametros, ConFacetas, ABC):
    """One request to a library: its parameters, filters, facets and page.

    Subclasses say which pages they list (`publicos()`, `preparar()`), which
    filters they read (`_leer_filtros()`), how the filters that are not a
    many-to-many relation apply (`_condicion_campo()`), and their facets and
    the names of their values (`_facetas()`, `_nombres()`).
    """

    nombre_lista = "items"
    tag_through = None
    # Many-to-many filters: {parameter: (through model, field of the value)},
    # read against the through model's `columna_pagina`.
    relaciones = {}
    columna_pagina = None

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

    # The small tables the filters are read against ---------------------------

    def _guardado_por_idioma(self, nombre, calcular):
        """A small table the filters are read against, kept until a publish."""
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

    def _nombres(self):
        """How each filter's values read in the list of active filters."""
        return {
            "eje": lambda v: self.ejes[v].nombre,
            "etiqueta": lambda v: self.etiquetas[v].name,
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
            self._ids_q = ids_busqueda(self.publicos(), self.q, self.locale)
        return self._ids_q

    def _condicion(self, nombre, valores):
        """The condition of one filter: a many-to-many relation, the tags, or a field."""
        if nombre in self.relaciones:
            through, campo = self.relaciones[nombre]
            ids = through.objects.filter(**{f"{campo}__in": valores}).values(self.columna_pagina)
        elif nombre == "etiqueta":
            ids = self.tag_through.objects.filter(tag__slug__in=valores).values("content_object_id")
        else:
            return self._condicion_campo(nombre, valores)
        return Q(pk__in=ids)

    @abstractmethod
    def _condicion_campo(self, nombre, valores):
        """The condition of a filter on a plain field of the library's own pages."""

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

    # The whole request -------------------------------------------------------

    def _partes(self):
        """What a result of this library depends on: library, language and parameters."""
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
