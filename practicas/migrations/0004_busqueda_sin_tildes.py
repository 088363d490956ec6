"""On PostgreSQL: a text-search configuration `red_es` = Spanish stemming + unaccent.

The settings use it as SEARCH_CONFIG when the database is PostgreSQL, so that
"participacion", "participación" and "participaciones" find the same practices.
Nothing to do on SQLite, whose FTS5 index already ignores accents and case.
"""

from django.db import migrations

CREAR = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'red_es') THEN
        CREATE TEXT SEARCH CONFIGURATION red_es (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION red_es
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
END
$$;
"""
BORRAR = "DROP TEXT SEARCH CONFIGURATION IF EXISTS red_es;"


def crear(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREAR)


def borrar(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BORRAR)


class Migration(migrations.Migration):
    dependencies = [("practicas", "0003_cargar_ejes_y_metas_ods")]

    operations = [migrations.RunPython(crear, borrar)]
