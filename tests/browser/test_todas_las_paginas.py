"""Every public page type, in Spanish and English: axe finds nothing, and every control
is reached with the keyboard alone and shows where the focus is.

The pages are found in the demo's page tree (one live page of each type in each
language), plus the routes that are not pages, so that a new page type is
checked without anyone adding it here.
"""

from .conftest import axe_violations

# Routes that are not pages of the tree (and a 404), in both languages.
RUTAS_FIJAS = ["/buscar/?q=participacion", "/no-existe/"]
RUTAS_OPCIONALES = [
    "/red/unete/",
    "/datos/",
    "/herramientas/",
    "/eventos/",
    "/practicas/",
    "/red/organizaciones/registrar/",
    "/red/gobierno-de-santiago/programa-2025-2029/seguir/",
]

# What a keyboard user must be able to reach, in the order of the page.
CONTROLES = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex='0']"

MARCAR_CONTROLES = """(selector) => {
    const visibles = [...document.querySelectorAll(selector)].filter((el) => {
        if (el.closest('[aria-hidden="true"], [hidden], [inert]')) return false;
        if (el.tabIndex < 0 || el.disabled) return false;
        if (el.closest('details:not([open])') && el.tagName !== 'SUMMARY') return false;
        // A group of radio buttons is one stop: the arrow keys move inside it.
        if (el.type === 'radio') {
            const grupo = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
            const parada = grupo.find((r) => r.checked) || grupo[0];
            if (el !== parada) return false;
        }
        const caja = el.getBoundingClientRect();
        const estilo = getComputedStyle(el);
        return caja.width > 0 && caja.height > 0 && estilo.visibility !== 'hidden';
    });
    visibles.forEach((el, i) => el.setAttribute('data-control', String(i)));
    return visibles.length;
}"""

FOCO_VISIBLE = """() => {
    const el = document.activeElement;
    const estilo = getComputedStyle(el);
    const contorno = estilo.outlineStyle !== 'none' && parseFloat(estilo.outlineWidth) > 0;
    const sombra = estilo.boxShadow && estilo.boxShadow !== 'none';
    // Links in the SVG map show focus by their shape's thicker stroke (tested apart).
    const mapa = !!el.closest('svg');
    return contorno || sombra || mapa;
}"""


def rutas_publicas():
    """One live page of each page type in each language, plus the fixed routes."""
    from django.test import Client
    from wagtail.models import Page

    por_tipo = {}
    paginas = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    for pagina in paginas.order_by("path"):
        por_tipo.setdefault((pagina.content_type_id, pagina.locale.language_code), pagina.url)
    cliente = Client()
    opcionales = [r for r in RUTAS_OPCIONALES if cliente.get(r).status_code == 200]
    fijas = RUTAS_FIJAS + opcionales
    return sorted(set(por_tipo.values()) | set(fijas) | {"/en" + r for r in fijas})


def test_every_public_page_type_in_both_languages_passes_axe_and_the_keyboard(demo_completo, page):
    demo_site = demo_completo
    rutas = rutas_publicas()
    # The English program and a commitment of it are among them (rendicion.demo_en).
    assert "/en/red/gobierno-de-santiago/programa-2025-2029/" in rutas
    assert any(r.startswith("/en/") for r in rutas) and len(rutas) >= 12
    problemas = {}
    for ruta in rutas:
        page.goto(demo_site.url + ruta)
        idioma = "en" if ruta.startswith("/en/") else "es"
        assert page.locator("html").get_attribute("lang") == idioma, ruta
        # Hidden tables, texts and facet options are checked too (opening one can
        # show another: a locator counted once would go stale).
        cerrados = page.locator("details:not([open]) > summary:visible")
        while cerrados.count():
            cerrados.first.click()
        violaciones = axe_violations(page)
        if violaciones:
            problemas[ruta] = violaciones
            continue
        sin_alcanzar = controles_que_el_teclado_no_alcanza(page)
        if sin_alcanzar:
            problemas[ruta] = sin_alcanzar
    assert problemas == {}


def controles_que_el_teclado_no_alcanza(page):
    """Tabs through the page; returns the controls never focused or focused invisibly."""
    total = page.evaluate(MARCAR_CONTROLES, CONTROLES)
    page.locator("body").focus()
    alcanzados, sin_foco_visible, anterior = set(), [], None
    # A date field keeps the focus for a Tab per part (day, month, year, picker):
    # room for them; the loop ends as soon as the tab order goes round.
    for _ in range(total * 4 + 5):
        page.keyboard.press("Tab")
        indice = page.evaluate("document.activeElement.getAttribute('data-control')")
        if indice is None or indice == anterior:
            continue
        if indice in alcanzados:
            break  # the tab order went round
        alcanzados.add(indice)
        anterior = indice
        if not page.evaluate(FOCO_VISIBLE):
            sin_foco_visible.append(page.evaluate("document.activeElement.outerHTML.slice(0, 120)"))
    faltan = [
        page.locator(f"[data-control='{i}']").evaluate("el => el.outerHTML.slice(0, 120)")
        for i in range(total)
        if str(i) not in alcanzados
    ]
    return [f"sin alcanzar: {html}" for html in faltan[:5]] + [
        f"foco invisible: {html}" for html in sin_foco_visible[:5]
    ]


def test_directory_filters_work_with_the_keyboard_alone(demo_site, page):
    """A keyboard user chooses a kind of member and submits the form without a mouse."""
    page.goto(demo_site.url + "/red/")
    formulario = page.locator("form.directorio__filtros")
    selector = formulario.locator("select[name=tipo]")
    selector.focus()
    page.keyboard.press("ArrowDown")
    elegido = selector.input_value()
    assert elegido
    formulario.locator("button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"tipo={elegido}" in page.url


def test_library_facets_work_with_the_keyboard_alone(demo_site, page):
    """Each facet option is a link: Enter applies it, and the active filter can be removed."""
    page.goto(demo_site.url + "/practicas/")
    total_antes = page.locator(".biblioteca__total").inner_text()
    opcion = page.locator(".faceta a").first
    opcion.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "?" in page.url
    assert page.locator(".biblioteca__total").inner_text() != total_antes
    quitar = page.locator(".filtros-activos a").first
    quitar.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".biblioteca__total").inner_text() == total_antes
