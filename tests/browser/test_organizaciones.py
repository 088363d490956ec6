"""The catastro in a real browser: axe on the directory, an organization's page and the
registration form (empty and with errors), in Spanish and English, and the form and
filters used with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations
from .test_todas_las_paginas import controles_que_el_teclado_no_alcanza


def una_organizacion(estado):
    from organizaciones.models import Organizacion

    return Organizacion.objects.filter(estado=estado, es_demo=True).first()


@pytest.mark.parametrize("prefijo", ["", "/en"])
@pytest.mark.parametrize("estado", ["verificada", "pendiente", "vencida"])
def test_organization_pages_pass_axe_and_the_keyboard(demo_site, page, prefijo, estado):
    org = una_organizacion(estado)
    page.goto(f"{demo_site.url}{prefijo}/red/organizaciones/{org.ruta}")
    expect(page.locator("h1")).to_have_text(org.nombre)
    assert axe_violations(page) == []
    assert controles_que_el_teclado_no_alcanza(page) == []


@pytest.mark.parametrize("prefijo", ["", "/en"])
def test_directory_passes_axe_and_the_keyboard_with_the_map_table_open(demo_site, page, prefijo):
    page.goto(f"{demo_site.url}{prefijo}/red/organizaciones/")
    page.locator("details.mapa__tabla summary").click()
    assert axe_violations(page) == []
    assert controles_que_el_teclado_no_alcanza(page) == []


def test_directory_filters_with_the_keyboard_alone(demo_site, page):
    page.goto(demo_site.url + "/red/organizaciones/")
    formulario = page.locator("form.directorio__filtros")
    formulario.locator("select[name=estado]").focus()
    page.keyboard.press("ArrowDown")
    elegido = formulario.locator("select[name=estado]").input_value()
    formulario.locator("button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"estado={elegido}" in page.url


@pytest.mark.parametrize("prefijo", ["", "/en"])
def test_registration_form_errors_are_announced_and_accessible(demo_site, page, prefijo):
    page.goto(f"{demo_site.url}{prefijo}/red/organizaciones/registrar/")
    assert axe_violations(page) == []
    page.locator("#id_rut").fill("65.123.456-0")
    page.locator("form.formulario-unete button[type=submit]").click()
    resumen = page.locator(".error-summary[role=alert]")
    expect(resumen).to_have_count(1)
    assert page.locator("#id_rut").input_value() == "65.123.456-0"
    assert axe_violations(page) == []


def test_registration_form_is_filled_and_sent_with_the_keyboard_alone(demo_site, page):
    from nucleo.rut import digito_verificador

    page.goto(demo_site.url + "/red/organizaciones/registrar/")
    page.locator("#id_nombre").focus()
    page.keyboard.type("Junta de Vecinos Teclado")
    page.keyboard.press("Tab")
    page.keyboard.type(f"66.666.666-{digito_verificador(66666666)}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the help text to the kind
    page.locator("#id_tipo").focus()
    page.keyboard.press("ArrowDown")
    page.locator("#id_comuna").focus()
    page.keyboard.type("Renca")
    page.locator("#id_contacto_nombre").focus()
    page.keyboard.type("Tecla Rápida")
    page.keyboard.press("Tab")
    page.keyboard.type("tecla@example.org")
    page.locator("#id_consentimiento").focus()
    page.keyboard.press("Space")
    page.locator("form.formulario-unete button[type=submit]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/red/organizaciones/registrar/gracias/")
    expect(page.locator("h1")).to_have_text("Recibimos el registro")
    assert axe_violations(page) == []
