"""Free-text search in a library: which pages match `?q=`.

On SQLite the words go straight to the FTS5 index Wagtail keeps (one raw
subquery, see `coincidencias_fts5`); on any other backend Wagtail's search is
asked and its answer kept until something is published.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.expressions import RawSQL
from wagtail.search.backends import get_search_backend

from nucleo.cache import en_cache

PALABRA = re.compile(r"\w+")

# Wagtail's index tables (wagtail.search.models.IndexEntry and its FTS5 twin).
SQL_FTS5 = (
    "SELECT CAST(e.object_id AS INTEGER) FROM wagtailsearch_indexentry e "
    "WHERE e.content_type_id = %s AND e.id IN (SELECT rowid FROM wagtailsearch_indexentry_fts "
    "WHERE wagtailsearch_indexentry_fts MATCH %s)"
)


def usa_fts5(backend):
    """Whether `backend` is Wagtail's SQLite FTS5 backend (its module only imports on SQLite)."""
    return connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend"


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


def ids_busqueda(publicos, q, locale):
    """The pages of `publicos` that match `q`: primary keys, or a subquery of them."""
    # Only words reach the backend: quotes, brackets or asterisks are
    # query syntax in SQLite's FTS5 and would break the query.
    palabras = PALABRA.findall(q)
    if not palabras:
        return []
    backend = get_search_backend()
    if usa_fts5(backend):
        return coincidencias_fts5(publicos.model, palabras)

    # Results are sorted by the library's own order, never by relevance:
    # asking for it would score every match for nothing.
    def buscar():
        resultados = backend.search(
            " ".join(palabras),
            publicos.only("pk"),
            operator="and",
            order_by_relevance=False,
        )
        return [p.pk for p in resultados]

    # The backend answers with primary keys: kept until something is
    # published, so a repeated search does not ask the backend again.
    clave_locale = locale.pk if locale else "-"
    return en_cache("busqueda", buscar, publicos.model.__name__, clave_locale, palabras)
