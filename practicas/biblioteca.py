"""The library's logic: reads the URL, filters, counts facets, sorts and paginates.

URL contract (DESIGN §5): `/practicas/?q=&eje=<slug>&etiqueta=<slug>&comuna=<CUT>
&ods=<target>&orden=&page=`, plus `tipo` (member kind), `estado` and `anio`.
Values of one parameter are alternatives (OR); different parameters combine
(AND). Each facet counts what its options would give with every *other*
filter applied. The number of SQL queries does not depend on the number of
practices: items are prefetched and parents fetched in one query.
"""

import re
from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
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
from django.db.models.functions import Coalesce, ExtractYear, Length, Lower, Substr
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from red.models import Comuna, MiembroPage, TipoMiembro

from .models import Eje, EstadoPractica, MetaODS, PracticaPage, PracticaTag, Replicacion

POR_PAGINA = 20
MAX_VALORES = 20
MAX_Q = 200
MAX_ETIQUETAS = 25
ORDENES = {
    "recientes": gettext_lazy("Más recientes"),
    "replicadas": gettext_lazy("Más replicadas"),
    "az": gettext_lazy("A–Z"),
}
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
PALABRA = re.compile(r"\w+")

EjeThrough = PracticaPage.ejes.through
ComunaThrough = PracticaPage.comunas.through
OdsThrough = PracticaPage.metas_ods.through


def practicas_publicas(locale=None):
    """Live, public practices (no view restriction on them or an ancestor)."""
    qs = PracticaPage.objects.live().public()
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


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
    return practicas


def clave_ods(codigo):
    """Sorts 16.2 before 16.10 and 16.10 before 16.a."""
    objetivo, _sep, meta = codigo.partition(".")
    return (int(objetivo), 0 if meta.isdigit() else 1, int(meta) if meta.isdigit() else meta)


@dataclass
class Faceta:
    nombre: str
    titulo: str
    opciones: list = field(default_factory=list)


