"""Every public page type, in Spanish and English, is valid HTML (Nu HTML Checker).

The checker is `vnu-jar` from the npm registry, installed in .tools/ by
`make vnu` (.ci/run does it) and run with the machine's Java. The pages are
fetched from the demo live server as an anonymous visitor receives them; all
of them go to one run of the checker (one JVM start).
"""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

VNU_JAR = (
    Path(settings.BASE_DIR) / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
JAVA = shutil.which("java")

pytestmark = [
    pytest.mark.skipif(JAVA is None, reason="Java no está instalado (apt-get install default-jre)"),
    pytest.mark.skipif(
        not VNU_JAR.exists(), reason=f"Falta el validador {VNU_JAR}: ejecute `make vnu`"
    ),
]

# Routes that are not pages of the tree; the last one shows the 404 template.
RUTAS = ["/buscar/?q=participacion", "/buscar/?q=", "/red/unete/", "/datos/", "/no-existe/"]


def rutas_a_validar():
    """One live page of each page type in each language, plus the fixed routes."""
    from wagtail.models import Page

    por_tipo = {}
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").order_by("path"):
        por_tipo.setdefault((page.content_type_id, page.locale.language_code), page.url)
    return sorted(por_tipo.values()) + RUTAS + ["/en" + ruta for ruta in RUTAS]


def descargar(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as respuesta:  # noqa: S310 - live server
            return respuesta.read()
    except urllib.error.HTTPError as error:  # the error pages must be valid too
        return error.read()


def validar(archivos):
    """Runs vnu once on every file; returns its messages of type error."""
    resultado = subprocess.run(  # noqa: S603 - fixed arguments
        [JAVA, "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *archivos],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    mensajes = json.loads(resultado.stderr)["messages"]
    return [m for m in mensajes if m["type"] in {"error", "non-document-error"}]


def test_cada_tipo_de_pagina_es_html_valido(demo_site, tmp_path):
    rutas = rutas_a_validar()
    tipos = {ruta for ruta in rutas if not ruta.startswith("/en")}
    assert len(tipos) >= 6, rutas  # the demo has at least home, content, network and members
    archivos = {}
    for numero, ruta in enumerate(rutas):
        archivo = tmp_path / f"pagina-{numero:03d}.html"
        archivo.write_bytes(descargar(demo_site.url + ruta))
        archivos[archivo.name] = (archivo, ruta)

    errores = []
    for mensaje in validar([str(archivo) for archivo, _ruta in archivos.values()]):
        nombre = mensaje.get("url", "").rsplit("/", 1)[-1]
        ruta = archivos[nombre][1] if nombre in archivos else nombre
        extracto = " ".join(mensaje.get("extract", "").split())
        errores.append(f"{ruta}:{mensaje.get('lastLine', '?')}: {mensaje['message']} «{extracto}»")
    assert errores == [], "\n".join(errores)
