"""`/red/unete/` in a real browser: axe finds nothing, empty and with errors, and a
person using only the keyboard can fill and send it."""

from playwright.sync_api import expect

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
    expect(resumen).to_have_count(1)  # waits for the answer to the POST
    expect(resumen).to_contain_text("El dígito verificador no corresponde")
    expect(resumen).to_contain_text("debe autorizar el tratamiento")
    # What was typed is kept.
    assert page.get_by_label("RUT de la organización").input_value() == "69.070.100-5"
    assert axe_violations(page) == []


def test_join_form_is_sent_and_confirmed(demo_site, page):
    from nucleo.rut import digito_verificador

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
    page.wait_for_url("**/red/unete/gracias/")
    expect(page.locator("h1")).to_have_text("Recibimos su solicitud")
    assert axe_violations(page) == []


def test_after_errors_the_focus_is_on_the_summary_and_its_links_reach_the_fields(demo_site, page):
    page.goto(demo_site.url + "/red/unete/")
    page.get_by_role("button", name="Enviar solicitud").click()
    resumen = page.locator(".error-summary")
    expect(resumen).to_be_focused()  # a screen reader starts with what to correct
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_contain_text("Nombre de la organización")
    resumen.get_by_role("link", name="Comuna o comunas donde trabaja").click()
    expect(page.locator("#id_comunas_0")).to_be_focused()
    expect(page.locator("#campo-comunas legend")).to_be_in_viewport()
    page.keyboard.press("Space")
    expect(page.locator("#id_comunas_0")).to_be_checked()


def test_checkboxes_and_radios_are_at_least_24_px_on_a_phone(demo_site, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_site.url + "/red/unete/")
    for selector in ("#id_consentimiento", "#id_comunas_0", "#id_tipo_0"):
        caja = page.locator(selector).bounding_box()
        assert caja["width"] >= 24 and caja["height"] >= 24, selector
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
