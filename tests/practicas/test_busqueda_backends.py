"""The search backend is configuration: the site keeps working when it is switched.

Production may move search to OpenSearch/Elasticsearch (WAGTAILSEARCH_URL); this
machine has no such server, so the switch is tested two ways: the settings build
the OpenSearch backend from the environment, and the site's searches answer
through another Wagtail backend (the database fallback) switched in settings.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

from .factories import crear_practica
from .test_biblioteca import titulos


@pytest.fixture
def backend_alternativo(settings):
    from wagtail.search.backends import get_search_backend

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database.fallback"}
    }
    backend = get_search_backend()
    assert type(backend).__module__.endswith("fallback")
    return backend


def test_library_and_site_search_answer_through_another_backend(
    client, biblioteca, renca, backend_alternativo
):
    crear_practica(renca, title="Cabildos ciudadanos", resumen="Conversaciones abiertas.")
    crear_practica(renca, title="Planillas publicadas", resumen="Publicamos planillas.")
    assert titulos(client.get("/practicas/", {"q": "Cabildos"})) == ["Cabildos ciudadanos"]
    respuesta = client.get("/buscar/", {"q": "Cabildos"})
    assert respuesta.status_code == 200
    assert "Cabildos ciudadanos" in respuesta.content.decode()
    assert "Planillas publicadas" not in respuesta.content.decode()


def test_opensearch_is_configured_from_the_environment():
    codigo = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
    )
    entorno = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "red.settings.production",
        "SECRET_KEY": "x" * 60,
        "DATABASE_URL": "sqlite:///:memory:",
        "ALLOWED_HOSTS": "redgobiernoabierto.example",
        "WAGTAILSEARCH_URL": "https://buscador.interno:9200",
        "WAGTAILSEARCH_INDEX": "rga",
    }
    salida = subprocess.run(  # noqa: S603 - our own interpreter and settings
        [sys.executable, "-c", codigo],
        cwd=settings.BASE_DIR,
        env=entorno,
        capture_output=True,
        text=True,
        check=True,
    )
    backend = json.loads(salida.stdout.strip().splitlines()[-1])
    assert backend["BACKEND"] == "wagtail.search.backends.opensearch2"
    assert backend["URLS"] == ["https://buscador.interno:9200"]
    assert backend["INDEX"] == "rga"


def test_the_sqlite_shortcut_finds_exactly_what_the_backend_finds(biblioteca, renca, maipu):
    """On SQLite the library asks FTS5 directly (Wagtail's query is slow there): same matches."""
    from wagtail.search.backends import get_search_backend

    from practicas.biblioteca import coincidencias_fts5, practicas_publicas, usa_fts5
    from practicas.models import PracticaPage

    backend = get_search_backend()
    if not usa_fts5(backend):
        pytest.skip("El atajo solo se usa con el índice FTS5 de SQLite")
    crear_practica(renca, title="Participación de jóvenes", resumen="Consultas ciudadanas.")
    crear_practica(maipu, title="Datos abiertos", resumen="Participación en planillas abiertas.")
    crear_practica(maipu, title="Cuentas públicas", resumen="Rendición de cuentas anual.")
    for palabras in (["participacion"], ["PARTICIPACIÓN", "jovenes"], ["abiertos"], ["zzz"]):
        esperado = {
            p.pk
            for p in backend.search(
                " ".join(palabras), practicas_publicas().only("pk"), operator="and"
            )
        }
        atajo = set(
            PracticaPage.objects.filter(
                pk__in=coincidencias_fts5(PracticaPage, palabras)
            ).values_list("pk", flat=True)
        )
        assert atajo == esperado, palabras
    assert len(esperado) == 0 and palabras == ["zzz"]
