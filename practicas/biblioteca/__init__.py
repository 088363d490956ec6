"""The libraries' logic: reads the URL, filters, counts facets, sorts and paginates.

`BibliotecaBase` (`base`) holds what every library shares; `Biblioteca`
(practices, `/practicas/`) and `BibliotecaHerramientas` (tools, `/herramientas/`)
say which filters they have (`bibliotecas`). The open-data exports reuse the
same classes through `filtrar()`. Around them:

- `consultas`: the live, public pages and the prefetching for their cards;
- `parametros`: reading and validating the URL;
- `busqueda`: free-text search, with raw SQL on SQLite's FTS5 index;
- `facetas`: facet counts, active filters and suggestions.

URL contract (DESIGN §5): `/practicas/?q=&eje=<slug>&etiqueta=<slug>&comuna=<CUT>
&ods=<target>&orden=&page=`, plus `tipo` (member kind), `estado` and `anio`.
Values of one parameter are alternatives (OR); different parameters combine
(AND). Each facet counts what its options would give with every *other*
filter applied. The number of SQL queries does not depend on the number of
practices: items are prefetched and parents fetched in one query.
"""

from .base import BibliotecaBase
from .bibliotecas import (
    Biblioteca,
    BibliotecaHerramientas,
    ComunaThrough,
    EjeThrough,
    FormatoThrough,
    HerramientaEjeThrough,
    OdsThrough,
)
from .busqueda import PALABRA, SQL_FTS5, coincidencias_fts5, ids_busqueda, usa_fts5
from .consultas import (
    con_miembro,
    herramientas_publicas,
    ligeros,
    miembros_publicos,
    practicas_publicas,
    preparar_herramientas,
    preparar_listado,
    solo_en_espanol,
)
from .facetas import MAX_ETIQUETAS, Faceta, clave_ods, cuentas_campo, cuentas_m2m
from .parametros import CONTROL, MAX_Q, MAX_VALORES, ORDENES, ORDENES_HERRAMIENTAS, POR_PAGINA

__all__ = [
    "CONTROL",
    "MAX_ETIQUETAS",
    "MAX_Q",
    "MAX_VALORES",
    "ORDENES",
    "ORDENES_HERRAMIENTAS",
    "PALABRA",
    "POR_PAGINA",
    "SQL_FTS5",
    "Biblioteca",
    "BibliotecaBase",
    "BibliotecaHerramientas",
    "ComunaThrough",
    "EjeThrough",
    "Faceta",
    "FormatoThrough",
    "HerramientaEjeThrough",
    "OdsThrough",
    "clave_ods",
    "coincidencias_fts5",
    "con_miembro",
    "cuentas_campo",
    "cuentas_m2m",
    "herramientas_publicas",
    "ids_busqueda",
    "ligeros",
    "miembros_publicos",
    "practicas_publicas",
    "preparar_herramientas",
    "preparar_listado",
    "solo_en_espanol",
    "usa_fts5",
]
