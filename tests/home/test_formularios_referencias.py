"""Every public form, empty and after a submission with errors, as a screen reader meets
it: each aria-describedby, aria-labelledby, label `for` and error-summary link names an
element that exists,
and a group of checkboxes is announced invalid once, on its fieldset."""

import pytest
from bs4 import BeautifulSoup

from eventos.models import EventoPage
from organizaciones.pagina import OrganizacionesIndexPage
from rendicion.models import ProgramaPage


def referencias_rotas(html):
    soup = BeautifulSoup(html, "html.parser")
    ids = {elemento["id"] for elemento in soup.find_all(id=True)}
    rotas = []
    for atributo in ("aria-describedby", "aria-labelledby"):
        for elemento in soup.find_all(attrs={atributo: True}):
            rotas += [f"{atributo}={id_}" for id_ in elemento[atributo].split() if id_ not in ids]
    rotas += [
        f"for={label['for']}"
        for label in soup.find_all("label", attrs={"for": True})
        if label["for"] not in ids
    ]
    # The error summary's links take the reader to the field to correct.
    rotas += [
        f"href={enlace['href']}"
        for resumen in soup.select(".error-summary")
        for enlace in resumen.select("a[href^='#']")
        if enlace["href"][1:] not in ids
    ]
    return rotas


@pytest.fixture
def formularios(demo_del_modulo, db):
    """The public forms' addresses, each with what an empty submission sends."""
    evento = next(
        e
        for e in EventoPage.objects.live().filter(locale__language_code="es")
        if e.estado_inscripcion() == "abierta" and e.cupos_disponibles
    )
    registro = OrganizacionesIndexPage.objects.live().filter(locale__language_code="es").get()
    programa = ProgramaPage.objects.live().filter(locale__language_code="es").first()
    return [
        evento.url,
        "/red/unete/",
        registro.url + "registrar/",
        programa.url + "seguir/",
    ]


def test_cada_referencia_de_un_formulario_existe(formularios, client):
    for url in formularios:
        vacio = client.get(url)
        assert vacio.status_code == 200, url
        assert referencias_rotas(vacio.content.decode()) == [], url
        con_errores = client.post(url, {})
        assert con_errores.status_code in (200, 400, 422), url
        html = con_errores.content.decode()
        assert "error-summary" in html, url
        assert referencias_rotas(html) == [], f"{url} (con errores)"


def test_las_comunas_sin_elegir_se_anuncian_una_vez(formularios, client):
    soup = BeautifulSoup(client.post("/red/unete/", {}).content, "html.parser")
    grupo = soup.find("fieldset", id="campo-comunas")
    assert grupo.find(class_="error-message").get_text(strip=True)
    assert grupo.find_all(attrs={"aria-invalid": "true"}) == []
    assert len(grupo.find_all("input", type="checkbox")) == 52
