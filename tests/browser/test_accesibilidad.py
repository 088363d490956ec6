"""axe-core finds no violation on the public pages, in Spanish and English."""

import pytest

from .conftest import axe_violations

PAGINAS = [
    ("/", "es"),
    ("/red/", "es"),
    ("/red/?tipo=alcaldia&nombre=zz", "es"),  # error summary and empty state
    ("/red/municipalidad-de-renca/", "es"),
    ("/que-es-la-red/", "es"),
    ("/politica-de-datos/", "es"),  # table block
    ("/no-existe/", "es"),
    ("/en/", "en"),
    ("/en/red/", "en"),
    ("/en/que-es-la-red/", "en"),
    ("/en/no-existe/", "en"),
    ("/red/organizaciones/", "es"),
    ("/red/organizaciones/?comuna=13128&estado=verificada&q=junta", "es"),
    ("/red/organizaciones/?comuna=99999&q=zzz", "es"),  # error summary and empty state
    ("/red/organizaciones/registrar/", "es"),
    ("/en/red/organizaciones/", "en"),
    ("/en/red/organizaciones/registrar/", "en"),
]


@pytest.mark.parametrize(("path", "idioma"), PAGINAS)
def test_axe_finds_no_violation(demo_site, page, path, idioma):
    page.goto(demo_site.url + path)
    assert page.locator("html").get_attribute("lang") == idioma
    if page.locator("details.mapa__tabla").count():
        page.locator("details.mapa__tabla summary").click()  # check the table too
    assert axe_violations(page) == []


def test_skip_link_is_the_first_stop_of_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Saltar al contenido"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenido"


def test_map_links_are_reached_with_the_keyboard_and_show_focus(demo_site, page):
    page.goto(demo_site.url + "/red/")
    enlaces = page.locator(".mapa__vista--region a.mapa__enlace")
    assert enlaces.count() == 4  # the four pilot municipalities
    alcanzados = []
    for _ in range(60):
        page.keyboard.press("Tab")
        activo = page.evaluate(
            "document.activeElement.closest('.mapa__vista--region') ? "
            "document.activeElement.getAttribute('data-cut') : null"
        )
        if activo:
            alcanzados.append(activo)
            trazo = page.evaluate(
                "getComputedStyle(document.activeElement.querySelector('path')).strokeWidth"
            )
            assert trazo == "3px"
        if len(alcanzados) == 4:
            break
    assert sorted(alcanzados) == ["13119", "13122", "13128", "13129"]
    # The zoomed copy is out of the tab order.
    assert page.evaluate(
        "[...document.querySelectorAll('.mapa__vista--ampliada a')].every(a => a.tabIndex === -1)"
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/red/municipalidad-de-" in page.url
