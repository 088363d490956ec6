"""scripts/respaldo.sh and scripts/restaurar.sh: the demo site survives a backup and a
restore into an empty PostgreSQL database, every page and its media included."""

import json
import os
import shutil
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import pytest

from .conftest import RAIZ

URL_SUITE = os.environ.get("DATABASE_URL", "")

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not URL_SUITE.startswith("postgres"),
        reason="el respaldo se prueba cuando la suite corre en PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.skipif(
        not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")),
        reason="faltan pg_dump, pg_restore o psql (paquete postgresql-client)",
    ),
]

# Runs inside `manage.py shell`: every live page answers and the document is served.
VERIFICAR = """
import json
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page, Site
site = Site.objects.get(is_default_site=True)
site.hostname = "testserver"; site.save()
cliente = Client()
vivas = Page.objects.live().filter(depth__gt=1).specific()
paginas = {p.url: cliente.get(p.url).status_code for p in vivas}
documento = Document.objects.get(title="Acta de prueba del respaldo")
servido = b"".join(cliente.get(documento.url).streaming_content)
print(json.dumps({"paginas": paginas, "documento": servido.decode()}))
"""

PREPARAR = """
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
archivo = ContentFile(b"contenido del acta", name="acta.txt")
Document.objects.create(title="Acta de prueba del respaldo", file=archivo)
"""


def url_con_base(nombre):
    partes = urlsplit(URL_SUITE)
    return urlunsplit(partes._replace(path=f"/{nombre}"))


def psql(sql):
    subprocess.run(  # noqa: S603
        [shutil.which("psql"), url_con_base("postgres"), "-qc", sql],
        check=True,
        capture_output=True,
    )


def correr(argumentos, entorno, **kwargs):
    return subprocess.run(  # noqa: S603
        argumentos, cwd=RAIZ, env=entorno, check=True, capture_output=True, text=True, **kwargs
    )


@pytest.fixture
def bases():
    sufijo = os.environ.get("PYTEST_XDIST_WORKER", "main")
    nombres = [f"rga_respaldo_origen_{sufijo}", f"rga_respaldo_destino_{sufijo}"]
    for nombre in nombres:
        psql(f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')
        psql(f'CREATE DATABASE "{nombre}"')
    yield [url_con_base(n) for n in nombres]
    for nombre in nombres:
        psql(f'DROP DATABASE IF EXISTS "{nombre}" WITH (FORCE)')


def test_respaldar_y_restaurar_en_una_base_vacia_encuentra_cada_pagina(bases, tmp_path):
    origen, destino = bases
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "red.settings.test",
        "REDIS_URL": "",
    }
    entorno_origen = {**base, "DATABASE_URL": origen, "MEDIA_ROOT": str(tmp_path / "medios-origen")}
    entorno_destino = {
        **base,
        "DATABASE_URL": destino,
        "MEDIA_ROOT": str(tmp_path / "medios-destino"),
    }
    manage = [sys.executable, "manage.py"]

    correr([*manage, "migrate", "--noinput", "-v0"], entorno_origen)
    correr([*manage, "cargar_demo"], entorno_origen)
    correr([*manage, "shell", "-c", PREPARAR], entorno_origen)
    antes = json.loads(
        correr([*manage, "shell", "-c", VERIFICAR], entorno_origen).stdout.splitlines()[-1]
    )
    assert len(antes["paginas"]) >= 5
    assert set(antes["paginas"].values()) == {200}

    carpeta = tmp_path / "respaldo"
    correr(["bash", "scripts/respaldo.sh", str(carpeta)], entorno_origen)
    assert {p.name for p in carpeta.iterdir()} == {"base.dump", "medios.tar.gz", "SHA256SUMS"}

    correr(["bash", "scripts/restaurar.sh", str(carpeta)], entorno_destino)
    despues = json.loads(
        correr([*manage, "shell", "-c", VERIFICAR], entorno_destino).stdout.splitlines()[-1]
    )
    assert despues == antes
    assert despues["documento"] == "contenido del acta"

    # A second restore onto the now non-empty database is refused.
    with pytest.raises(subprocess.CalledProcessError) as error:
        correr(["bash", "scripts/restaurar.sh", str(carpeta)], entorno_destino)
    assert "base vacía" in error.value.stderr
