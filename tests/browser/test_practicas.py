"""axe-core finds no violation on the library and a practice page; filters work by
keyboard, without JavaScript, and on a phone the results come first."""

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
    comunas = pagina.locator("nav[aria-labelledby=faceta-comuna]")
    mas = comunas.locator("details:not([open]) > summary")
    if mas.count():
        mas.click()  # a <details>: no script needed
    comunas.get_by_role("link", name="San Joaquín (", exact=False).click()
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


def test_on_a_phone_the_first_result_is_within_two_screens(demo_site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site.url + "/practicas/")
    primera = page.locator(".practicas-lista .card").first
    assert primera.bounding_box()["y"] < 2 * 844
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The filters wait folded under «Filtrar», and open with a tap.
    comuna = page.locator("nav[aria-labelledby=faceta-comuna]")
    expect(comuna).to_be_hidden()
    page.locator("#filtros > summary").click()
    expect(comuna).to_be_visible()


def test_the_keyboard_reaches_the_first_result_in_a_few_presses(demo_site, page):
    page.goto(demo_site.url + "/practicas/")
    primera = page.locator(".practicas-lista .card a").first
    pulsaciones = 0
    while pulsaciones < 15 and not primera.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
        pulsaciones += 1
        if page.evaluate("document.activeElement.textContent") == "Ir a los resultados":
            page.keyboard.press("Enter")
    assert primera.evaluate("e => e === document.activeElement")
    assert pulsaciones <= 5  # skip link, «Ir a los resultados», the two sort links, the card


def test_after_choosing_a_filter_the_reader_lands_on_the_results(demo_site, page):
    page.goto(demo_site.url + "/practicas/")
    page.get_by_role("link", name="Datos abiertos (", exact=False).first.click()
    page.wait_for_url("**eje=datos-abiertos#resultados")
    assert page.locator("#resultados-titulo").bounding_box()["y"] < 200
    page.keyboard.press("Tab")  # the next stop is in the results, not the header
    foco = page.evaluate("document.activeElement.closest('#resultados') !== null")
    assert foco
