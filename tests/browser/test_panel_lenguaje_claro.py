"""The plain-language panel updates while the editor types (static/js/lenguaje-claro-admin.js)."""

from home.models import ContentPage, TerminoJerga


def test_el_panel_se_actualiza_mientras_se_escribe(demo_site, page):
    from wagtail.models import Locale

    TerminoJerga.objects.get_or_create(
        locale=Locale.get_default(), termino="en virtud de", defaults={"alternativa": "por"}
    )
    pagina = ContentPage.objects.get(slug="que-es-la-red", locale__language_code="es")
    page.goto(demo_site.url + "/admin/login/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill("admin")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(f"{demo_site.url}/admin/pages/{pagina.pk}/edit/")

    panel = page.locator("[data-lenguaje-claro]")
    assert "«En virtud de»" not in panel.inner_text()
    page.locator("#id_intro").fill("En virtud de la ley, la Red publica todo lo que hace.")
    resultado_intro = panel.locator('[data-lenguaje-campo="intro"]')
    resultado_intro.get_by_text("«En virtud de»: pruebe con «por").wait_for(timeout=10_000)
    assert "12 palabras" in resultado_intro.inner_text()
    assert "Análisis actualizado" in panel.get_by_role("status").inner_text()
    # Leave the editor only when its background requests (autosave, editing-session
    # pings) are over: the database is flushed right after the test.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    page.wait_for_timeout(500)
