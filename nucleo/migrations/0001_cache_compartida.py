"""The table of the shared cache (nucleo/cache_compartida.py) when there is no Redis:
`make migrate`, `make run` and the tests create it with the rest of the schema."""

from django.core.management import call_command
from django.db import migrations


def crear_tabla(apps, schema_editor):
    # Only the caches of the settings that use the database; none with Redis.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(crear_tabla, migrations.RunPython.noop)]
