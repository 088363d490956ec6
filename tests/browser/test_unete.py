"""`/red/unete/` in a real browser: axe finds nothing, empty and with errors, and a
person using only the keyboard can fill and send it."""

from .conftest import axe_violations


def test_join_form_has_no_axe_violation(demo_site, page):
    page.goto(demo_site.url + "/red/unete/")
    assert page.locator("h1").inner_text() == "Únase a la Red"
    assert axe_violations(page) == []


def test_join_form_errors_are_announced_and_accessible(demo_site, page):
    page.goto(demo_site.url + "/red/unete/")
    page.get_by_label("RUT de la organización").fill("69.070.100-5")
    page.get_by_role("button", name="Enviar solicitud").click()
    resumen = page.locator(".error-summary[role=alert]")
    assert resumen.count() == 1
    assert "El dígito verificador no corresponde" in resumen.inner_text()
    assert "debe autorizar el tratamiento" in resumen.inner_text()
    # What was typed is kept.
    assert page.get_by_label("RUT de la organización").input_value() == "69.070.100-5"
    assert axe_violations(page) == []


def test_join_form_is_sent_and_confirmed(demo_site, page):
    from red.rut import digito_verificador

    page.goto(demo_site.url + "/red/unete/")
    page.get_by_label("Nombre de la organización o municipalidad").fill("Colectivo Datos Vecinales")
    page.get_by_label("Organización de la sociedad civil").check()
    page.get_by_label("Renca", exact=True).check()
    page.get_by_label("RUT de la organización").fill(f"65.555.555-{digito_verificador(65555555)}")
    page.get_by_label("Nombre de la persona de contacto").fill("Pía Núñez")
    page.get_by_label("Correo de la persona de contacto").fill("pia@example.org")
    page.get_by_label("¿Qué quieren compartir con la Red?").fill("Mapas de datos abiertos.")
    page.locator("#id_consentimiento").check()
    page.get_by_role("button", name="Enviar solicitud").click()
    assert page.locator("h1").inner_text() == "Recibimos su solicitud"
    assert page.url.endswith("/red/unete/gracias/")
    assert axe_violations(page) == []
