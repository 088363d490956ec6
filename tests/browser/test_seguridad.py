"""The strict public CSP breaks nothing a visitor or an editor uses."""

import pytest
from playwright.sync_api import expect

PAGINAS = ["/", "/en/", "/red/", "/que-es-la-red/", "/buscar/?q=datos", "/no-existe/"]

ESCUCHAR_VIOLACIONES = """
window.__violacionesCSP = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__violacionesCSP.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


def violaciones(page):
    return page.evaluate("window.__violacionesCSP")


@pytest.mark.parametrize("path", PAGINAS)
def test_las_paginas_publicas_no_violan_su_csp(demo_site, page, path):
    page.add_init_script(ESCUCHAR_VIOLACIONES)
    respuesta = page.goto(demo_site.url + path)
    assert "script-src 'self'" in respuesta.headers["content-security-policy"]
    # The stylesheet applied: the header is laid out by site.css, not unstyled.
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    assert violaciones(page) == []


def test_la_barra_de_wagtail_funciona_en_paginas_publicas(demo_site, page):
    page.add_init_script(ESCUCHAR_VIOLACIONES)
    page.goto(demo_site.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(demo_site.url + "/que-es-la-red/")
    disparador = page.locator("wagtail-userbar").locator("[data-wagtail-userbar-trigger]")
    disparador.click()
    editar = page.locator("wagtail-userbar").get_by_role("menuitem", name="Editar esta página")
    expect(editar).to_be_visible()
    assert violaciones(page) == []
