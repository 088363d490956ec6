"""Site search in the browser: accessible, usable with the keyboard alone."""

from .conftest import axe_violations


def test_search_from_the_header_with_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_label("Buscar en el sitio").fill("participacion")
    page.keyboard.press("Enter")
    page.wait_for_url("**/buscar/?q=participacion")
    assert page.get_by_role("status").inner_text().endswith("resultados para «participacion»") or (
        "resultado para «participacion»" in page.get_by_role("status").inner_text()
    )
    assert page.get_by_role("link", name="Qué es la Red").is_visible()
    assert axe_violations(page) == []


def test_empty_and_error_states_have_no_axe_violation(demo_site, page):
    page.goto(demo_site.url + "/buscar/?q=zzzinexistente")
    assert "No encontramos páginas" in page.content()
    assert axe_violations(page) == []
    page.goto(demo_site.url + "/buscar/?q=" + "a" * 300)
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []
