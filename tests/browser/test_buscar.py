"""Site search in the browser: accessible, usable with the keyboard alone."""

from .conftest import axe_violations


def test_search_from_the_header_with_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/")
    # A page's own title finds it first, however much else the demo publishes
    # (the 80 commitments of the governor's program all speak of participation).
    page.get_by_label("Buscar en el sitio").fill("que es la red")
    page.keyboard.press("Enter")
    page.wait_for_url("**/buscar/?q=que+es+la+red")
    assert "para «que es la red»" in page.get_by_role("status").inner_text()
    assert page.get_by_role("link", name="Qué es la Red").first.is_visible()
    assert axe_violations(page) == []


def test_empty_and_error_states_have_no_axe_violation(demo_site, page):
    page.goto(demo_site.url + "/buscar/?q=zzzinexistente")
    assert "No encontramos páginas" in page.content()
    assert axe_violations(page) == []
    page.goto(demo_site.url + "/buscar/?q=" + "a" * 300)
    assert page.get_by_role("alert").is_visible()
    assert axe_violations(page) == []
