"""Loads the 52 comunas of the Región Metropolitana from red/data/comunas_rm.csv."""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "comunas_rm.csv"


def cargar_comunas(apps, schema_editor):
    Comuna = apps.get_model("red", "Comuna")
    with CSV_PATH.open(encoding="utf-8") as archivo:
        for fila in csv.DictReader(archivo):
            Comuna.objects.update_or_create(
                cut=fila["cut"],
                defaults={
                    "nombre": fila["comuna"],
                    "provincia": fila["provincia"],
                    "slug": slugify(fila["comuna"]),
                },
            )


class Migration(migrations.Migration):
    dependencies = [("red", "0001_initial")]

    operations = [migrations.RunPython(cargar_comunas, migrations.RunPython.noop)]
