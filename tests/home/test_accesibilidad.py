"""The accessibility statement of the demo content: complete, and written in plain language."""

import pytest

from home.demo_accesibilidad import FECHA_REVISION
from home.models import ContentPage
from nucleo.lenguaje_claro import analizar, terminos_de_jerga, texto_de_valor


@pytest.fixture
def declaracion(demo_del_modulo, db):
    return ContentPage.objects.get(slug="accesibilidad")


def test_la_declaracion_dice_meta_pruebas_limites_contacto_y_fecha(declaracion, client):
    response = client.get(declaracion.url)
    html = response.content.decode()
    for texto in (
        "WCAG) 2.2, nivel AA",
        "axe-core",
        "en español y en inglés",
        "con el teclado solo",
        "Nu HTML Checker",
        "contraste de al menos 4,5 a 1",
        "Lo que todavía no funciona bien",
        "Cómo avisarnos de una barrera",
        "10 días hábiles",
        f"Revisamos esta declaración el {FECHA_REVISION}",
    ):
        assert texto in html, texto
    # The footer links to it, so it is one click away from every page.
    assert f'href="{declaracion.url}">Accesibilidad</a>' in client.get("/").content.decode()


def test_la_declaracion_esta_en_lenguaje_claro(declaracion):
    texto = "\n".join([texto_de_valor(declaracion.intro), texto_de_valor(declaracion.body)])
    analisis = analizar(texto, terminos_de_jerga())
    assert analisis.szigriszt_pazos >= 55, analisis  # INFLESZ «normal» or easier
    assert analisis.sugerencias == []
