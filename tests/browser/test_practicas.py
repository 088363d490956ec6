"""axe-core finds no violation on the library and a practice page; filters work by keyboard."""

import pytest

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
    assert "eje=datos-abiertos" in pagina.url and "comuna=13129" in pagina.url
    assert "Datos abiertos de patentes" in pagina.content()
    assert "Mesas territoriales" not in pagina.content()
    pagina.get_by_label("Buscar prácticas").fill("patentes")
    pagina.locator("#contenido").get_by_role("button", name="Buscar").click()
    assert "Datos abiertos de patentes" in pagina.content()
    contexto.close()
