"""On PostgreSQL the library's search stems Spanish words and ignores accents (config red_es)."""

import pytest
from django.db import connection

from .factories import crear_practica
from .test_biblioteca import titulos

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Solo en PostgreSQL (DATABASE_URL=postgres://...): SQLite no tiene stemming.",
    ),
]


def test_spanish_word_forms_and_accents(client, biblioteca, renca):
    crear_practica(renca, title="Participación de jóvenes", resumen="Consultas ciudadanas.")
    crear_practica(renca, title="Datos abiertos", resumen="Publicamos planillas.")
    # Accents and case never matter; plural and verb forms meet their stem.
    for q in ("participacion", "PARTICIPACIÓN", "consulta ciudadana", "CONSULTAS"):
        assert titulos(client.get("/practicas/", {"q": q})) == ["Participación de jóvenes"], q
    for q in ("planilla", "publicar", "publicamos"):
        assert titulos(client.get("/practicas/", {"q": q})) == ["Datos abiertos"], q
