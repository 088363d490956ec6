"""The map of the 52 comunas, drawn on the server as inline SVG.

The outlines come from `static/datos/comunas_rm.geojson` (longitude/latitude,
CRS84). They are projected once per process with an equirectangular
projection scaled by the cosine of the region's central latitude: over the
1.4° of latitude that the region spans, the distortion of that projection is
below 1 %, which no reader of a 600-pixel map can see, and it needs no
projection library. The projected paths are cached (`lru_cache`): the
geometry is static, only the status of each comuna changes with the members.

`mapa_de_comunas()` joins that geometry with the live members of the network
in two or three queries and returns what `components/mapa_comunas.html`
needs: one entry per comuna with its outline, its status and the page it
links to. The zoomed view of the dense Provincia de Santiago reuses the same
outlines with a smaller viewBox.
"""

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ANCHO_MAPA = 600
MARGEN = 8
PROVINCIA_AMPLIADA = "Santiago"
# Lo Barnechea is mostly mountains: large and legible in the region view, it
# would shrink the zoom on the dense urban comunas if it were part of it.
FUERA_DE_AMPLIACION = {"13115"}


class Estado:
    """The status of a comuna in the network, from its municipality's membership."""

    PILOTO = "piloto"
    MIEMBRO = "miembro"
    NO_MIEMBRO = "no-miembro"

    ETIQUETAS = {
        PILOTO: _("Comuna piloto de la Red"),
        MIEMBRO: _("Municipalidad miembro de la Red"),
        NO_MIEMBRO: _("Aún no es miembro"),
    }
    ORDEN = [PILOTO, MIEMBRO, NO_MIEMBRO]


class EstadoEnPractica:
    """Where one practice runs and where other members repeated it."""

    APLICA = "aplica"
    REPLICADA = "replicada"
    EN_PROCESO = "en-replicacion"
    SIN_REGISTRO = "sin-registro"

    ETIQUETAS = {
        APLICA: _("Se aplica aquí"),
        REPLICADA: _("Replicada aquí"),
        EN_PROCESO: _("Se está replicando aquí"),
        SIN_REGISTRO: _("Sin registro de esta práctica"),
    }
    ORDEN = [APLICA, REPLICADA, EN_PROCESO, SIN_REGISTRO]


@dataclass(frozen=True)
class Geometria:
    """The projected outlines: one SVG path per comuna, in a `ancho` × `alto` box."""

    ancho: int
    alto: int
    caminos: dict  # CUT → SVG path data
    centros: dict  # CUT → (x, y) where the comuna's name is written
    # The zoomed view of the Provincia de Santiago: a rectangle of the same
    # coordinates (x, y, width, height), used as the viewBox of the second map.
    ampliacion: tuple

    @property
    def viewbox(self):
        return f"0 0 {self.ancho} {self.alto}"

    @property
    def viewbox_ampliacion(self):
        return " ".join(f"{v:g}" for v in self.ampliacion)

    @property
    def alto_ampliacion(self):
        """Height of the zoomed view when drawn `ancho` pixels wide."""
        x, y, ancho, alto = self.ampliacion
        return round(self.ancho * alto / ancho)


def ruta_geojson():
    return finders.find("datos/comunas_rm.geojson")


def _anillos(geometria):
    if geometria["type"] == "Polygon":
        return geometria["coordinates"]
    if geometria["type"] == "MultiPolygon":
        return [anillo for poligono in geometria["coordinates"] for anillo in poligono]
    raise ValueError(geometria["type"])


