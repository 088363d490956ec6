"""The two libraries: practices (`/practicas/`) and tools (`/herramientas/`).

Each says which filters it reads, how they apply and which facets it shows;
everything else is `BibliotecaBase`.
"""

from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.utils.translation import gettext as _

from practicas.models import (
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
from red.models import TOTAL_COMUNAS, Comuna, TipoMiembro

from .base import BibliotecaBase
from .consultas import (
    herramientas_publicas,
    miembros_publicos,
    practicas_publicas,
    preparar_herramientas,
    preparar_listado,
)
from .facetas import Faceta, clave_ods, cuentas_campo, etiqueta_corta_ods
from .parametros import ORDENES_HERRAMIENTAS

EjeThrough = PracticaPage.ejes.through
ComunaThrough = PracticaPage.comunas.through
OdsThrough = PracticaPage.metas_ods.through
HerramientaEjeThrough = HerramientaPage.ejes.through
FormatoThrough = HerramientaPage.formatos.through

# The comuna facet's choice for the practices that reach all 52 comunas: counted
# once there, not once in every comuna (which made the facet say nothing).
TODA_LA_REGION = "region"


def practicas_de_toda_la_region():
    """The ids of the practices that reach every comuna of the region."""
    return (
        ComunaThrough.objects.values("practicapage_id")
        .annotate(n=Count("id"))
        .filter(n__gte=TOTAL_COMUNAS)
        .values("practicapage_id")
    )


class Biblioteca(BibliotecaBase):
    """The practice library `/practicas/`."""

    nombre_lista = "practicas"
    tag_through = PracticaTag
    relaciones = {
        "eje": (EjeThrough, "eje__slug"),
        "ods": (OdsThrough, "metaods__codigo"),
    }
    columna_pagina = "practicapage_id"

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
            "comuna": self._validar(
                "comuna", {**self.comunas, TODA_LA_REGION: None}, _("la comuna con código")
            ),
            "ods": self._validar("ods", self.metas, _("la meta ODS")),
            "tipo": self._validar("tipo", dict(TipoMiembro.choices), _("el tipo de miembro")),
            "estado": self._validar("estado", dict(EstadoPractica.choices), _("el estado")),
            "anio": self._validar("anio", anios, _("el año")),
        }

    def _condicion(self, nombre, valores):
        if nombre != "comuna":
            return super()._condicion(nombre, valores)
        # A comuna gives the practices made for it; «Toda la región», those that
        # reach all 52. Both chosen: everything that applies in that comuna.
        regionales = practicas_de_toda_la_region()
        condicion = Q(pk__in=[])
        cuts = [v for v in valores if v != TODA_LA_REGION]
        if cuts:
            en_las_comunas = ComunaThrough.objects.filter(comuna__cut__in=cuts)
            condicion |= Q(pk__in=en_las_comunas.values("practicapage_id")) & ~Q(pk__in=regionales)
        if TODA_LA_REGION in valores:
            condicion |= Q(pk__in=regionales)
        return condicion

    def _faceta_comunas(self, base):
        # One query: each comuna's own practices, and the region-wide ones (which
        # are on every comuna's row, so any row gives their number).
        regional = Q(practicapage_id__in=practicas_de_toda_la_region())
        filas = (
            ComunaThrough.objects.filter(practicapage_id__in=self._ids(base, "comuna"))
            .values("comuna__cut")
            .annotate(
                propias=Count("id", filter=~regional), regionales=Count("id", filter=regional)
            )
        )
        comunas = {fila["comuna__cut"]: fila["propias"] for fila in filas}
        de_toda_la_region = max((fila["regionales"] for fila in filas), default=0)
        return self._faceta_presentes(
            "comuna",
            _("Comuna"),
            [(TODA_LA_REGION, _("Toda la región"), de_toda_la_region)]
            + [(c.cut, c.nombre, comunas.get(c.cut, 0)) for c in self.comunas.values()],
        )

    def _condicion_campo(self, nombre, valores):
        if nombre == "tipo":
            return Q(tipo_miembro__in=valores)
        if nombre == "estado":
            return Q(estado__in=valores)
        return Q(anio__in=[int(v) for v in valores])

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
        metas = self._cuentas_relacion(base, "ods")
        anios = cuentas_campo(self._filtrar(base, excepto="anio").exclude(anio=None), "anio")
        elegidos = sorted({str(a) for a in anios} | set(self.filtros["anio"]), reverse=True)
        return [
            self._faceta_ejes(base),
            self._faceta_etiquetas(base),
            self._faceta_comunas(base),
            self._faceta_presentes(
                "ods",
                _("Metas de los Objetivos de Desarrollo Sostenible (ODS)"),
                [
                    (
                        codigo,
                        etiqueta_corta_ods(codigo, meta.nombre),
                        metas.get(codigo, 0),
                        meta.nombre,
                    )
                    for codigo, meta in sorted(self.metas.items(), key=lambda m: clave_ods(m[0]))
                ],
            ),
            self._faceta_choices(
                base, "tipo", _("Tipo de miembro"), "tipo_miembro", TipoMiembro.choices
            ),
            self._faceta_choices(base, "estado", _("Estado"), "estado", EstadoPractica.choices),
            Faceta(
                "anio",
                _("Año de inicio"),
                [self._opcion("anio", a, a, anios.get(int(a), 0)) for a in elegidos],
            ),
        ]

    def _nombres(self):
        return {
            **super()._nombres(),
            "comuna": lambda v: (
                _("Toda la región") if v == TODA_LA_REGION else self.comunas[v].nombre
            ),
            "ods": lambda v: _("Meta %(codigo)s") % {"codigo": v},
            "tipo": lambda v: dict(TipoMiembro.choices)[v],
            "estado": lambda v: dict(EstadoPractica.choices)[v],
            "anio": lambda v: v,
        }


