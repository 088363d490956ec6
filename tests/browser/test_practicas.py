"""axe-core finds no violation on the library and a practice page; filters work by keyboard."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

PAGINAS = [
    "/practicas/",
    "/practicas/?eje=participacion-ciudadana&comuna=13128",
    "/practicas/?q=zzzz",
    "/red/municipalidad-de-renca/presupuesto-participativo-mixto/",
    "/red/gobierno-de-santiago/rendicion-de-cuentas-programa-de-gobierno/",
]


@pytest.mark.parametrize("path", PAGINAS)
def test_axe_finds_no_violation(demo_site, page, path):
    page.goto(demo_site.url + path)
    assert axe_violations(page) == []


def test_filters_work_without_javascript(demo_site, browser):
    contexto = browser.new_context(java_script_enabled=False, locale="es-CL")
    pagina = contexto.new_page()
    pagina.goto(demo_site.url + "/practicas/")
    pagina.get_by_role("link", name="Datos abiertos (", exact=False).first.click()
    pagina.get_by_role("link", name="San Joaquín (", exact=False).first.click()
    # A click does not wait for the next document: wait for its URL and its text
    # (reading the page mid-navigation gives an empty document).
    pagina.wait_for_url("**eje=datos-abiertos**comuna=13129**")
    contenido = pagina.locator("#contenido")
    expect(contenido).to_contain_text("Datos abiertos de patentes")
    expect(contenido).not_to_contain_text("Mesas territoriales")
    pagina.get_by_label("Buscar prácticas").fill("patentes")
    contenido.get_by_role("button", name="Buscar").click()
    pagina.wait_for_url("**q=patentes**")
    expect(pagina.locator("#contenido")).to_contain_text("Datos abiertos de patentes")
    contexto.close()
