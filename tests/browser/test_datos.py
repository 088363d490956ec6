"""axe-core finds no violation on the tools library, a tool page and /datos/;
the tools filters and the downloads work without JavaScript."""

from playwright.sync_api import expect

from .conftest import axe_violations

PAGINAS = [
    "/herramientas/",
    "/herramientas/?tipo=datos&eje=datos-abiertos",
    "/red/municipalidad-de-maipu/patentes-comerciales-maipu/",
    "/datos/",
]


def test_axe_sin_violaciones(demo_site, page):
    for path in PAGINAS:
        page.goto(demo_site.url + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path


def test_filtros_y_descargas_sin_javascript(demo_site, browser):
    contexto = browser.new_context(java_script_enabled=False, locale="es-CL")
    pagina = contexto.new_page()
    pagina.goto(demo_site.url + "/herramientas/")
    pagina.get_by_role("link", name="Conjunto de datos (", exact=False).first.click()
    pagina.wait_for_url("**tipo=datos**")
    contenido = pagina.locator("#contenido")
    expect(contenido).to_contain_text("Patentes comerciales de Maipú")
    expect(contenido).not_to_contain_text("Plantilla de cuenta pública")

    pagina.goto(demo_site.url + "/datos/")
    with pagina.expect_download() as descarga:
        pagina.get_by_role("link", name="herramientas.csv").click()
    texto = open(descarga.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert texto.startswith("url,id,titulo,tipo")
    assert "Patentes comerciales de Maipú" in texto
    contexto.close()
