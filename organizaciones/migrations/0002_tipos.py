"""The legal kinds of citizen organizations (editable afterwards in the admin)."""

from django.db import migrations

TIPOS = [
    ("junta-de-vecinos", "Junta de vecinos", "Neighbourhood council (junta de vecinos)"),
    ("union-comunal", "Unión comunal", "Communal union"),
    ("organizacion-funcional", "Organización comunitaria funcional (Ley 19.418)",
     "Functional community organisation (Law 19,418)"),
    ("club-deportivo", "Club deportivo", "Sports club"),
    ("centro-cultural", "Centro cultural", "Cultural centre"),
    ("interes-publico", "Organización de interés público (Ley 20.500)",
     "Public-interest organisation (Law 20,500)"),
    ("ong", "ONG", "NGO"),
    ("fundacion", "Fundación", "Foundation"),
    ("corporacion", "Corporación", "Non-profit corporation"),
    ("otra", "Otra organización", "Other organisation"),
]


def crear(apps, schema_editor):
    Tipo = apps.get_model("organizaciones", "TipoOrganizacion")
    for orden, (slug, nombre, nombre_en) in enumerate(TIPOS):
        Tipo.objects.get_or_create(
            slug=slug, defaults={"nombre": nombre, "nombre_en": nombre_en, "orden": orden * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("organizaciones", "0001_initial")]
    operations = [migrations.RunPython(crear, migrations.RunPython.noop)]
