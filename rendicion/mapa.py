"""The 52-comuna map of a program: how many of its commitments reach each comuna.

Drawn by the network's own map component (`components/mapa_comunas.html`, outlines
from red.mapa). Commitments for the whole region are counted apart, in the
summary: counted in every comuna they would paint the whole map the same colour
and tell nothing. Two queries whatever the number of commitments.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from red.mapa import geometria
from red.models import Comuna

MINIMO_VARIOS = 3  # from this many specific commitments a comuna gets the darkest colour


class EstadoEnPrograma:
    VARIOS = "comp-varios"
    ALGUNO = "comp-alguno"
    NINGUNO = "comp-ninguno"

    ETIQUETAS = {
        VARIOS: _("%(n)s o más compromisos específicos"),
        ALGUNO: _("1 o 2 compromisos específicos"),
        NINGUNO: _("Sin compromisos específicos"),
    }
    ORDEN = [VARIOS, ALGUNO, NINGUNO]


@dataclass
class Enlace:
    title: str


@dataclass
class ComunaDelPrograma:
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


def mapa_del_programa(programa, compromisos):
    """`compromisos`: the program's live, public commitments (a queryset)."""
    geo = geometria()
    por_cut = dict(
        Comuna.objects.filter(compromisos__in=compromisos.values("pk"))
        .values_list("cut")
        .annotate(n=Count("compromisos", distinct=True))
    )
    region = compromisos.filter(toda_la_region=True).count()
    comunas = []
    for comuna in Comuna.objects.all():
        n = por_cut.get(comuna.cut, 0)
        estado = (
            EstadoEnPrograma.VARIOS
            if n >= MINIMO_VARIOS
            else EstadoEnPrograma.ALGUNO
            if n
            else EstadoEnPrograma.NINGUNO
        )
        comunas.append(
            ComunaDelPrograma(
                cut=comuna.cut,
                nombre=comuna.nombre,
                provincia=comuna.provincia,
                estado=estado,
                etiqueta_estado=ngettext(
                    "%(n)s compromiso específico", "%(n)s compromisos específicos", n
                )
                % {"n": n},
                enlace=Enlace(
                    title=_("Ver los compromisos en %(comuna)s") % {"comuna": comuna.nombre}
                )
                if n
                else None,
                url=f"{programa.url}?comuna={comuna.cut}#compromisos" if n else "",
                camino=geo.caminos[comuna.cut],
                centro=geo.centros[comuna.cut],
                total=n,
            )
        )
    leyenda = [
        {
            "estado": estado,
            "etiqueta": str(EstadoEnPrograma.ETIQUETAS[estado]) % {"n": MINIMO_VARIOS},
            "total": sum(1 for c in comunas if c.estado == estado),
        }
        for estado in EstadoEnPrograma.ORDEN
    ]
    con_alguno = sum(1 for c in comunas if c.total)
    return {
        "comunas": comunas,
        "geometria": geo,
        "leyenda": [item for item in leyenda if item["total"]],
        "titulo": _("Compromisos en cada comuna"),
        "titulo_svg": _(
            "Mapa de las 52 comunas de la Región Metropolitana según los compromisos que "
            "las alcanzan"
        ),
        "resumen": " ".join(
            [
                _("%(con)s de las %(total)s comunas tienen compromisos específicos.")
                % {"con": con_alguno, "total": len(comunas)},
                ngettext(
                    "Además, %(n)s compromiso es para toda la región.",
                    "Además, %(n)s compromisos son para toda la región.",
                    region,
                )
                % {"n": region},
            ]
        ),
        "columna_enlace": _("Compromisos"),
        "sin_enlace": _("Sin compromisos específicos"),
    }
