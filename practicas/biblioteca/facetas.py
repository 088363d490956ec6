"""A library's facets, active filters and suggestions for an empty result.

Each facet counts what its options would give with every *other* filter
applied, in one grouped query per facet (through the many-to-many tables, or
grouping the pages by a field).
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.text import Truncator
from django.utils.translation import gettext as _

MAX_ETIQUETAS = 25
# Options shown before «Ver más»: a facet of 52 comunas is 5 Tab presses, not 52.
VISIBLES = 5


@dataclass
class Faceta:
    nombre: str
    titulo: str
    opciones: list = field(default_factory=list)

    @property
    def _corte(self):
        # «Ver 1 opción más» would cost as much as the option itself.
        return VISIBLES if len(self.opciones) > VISIBLES + 1 else len(self.opciones)

    @property
    def visibles(self):
        return self.opciones[: self._corte]

    @property
    def ocultas(self):
        return self.opciones[self._corte :]

    @property
    def ocultas_con_activa(self):
        """A chosen option stays in sight: its «Ver más» starts open."""
        return any(opcion["activa"] for opcion in self.ocultas)


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


def clave_ods(codigo):
    """Sorts 16.2 before 16.10 and 16.10 before 16.a."""
    objetivo, _sep, meta = codigo.partition(".")
    return (int(objetivo), 0 if meta.isdigit() else 1, int(meta) if meta.isdigit() else meta)


def etiqueta_corta_ods(codigo, nombre, palabras=6):
    """«16.7 Garantizar la adopción en todos los niveles…»: the UN wording runs to 40
    words, too long for a list of links; the practice page shows it whole."""
    return f"{codigo} {Truncator(nombre).words(palabras, truncate='…')}"


class ConFacetas:
    """Facets of a library: needs `filtros`, `relaciones`, `columna_pagina`,
    `tag_through`, `ejes`, `etiquetas`, `_filtrar()`, `_url()` and `_nombres()`."""

    def _opcion(self, nombre, valor, texto, n, completo=None):
        seleccionados = self.filtros[nombre]
        activa = valor in seleccionados
        nuevos = [v for v in seleccionados if v != valor] if activa else [*seleccionados, valor]
        return {
            "valor": valor,
            "texto": texto,
            "completo": completo,  # the full wording when `texto` is a short label
            "n": n,
            "activa": activa,
            "url": self._url(**{nombre: nuevos, "page": None}),
        }

    def _ids(self, base, nombre):
        """The pages that every filter except `nombre` lets through."""
        return self._filtrar(base, excepto=nombre).values("pk")

    def _cuentas_relacion(self, base, nombre):
        """{value: number of pages} for the many-to-many filter `nombre`."""
        through, campo = self.relaciones[nombre]
        return cuentas_m2m(through, self.columna_pagina, campo, self._ids(base, nombre))

    def _faceta_presentes(self, nombre, titulo, opciones):
        """A facet of the options some page has, plus the chosen ones.

        `opciones`: (value, text, number of pages[, full wording]), in the order shown.
        """
        elegidos = self.filtros[nombre]
        return Faceta(
            nombre,
            titulo,
            [
                self._opcion(nombre, *opcion)
                for opcion in opciones
                if opcion[2] or opcion[0] in elegidos
            ],
        )

    def _faceta_ejes(self, base):
        # By slug, the same in every language: a translated page may point to the
        # Spanish axis or to its translation.
        cuentas = self._cuentas_relacion(base, "eje")
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