def _proyectar(features, ancho):
    """Fits the features into a box `ancho` pixels wide.

    Returns the height of the box, the SVG path and the label position (the
    mean of the vertices) of each feature, and the projection function.
    """
    puntos = [p for f in features for anillo in _anillos(f["geometry"]) for p in anillo]
    lon_min = min(p[0] for p in puntos)
    lon_max = max(p[0] for p in puntos)
    lat_min = min(p[1] for p in puntos)
    lat_max = max(p[1] for p in puntos)
    factor_lon = math.cos(math.radians((lat_min + lat_max) / 2))
    escala = (ancho - 2 * MARGEN) / ((lon_max - lon_min) * factor_lon)
    alto = round((lat_max - lat_min) * escala + 2 * MARGEN)

    def xy(lon, lat):
        return (
            (lon - lon_min) * factor_lon * escala + MARGEN,
            (lat_max - lat) * escala + MARGEN,
        )

    caminos, centros = {}, {}
    for feature in features:
        partes, vertices = [], []
        for anillo in _anillos(feature["geometry"]):
            coords = [xy(lon, lat) for lon, lat in anillo[:-1]]
            vertices.extend(coords)
            partes.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in coords) + "Z")
        cut = feature["properties"]["cut"]
        caminos[cut] = "".join(partes)
        centros[cut] = (
            sum(x for x, _y in vertices) / len(vertices),
            sum(y for _x, y in vertices) / len(vertices),
        )
    return alto, caminos, centros, xy


@lru_cache(maxsize=2)
def geometria(ruta=None):
    """The projected outlines of the 52 comunas, computed once per process."""
    with open(ruta or ruta_geojson(), encoding="utf-8") as archivo:
        features = json.load(archivo)["features"]
    alto, caminos, centros, xy = _proyectar(features, ANCHO_MAPA)
    densas = [
        f
        for f in features
        if f["properties"]["provincia"] == PROVINCIA_AMPLIADA
        and f["properties"]["cut"] not in FUERA_DE_AMPLIACION
    ]
    puntos = [xy(*p) for f in densas for anillo in _anillos(f["geometry"]) for p in anillo]
    x0 = min(p[0] for p in puntos) - MARGEN
    y0 = min(p[1] for p in puntos) - MARGEN
    x1 = max(p[0] for p in puntos) + MARGEN
    y1 = max(p[1] for p in puntos) + MARGEN
    return Geometria(
        ancho=ANCHO_MAPA,
        alto=alto,
        caminos=caminos,
        centros=centros,
        ampliacion=(round(x0, 1), round(y0, 1), round(x1 - x0, 1), round(y1 - y0, 1)),
    )


@dataclass
class ComunaEnMapa:
    cut: str
    nombre: str
    provincia: str
    estado: str
    etiqueta_estado: str
    enlace: object  # the page the comuna links to (its member, a practice), or None
    camino: str
    centro: tuple


def estado_de(miembro):
    if miembro is None:
        return Estado.NO_MIEMBRO
    return Estado.PILOTO if miembro.es_piloto else Estado.MIEMBRO


