"""A municipal editor's admin is in Spanish: every screen she uses, every button, hint
and error, including the Wagtail 8 strings that Wagtail's own Spanish catalogue lacks
(kept in locale_wagtail/, see docs/decisiones.md «Wagtail en español»)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from wagtail.fields import StreamField

from practicas.models import PracticaPage
from red.models import MiembroPage

from ..usuarios import ingresar

# Words that are English and never Spanish: one of them in a visible text or a label
# means a string that reached the editor untranslated.
INGLES = frozenset(
    re.findall(
        r"\S+",
        """the your you this is are have been could not be with page pages search add
        edit save delete draft live checks metrics content words reading time paused
        autosave all of and to by for any view show more new create upload uploaded
        choose select sort order filter filters history status publish unpublish
        workflow revisions revision preview settings images documents users account
        here yet why don't what which""",
    )
)
ATRIBUTOS = ("title", "aria-label", "placeholder", "alt")
# Time-zone names (America/New_York) in the account's settings are data, not texts.
ZONA_HORARIA = re.compile(r"^[A-Z][A-Za-z_]+(/[A-Za-z_\-+0-9]+)+$")
# Licence names keep their official English abbreviation (CC BY-SA 4.0).
LICENCIA = re.compile(r"\bCC BY(-[A-Z]{2})*\b")


def textos_visibles(html):
    soup = BeautifulSoup(html, "html.parser")
    for oculto in soup(["script", "style", "template", "noscript"]):
        oculto.decompose()
    for nodo in soup.find_all(string=True):
        yield nodo.strip()
    for elemento in soup.find_all(True):
        for atributo in ATRIBUTOS:
            if elemento.get(atributo):
                yield str(elemento[atributo]).strip()


def en_ingles(html):
    return sorted(
        {
            texto
            for texto in textos_visibles(html)
            if texto
            and not ZONA_HORARIA.match(texto)
            and INGLES & set(re.findall(r"[a-z']+", LICENCIA.sub("", texto).lower()))
        }
    )


@pytest.fixture
def editora(demo_del_modulo, db, client):
    return ingresar(client, User.objects.get(username="editora-renca"), "editora-renca")


@pytest.fixture
def renca(demo_del_modulo, db):
    return MiembroPage.objects.get(slug="municipalidad-de-renca", locale__language_code="es")


def pantallas_de_la_editora(renca):
    practica = PracticaPage.objects.child_of(renca).first()
    return [
        "/admin/",
        f"/admin/pages/{renca.pk}/",
        f"/admin/pages/{practica.pk}/edit/",
        f"/admin/pages/{practica.pk}/history/",
        f"/admin/pages/add/practicas/practicapage/{renca.pk}/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/account/",
        "/admin/pages/search/?q=renca",
    ]


def test_cada_pantalla_de_la_editora_esta_en_espanol(editora, renca):
    for url in pantallas_de_la_editora(renca):
        response = editora.get(url)
        assert response.status_code == 200, url
        assert en_ingles(response.content.decode()) == [], url


def datos_del_formulario(html, modelo):
    """What the browser would send from the admin's edit form, untouched (StreamFields,
    drawn by JavaScript, send their empty count)."""
    datos = {
        f"{campo.name}-count": "0"
        for campo in modelo._meta.get_fields()
        if isinstance(campo, StreamField)
    }
    formulario = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    for campo in formulario.find_all(["input", "textarea", "select"]):
        nombre = campo.get("name")
        if not nombre or campo.get("type") in ("checkbox", "radio", "submit", "file"):
            continue
        if campo.name == "select":
            elegida = campo.find("option", selected=True)
            datos[nombre] = elegida.get("value", "") if elegida else ""
        else:
            datos[nombre] = campo.get("value") or campo.get_text()
    return datos


def test_los_errores_al_crear_una_practica_estan_en_espanol(editora, renca):
    url = f"/admin/pages/add/practicas/practicapage/{renca.pk}/"
    datos = datos_del_formulario(editora.get(url).content.decode(), PracticaPage)
    response = editora.post(url, {**datos, "title": "", "slug": "", "action-publish": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No se pudo crear la página: revise los errores marcados." in html
    assert en_ingles(html) == []


def test_la_busqueda_del_admin_invita_en_espanol(editora):
    html = editora.get("/admin/").content.decode()
    assert "The page could not be created" not in html
    assert 'placeholder="Buscar en todas las páginas…"' in html
