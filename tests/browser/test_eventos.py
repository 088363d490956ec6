"""Events in a real browser: axe on the calendar, an event page and the form with its errors;
the registration form works with the keyboard alone and without JavaScript."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

TALLER = "/red/gobierno-de-santiago/taller-datos-abiertos-municipales/"
ENCUENTRO = "/red/municipalidad-de-renca/encuentro-presupuestos-participativos/"


@pytest.mark.parametrize(
    "path",
    [
        "/eventos/",
        "/eventos/?archivo=1",
        "/eventos/?tipo=taller&modalidad=presencial",
        TALLER,
        ENCUENTRO,
        "/red/municipalidad-de-penalolen/capacitacion-rendicion-de-cuentas/",
        "/",  # next events on the home page
        "/red/municipalidad-de-renca/",  # the member's events
    ],
)
def test_axe_finds_no_violation(demo_site, page, path):
    page.goto(demo_site.url + path)
    assert axe_violations(page) == []


def test_form_errors_are_accessible_and_keep_what_was_typed(demo_site, page):
    page.goto(demo_site.url + TALLER)
    page.get_by_label("Nombre y apellido").fill("Ana Pérez")
    page.get_by_label("Correo electrónico").fill("no-es-un-correo")
    page.get_by_role("button", name="Inscribirme").click()
    resumen = page.locator(".error-summary")
    expect(resumen).to_be_visible()  # waits for the answer to the POST
    expect(resumen).to_contain_text("Debe aceptar el tratamiento de sus datos")
    assert page.get_by_label("Nombre y apellido").input_value() == "Ana Pérez"
    assert page.get_by_label("Correo electrónico").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == []


def test_registration_with_the_keyboard_only(demo_site, page):
    page.goto(demo_site.url + TALLER)
    page.get_by_label("Nombre y apellido").focus()
    page.keyboard.type("Teclado Persona")
    page.keyboard.press("Tab")
    page.keyboard.type("teclado@example.org")
    alcanzados = []
    for _ in range(12):
        page.keyboard.press("Tab")
        alcanzados.append(
            page.evaluate(
                "document.activeElement.name || document.activeElement.textContent.trim()"
            )
        )
        if alcanzados[-1] == "consentimiento":
            break
    # Every field is reached in order; the honeypot never is.
    assert alcanzados == [
        "miembro",
        "organizacion",
        "comuna",
        "tipo_participante",
        "necesidades_accesibilidad",
        "consentimiento",
    ]
    page.keyboard.press("Space")
    page.get_by_label("Comuna").select_option(label="Renca")
    page.get_by_label("Tipo de participante").select_option(label="Academia")
    page.get_by_role("button", name="Inscribirme").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**inscripcion=enviada**")
    assert "Revise su correo" in page.locator("#inscripcion").inner_text()


def test_registration_works_without_javascript(demo_site, browser):
    contexto = browser.new_context(java_script_enabled=False, locale="es-CL")
    pagina = contexto.new_page()
    pagina.goto(demo_site.url + ENCUENTRO)
    assert "Lista de espera" in pagina.content()
    pagina.get_by_label("Nombre y apellido").fill("Sin Script")
    pagina.get_by_label("Correo electrónico").fill("sinscript@example.org")
    pagina.get_by_label("Comuna").select_option(label="Renca")
    pagina.get_by_label("Tipo de participante").select_option(label="Academia")
    pagina.get_by_label("Acepto que la Red trate mis datos", exact=False).check()
    pagina.get_by_role("button", name="Entrar a la lista de espera").click()
    expect(pagina.locator("#inscripcion")).to_contain_text("Revise su correo")
    contexto.close()