def municipalidades_miembro():
    """Live, public municipality members by CUT of their comuna (one query)."""
    from nucleo.consultas import sin_restricciones

    from .models import MiembroPage, TipoMiembro

    miembros = (
        MiembroPage.objects.live()
        .filter(sin_restricciones())
        .filter(
            tipo=TipoMiembro.MUNICIPALIDAD,
            comuna__isnull=False,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("comuna", "locale")
        .order_by("-es_piloto", "first_published_at")
    )
    por_cut = {}
    for miembro in miembros:
        por_cut.setdefault(miembro.comuna.cut, miembro)
    return por_cut


def mapa_de_comunas(idioma=None):
    """Every comuna with its outlines, status and member page (two or three queries).

    Links go to the member's page in `idioma` (the visitor's language by
    default) when it has been translated, to the Spanish page otherwise.
    """
    from nucleo.traduccion import idioma_actual, traductor

    geo = geometria()
    miembros = municipalidades_miembro()
    idioma = idioma or idioma_actual()
    traducir = traductor(miembros.values(), idioma)
    estados, enlaces = {}, {}
    for cut, miembro in miembros.items():
        estados[cut] = estado_de(miembro)
        enlaces[cut] = traducir(miembro)
    comunas = _comunas_en_mapa(geo, estados, enlaces, Estado.ETIQUETAS, Estado.NO_MIEMBRO)
    participantes = sum(1 for c in comunas if c.estado != Estado.NO_MIEMBRO)
    return {
        "comunas": comunas,
        "geometria": geo,
        "leyenda": _leyenda(comunas, Estado.ORDEN, Estado.ETIQUETAS),
        "participantes": participantes,
        "total": len(comunas),
        "titulo": _("Las 52 comunas de la región en la Red"),
        "resumen": _(
            "%(participantes)s de las %(total)s comunas de la Región Metropolitana "
            "participan en la Red a través de su municipalidad."
        )
        % {"participantes": participantes, "total": len(comunas)},
        "columna_enlace": _("Miembro"),
        "sin_enlace": _("Sin municipalidad miembro"),
    }


def mapa_de_practica(practica, idioma=None):
    """The same map for one practice: where it runs and where it was replicated.

    Comunas where the practice runs link to the practice; comunas where a
    member repeated it link to that member's own version when it is live, to
    the member otherwise. A comuna where the practice runs keeps that status
    even if it also appears among the replications.
    """
    from nucleo.traduccion import idioma_actual, traductor

    geo = geometria()
    idioma = idioma or idioma_actual()
    estados, enlaces = {}, {}
    replicaciones = practica.replicaciones.filter(
        comuna__isnull=False, miembro__live=True
    ).select_related("comuna", "miembro__locale", "practica_propia__locale")
    for replicacion in replicaciones:
        cut = replicacion.comuna.cut
        propia = replicacion.practica_propia
        if estados.get(cut) == EstadoEnPractica.REPLICADA:
            continue
        estados[cut] = (
            EstadoEnPractica.REPLICADA
            if replicacion.estado == "replicada"
            else EstadoEnPractica.EN_PROCESO
        )
        enlaces[cut] = propia if propia is not None and propia.live else replicacion.miembro
    for cut in practica.comunas.values_list("cut", flat=True):
        estados[cut] = EstadoEnPractica.APLICA
        enlaces[cut] = practica
    traducir = traductor(list(enlaces.values()), idioma)
    enlaces = {cut: traducir(pagina) for cut, pagina in enlaces.items()}
    comunas = _comunas_en_mapa(
        geo, estados, enlaces, EstadoEnPractica.ETIQUETAS, EstadoEnPractica.SIN_REGISTRO
    )

    def contar(estado):
        return sum(1 for c in comunas if c.estado == estado)

    return {
        "comunas": comunas,
        "geometria": geo,
        "leyenda": _leyenda(comunas, EstadoEnPractica.ORDEN, EstadoEnPractica.ETIQUETAS),
        "participantes": len(estados),
        "total": len(comunas),
        "practica": practica,
        "titulo": _("Dónde se aplica y dónde se replicó: %(titulo)s") % {"titulo": practica.title},
        "resumen": ngettext(
            "Se aplica en %(aplica)s comuna, fue replicada en %(replicada)s y se está "
            "replicando en %(en_proceso)s.",
            "Se aplica en %(aplica)s comunas, fue replicada en %(replicada)s y se está "
            "replicando en %(en_proceso)s.",
            contar(EstadoEnPractica.APLICA),
        )
        % {
            "aplica": contar(EstadoEnPractica.APLICA),
            "replicada": contar(EstadoEnPractica.REPLICADA),
            "en_proceso": contar(EstadoEnPractica.EN_PROCESO),
        },
        "columna_enlace": _("Página"),
        "sin_enlace": _("Sin registro"),
    }


def _comunas_en_mapa(geo, estados, enlaces, etiquetas, estado_por_defecto):
    from .models import Comuna

    comunas = []
    for comuna in Comuna.objects.all():
        estado = estados.get(comuna.cut, estado_por_defecto)
        comunas.append(
            ComunaEnMapa(
                cut=comuna.cut,
                nombre=comuna.nombre,
                provincia=comuna.provincia,
                estado=estado,
                etiqueta_estado=etiquetas[estado],
                enlace=enlaces.get(comuna.cut),
                camino=geo.caminos[comuna.cut],
                centro=geo.centros[comuna.cut],
            )
        )
    return comunas


def _leyenda(comunas, orden, etiquetas):
    return [
        {
            "estado": estado,
            "etiqueta": etiquetas[estado],
            "total": sum(1 for c in comunas if c.estado == estado),
        }
        for estado in orden
    ]