class BibliotecaHerramientas(BibliotecaBase):
    """The tools library `/herramientas/`: kind, axis, tag, member and format."""

    ordenes = ORDENES_HERRAMIENTAS
    nombre_lista = "herramientas"
    tag_through = HerramientaTag
    relaciones = {
        "eje": (HerramientaEjeThrough, "eje__slug"),
        "formato": (FormatoThrough, "formato__codigo"),
    }
    columna_pagina = "herramientapage_id"

    def publicos(self):
        return herramientas_publicas(self.locale)

    def preparar(self, items):
        return preparar_herramientas(items)

    def _leer_filtros(self):
        filtros = self._leer_ejes_y_etiquetas()
        formatos = self._lista_guardada("formatos", Formato.objects.all, "codigo", "nombre")
        self.formatos = {f.codigo: f for f in formatos}
        miembros = self._lista_guardada(
            "miembros",
            lambda: miembros_publicos(self.locale).only("slug", "title", "path"),
            "slug",
            "title",
            "path",
        )
        self.miembros = {m.slug: m for m in miembros}
        return {
            "tipo": self._validar("tipo", dict(TipoHerramienta.choices), _("el tipo")),
            **filtros,
            "miembro": self._validar("miembro", self.miembros, _("el miembro")),
            "formato": self._validar("formato", self.formatos, _("el formato")),
        }

    def _condicion_campo(self, nombre, valores):
        if nombre == "miembro":
            return Q(ruta_miembro__in=[self.miembros[v].path for v in valores])
        return Q(tipo__in=valores)

    def _facetas(self, base):
        miembros = cuentas_campo(self._filtrar(base, excepto="miembro"), "ruta_miembro")
        formatos = self._cuentas_relacion(base, "formato")
        return [
            self._faceta_choices(base, "tipo", _("Tipo"), "tipo", TipoHerramienta.choices),
            self._faceta_ejes(base),
            self._faceta_etiquetas(base),
            self._faceta_presentes(
                "miembro",
                _("Miembro"),
                [
                    (m.slug, m.title, miembros.get(m.path, 0))
                    for m in sorted(self.miembros.values(), key=lambda m: m.title)
                ],
            ),
            self._faceta_presentes(
                "formato",
                _("Formato"),
                [(c, f.nombre, formatos.get(c, 0)) for c, f in self.formatos.items()],
            ),
        ]

    def _nombres(self):
        return {
            **super()._nombres(),
            "tipo": lambda v: dict(TipoHerramienta.choices)[v],
            "miembro": lambda v: self.miembros[v].title,
            "formato": lambda v: self.formatos[v].nombre,
        }