class Biblioteca:
    """One request to the library: its parameters, filters, facets and page."""

    def __init__(self, request, locale=None):
        self.request = request
        self.params = request.GET
        self.locale = locale
        self.avisos = []
        self.q = self._leer_q()
        self.orden = self._leer_orden()

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
        if orden and orden not in ORDENES:
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

    def _leer_filtros(self):
        ejes = Eje.objects.all()
        metas = MetaODS.objects.all()
        if self.locale is not None:
            ejes = ejes.filter(locale=self.locale)
            metas = metas.filter(locale=self.locale)
        self.ejes = {e.slug: e for e in ejes}
        self.metas = {m.codigo: m for m in metas}
        self.comunas = {c.cut: c for c in Comuna.objects.all()}
        pedidas = self._valores("etiqueta")
        etiquetas = PracticaTag.tag_model().objects.filter(slug__in=pedidas)
        self.etiquetas = {t.slug: t for t in etiquetas}
        anios = {v for v in self._valores("anio") if v.isdigit() and len(v) == 4}
        return {
            "eje": self._validar("eje", self.ejes, _("el eje")),
            "etiqueta": self._validar("etiqueta", self.etiquetas, _("la etiqueta")),
            "comuna": self._validar("comuna", self.comunas, _("la comuna con código")),
            "ods": self._validar("ods", self.metas, _("la meta ODS")),
            "tipo": self._validar("tipo", dict(TipoMiembro.choices), _("el tipo de miembro")),
            "estado": self._validar("estado", dict(EstadoPractica.choices), _("el estado")),
            "anio": self._validar("anio", anios, _("el año")),
        }

    # Filtering ---------------------------------------------------------------

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
        qs = con_miembro(practicas_publicas(self.locale)).annotate(anio=ExtractYear("fecha_inicio"))
        if self.q:
            qs = qs.filter(pk__in=self._ids_busqueda())
        return qs

    def _ids_busqueda(self):
        """Primary keys of the practices that match the search, best match first."""
        if not hasattr(self, "_ids"):
            # Only words reach the backend: quotes, brackets or asterisks are
            # query syntax in SQLite's FTS5 and would break the query.
            palabras = " ".join(PALABRA.findall(self.q))
            if not palabras:
                self._ids = []
                return self._ids
            backend = get_search_backend()
            resultados = backend.search(
                palabras, practicas_publicas(self.locale).only("pk"), operator="and"
            )
            self._ids = [p.pk for p in resultados]
        return self._ids

    def _filtrar(self, qs, excepto=None):
        for nombre, valores in self.filtros.items():
            if valores and nombre != excepto:
                qs = qs.filter(self._condicion(nombre, valores))
        return qs

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
            return qs.order_by(Lower("title"), "pk")
        return qs.order_by(F("fecha_inicio").desc(nulls_last=True), "-first_published_at", "pk")

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

    def _facetas(self, base):
        facetas = []

        def ids(nombre):
            return self._filtrar(base, excepto=nombre).values("pk")

        cuentas = dict(
            EjeThrough.objects.filter(practicapage_id__in=ids("eje"))
            .values("eje_id")
            .annotate(n=Count("id"))
            .values_list("eje_id", "n")
        )
        facetas.append(
            Faceta(
                "eje",
                _("Eje"),
                [
                    self._opcion("eje", e.slug, e.nombre, cuentas.get(e.pk, 0))
                    for e in self.ejes.values()
                ],
            )
        )

        filas = (
            PracticaTag.objects.filter(content_object_id__in=ids("etiqueta"))
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
        facetas.append(Faceta("etiqueta", _("Etiqueta"), opciones))

        cuentas = dict(
            ComunaThrough.objects.filter(practicapage_id__in=ids("comuna"))
            .values("comuna__cut")
            .annotate(n=Count("id"))
            .values_list("comuna__cut", "n")
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

        cuentas = dict(
            OdsThrough.objects.filter(practicapage_id__in=ids("ods"))
            .values("metaods__codigo")
            .annotate(n=Count("id"))
            .values_list("metaods__codigo", "n")
        )
        facetas.append(
            Faceta(
                "ods",
                _("Meta ODS"),
                [
                    self._opcion("ods", codigo, str(self.metas[codigo]), cuentas.get(codigo, 0))
                    for codigo in sorted(self.metas, key=clave_ods)
                    if cuentas.get(codigo) or codigo in self.filtros["ods"]
                ],
            )
        )

        cuentas = dict(
            self._filtrar(base, excepto="tipo")
            .order_by()
            .values("tipo_miembro")
            .annotate(n=Count("pk"))
            .values_list("tipo_miembro", "n")
        )
        facetas.append(
            Faceta(
                "tipo",
                _("Tipo de miembro"),
                [self._opcion("tipo", v, t, cuentas.get(v, 0)) for v, t in TipoMiembro.choices],
            )
        )

        cuentas = dict(
            self._filtrar(base, excepto="estado")
            .order_by()
            .values("estado")
            .annotate(n=Count("pk"))
            .values_list("estado", "n")
        )
        facetas.append(
            Faceta(
                "estado",
                _("Estado"),
                [
                    self._opcion("estado", v, t, cuentas.get(v, 0))
                    for v, t in EstadoPractica.choices
                ],
            )
        )

        cuentas = dict(
            self._filtrar(base, excepto="anio")
            .exclude(anio=None)
            .order_by()
            .values("anio")
            .annotate(n=Count("pk"))
            .values_list("anio", "n")
        )
        anios = sorted({str(a) for a in cuentas} | set(self.filtros["anio"]), reverse=True)
        facetas.append(
            Faceta(
                "anio",
                _("Año de inicio"),
                [self._opcion("anio", a, a, cuentas.get(int(a), 0)) for a in anios],
            )
        )
        return facetas

    def _activos(self):
        """The filters in use, each with a link that removes it."""
        nombres = {
            "eje": lambda v: self.ejes[v].nombre,
            "etiqueta": lambda v: self.etiquetas[v].name,
            "comuna": lambda v: self.comunas[v].nombre,
            "ods": lambda v: _("Meta %(codigo)s") % {"codigo": v},
            "tipo": lambda v: dict(TipoMiembro.choices)[v],
            "estado": lambda v: dict(EstadoPractica.choices)[v],
            "anio": lambda v: v,
        }
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
        """For an empty result: how many practices each removal would bring back."""
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

    def resolver(self):
        self.filtros = self._leer_filtros()
        base = self._base()
        resultados = self._ordenar(self._filtrar(base))
        paginator = Paginator(resultados, POR_PAGINA)
        numero = self.params.get("page", "1")
        try:
            pagina = paginator.page(numero)
        except (PageNotAnInteger, EmptyPage) as error:
            if paginator.count == 0 and numero == "1":
                pagina = paginator.page(1)
            else:
                raise Http404(_("Esa página de resultados no existe.")) from error
        practicas = preparar_listado(pagina.object_list)
        activos = self._activos()
        contexto = {
            "q": self.q,
            "orden": self.orden,
            "ordenes": [
                {"valor": v, "texto": t, "activo": v == self.orden, "url": self._url(orden=v)}
                for v, t in ORDENES.items()
            ],
            "filtros": self.filtros,
            "activos": activos,
            "limpiar_url": "?",
            "avisos": self.avisos,
            "total": paginator.count,
            "pagina": pagina,
            "practicas": practicas,
            "facetas": self._facetas(base),
            "paginas": [
                {"numero": n, "url": None if n == paginator.ELLIPSIS else self._url(page=str(n))}
                for n in paginator.get_elided_page_range(pagina.number, on_each_side=2, on_ends=1)
            ],
            "anterior_url": self._url(page=str(pagina.number - 1))
            if pagina.has_previous()
            else None,
            "siguiente_url": self._url(page=str(pagina.number + 1)) if pagina.has_next() else None,
        }
        if paginator.count == 0 and activos:
            contexto["sugerencias"] = self._sugerencias(base)
        return contexto
