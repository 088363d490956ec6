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
    miembro: object  # the municipality's MiembroPage, or None
    camino: str
    centro: tuple

    @property
    def etiqueta_estado(self):
        return Estado.ETIQUETAS[self.estado]


def estado_de(miembro):
    if miembro is None:
        return Estado.NO_MIEMBRO
    return Estado.PILOTO if miembro.es_piloto else Estado.MIEMBRO


def municipalidades_miembro():
    """Live, public municipality members by CUT of their comuna (one query)."""
    from .models import MiembroPage, TipoMiembro

    miembros = (
        MiembroPage.objects.live()
        .public()
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
    from home.traduccion import idioma_actual, traductor

    from .models import Comuna

    geo = geometria()
    miembros = municipalidades_miembro()
    idioma = idioma or idioma_actual()
    traducir = traductor(miembros.values(), idioma)
    comunas = []
    for comuna in Comuna.objects.order_by("nombre"):
        miembro = miembros.get(comuna.cut)
        comunas.append(
            ComunaEnMapa(
                cut=comuna.cut,
                nombre=comuna.nombre,
                provincia=comuna.provincia,
                estado=estado_de(miembro),
                miembro=traducir(miembro) if miembro else None,
                camino=geo.caminos[comuna.cut],
                centro=geo.centros[comuna.cut],
            )
        )
    return {
        "comunas": comunas,
        "geometria": geo,
        "leyenda": [
            {
                "estado": estado,
                "etiqueta": Estado.ETIQUETAS[estado],
                "total": sum(1 for c in comunas if c.estado == estado),
            }
            for estado in Estado.ORDEN
        ],
        "participantes": sum(1 for c in comunas if c.estado != Estado.NO_MIEMBRO),
        "total": len(comunas),
    }
