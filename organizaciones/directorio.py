"""The public directory `/red/organizaciones/`: filters, counts per comuna and the map.

A plain GET form (works without JavaScript; every result has its address:
`?comuna=13128&tipo=junta-de-vecinos&estado=verificada&q=villa`). An invalid
value is dropped and reported, never an error page. The name search compares
`nombre_busqueda` (lower case, no accents, filled on save), so it behaves the
same on SQLite and PostgreSQL and uses an index-friendly column.

Queries do not grow with the number of organizations: the choices of the form
(kept in the cache), one count, one page of results with its kind and comuna,
one query for the comunas of that page, one GROUP BY for the map.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nucleo.cache import en_cache
from red.mapa import geometria

from .models import EstadoOrganizacion, Organizacion, TipoOrganizacion

ESTADOS_PUBLICOS = [
    (v, e) for v, e in EstadoOrganizacion.choices if v != EstadoOrganizacion.RECHAZADA
]


class FiltroOrganizacionesForm(forms.Form):
    q = forms.CharField(label=_("Nombre"), required=False, max_length=100, strip=True)
    comuna = forms.ChoiceField(label=_("Comuna"), required=False)
    tipo = forms.ChoiceField(label=_("Tipo de organización"), required=False)
    estado = forms.ChoiceField(
        label=_("Estado"),
        required=False,
        choices=[("", _("Todos los estados")), *ESTADOS_PUBLICOS],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from red.models import Comuna

        comunas = en_cache(
            "comunas-directorio", lambda: list(Comuna.objects.values_list("cut", "nombre"))
        )
        tipos = en_cache(
            "catastro-tipos",
            lambda: list(TipoOrganizacion.objects.values_list("slug", "nombre", "nombre_en")),
        )
        self.fields["comuna"].choices = [("", _("Todas las comunas")), *comunas]
        self.fields["tipo"].choices = [("", _("Todos los tipos"))] + [
            (slug, TipoOrganizacion(nombre=n, nombre_en=en).nombre_traducido())
            for slug, n, en in tipos
        ]
        self.fields["q"].widget.input_type = "search"
        self.fields["q"].widget.attrs.update({"autocomplete": "off"})

    def valores(self):
        self.is_valid()
        return {
            nombre: self.cleaned_data.get(nombre, "")
            for nombre in self.fields
            if nombre not in self.errors
        }


def filtrar(valores):
    consulta = Organizacion.objects.publicas()
    if valores.get("comuna"):
        cut = valores["comuna"]
        consulta = consulta.filter(Q(comuna__cut=cut) | Q(comunas__cut=cut)).distinct()
    if valores.get("tipo"):
        consulta = consulta.filter(tipo__slug=valores["tipo"])
    if valores.get("estado"):
        consulta = consulta.filter(estado=valores["estado"])
    if valores.get("q"):
        consulta = consulta.buscar(valores["q"])
    return consulta


def conteos_por_comuna():
    """{CUT: (organizations, verified)} of the public organizations working there (one query)."""
    through = Organizacion.comunas.through
    filas = (
        through.objects.exclude(organizacion__estado=EstadoOrganizacion.RECHAZADA)
        .values("comuna__cut")
        .annotate(
            total=Count("organizacion_id"),
            verificadas=Count(
                "organizacion_id",
                filter=Q(organizacion__estado=EstadoOrganizacion.VERIFICADA),
            ),
        )
        .order_by()
    )
    return {f["comuna__cut"]: (f["total"], f["verificadas"]) for f in filas}


class EstadoMapa:
    CON_VERIFICADAS = "org-verificadas"
    SOLO_REGISTRADAS = "org-registradas"
    SIN_REGISTRO = "org-sin-registro"

    ETIQUETAS = {
        CON_VERIFICADAS: _("Con organizaciones verificadas"),
        SOLO_REGISTRADAS: _("Con organizaciones registradas, aún sin verificar"),
        SIN_REGISTRO: _("Sin organizaciones registradas"),
    }
    ORDEN = [CON_VERIFICADAS, SOLO_REGISTRADAS, SIN_REGISTRO]


@dataclass
class Enlace:
    title: str


@dataclass
class ComunaConConteo:
    """What `components/mapa_comunas.html` reads for one comuna, with a plain `url`."""

    cut: str
    nombre: str
    provincia: str
    estado: str
    etiqueta_estado: str
    enlace: object
    url: str
    camino: str
    centro: tuple
    total: int
    verificadas: int


def texto_conteo(nombre, total, verificadas):
    """«Renca: 143 organizaciones, 97 verificadas»."""
    organizaciones = ngettext("%(total)s organización", "%(total)s organizaciones", total) % {
        "total": total
    }
    verificadas_texto = ngettext(
        "%(verificadas)s verificada", "%(verificadas)s verificadas", verificadas
    ) % {"verificadas": verificadas}
    return f"{organizaciones}, {verificadas_texto}"


def mapa_de_organizaciones(url_directorio):
    """The 52-comuna map with the organizations of each comuna (two queries)."""
    from red.models import Comuna

    geo = geometria()
    conteos = conteos_por_comuna()
    comunas = []
    for comuna in Comuna.objects.all():
        total, verificadas = conteos.get(comuna.cut, (0, 0))
        if verificadas:
            estado = EstadoMapa.CON_VERIFICADAS
        elif total:
            estado = EstadoMapa.SOLO_REGISTRADAS
        else:
            estado = EstadoMapa.SIN_REGISTRO
        texto = texto_conteo(comuna.nombre, total, verificadas)
        comunas.append(
            ComunaConConteo(
                cut=comuna.cut,
                nombre=comuna.nombre,
                provincia=comuna.provincia,
                estado=estado,
                etiqueta_estado=texto,
                enlace=Enlace(
                    title=_("Ver las organizaciones de %(comuna)s") % {"comuna": comuna.nombre}
                )
                if total
                else None,
                url=f"{url_directorio}?comuna={comuna.cut}#resultados" if total else "",
                camino=geo.caminos[comuna.cut],
                centro=geo.centros[comuna.cut],
                total=total,
                verificadas=verificadas,
            )
        )
    return {
        "comunas": comunas,
        "geometria": geo,
        "leyenda": [
            {
                "estado": estado,
                "etiqueta": EstadoMapa.ETIQUETAS[estado],
                "total": sum(1 for c in comunas if c.estado == estado),
            }
            for estado in EstadoMapa.ORDEN
        ],
        "titulo": _("Organizaciones registradas en cada comuna"),
        "resumen": _(
            "Hay organizaciones registradas en %(comunas)s de las %(total)s comunas. Una "
            "organización se cuenta en cada comuna donde trabaja."
        )
        % {"comunas": sum(1 for c in comunas if c.total), "total": len(comunas)},
        "columna_enlace": _("Directorio"),
        "sin_enlace": _("Sin organizaciones registradas"),
    }
