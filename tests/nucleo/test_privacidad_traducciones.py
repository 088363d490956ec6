"""A restriction or an unpublish on a Spanish page reaches its English translation
(and the translation's subtree): the English URL stops showing what was hidden.
Deleting a translation leaves the original as it was."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory, locale_en

pytestmark = pytest.mark.django_db


@pytest.fixture
def traducida(home_page):
    inicio_en = home_page.copy_for_translation(locale_en())
    inicio_en.save_revision().publish()
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    traduccion = pagina.copy_for_translation(locale_en())
    traduccion.title, traduccion.slug = "Confidential about", "about"
    traduccion.save_revision().publish()
    hija = ContentPageFactory(parent=pagina, title="Detalle", slug="detalle")
    hija_en = hija.copy_for_translation(locale_en())
    hija_en.title, hija_en.slug = "Confidential detail", "detail"
    hija_en.save_revision().publish()
    assert "Confidential about" in Client().get("/en/about/").content.decode()
    return pagina, traduccion


def publica(url):
    respuesta = Client().get(url)
    return respuesta.status_code == 200 and "Confidential" in respuesta.content.decode()


def test_a_password_on_the_spanish_page_protects_the_english_one(traducida):
    pagina, _traduccion = traducida
    restriccion = PageViewRestriction.objects.create(
        page=pagina, restriction_type=PageViewRestriction.PASSWORD, password="clave-secreta"
    )
    assert not publica("/en/about/")
    assert not publica("/en/about/detail/")
    # Lifting it lifts the copy too.
    restriccion.delete()
    assert publica("/en/about/")


def test_unpublishing_the_spanish_page_unpublishes_the_english_one(traducida):
    pagina, traduccion = traducida
    pagina.unpublish()
    traduccion.refresh_from_db()
    assert not traduccion.live
    assert Client().get("/en/about/").status_code == 404


def test_deleting_the_english_translation_keeps_the_spanish_page_live(traducida):
    """Wagtail unpublishes a page before deleting it: a coordinator who deletes a
    translation to redo it must not take the Spanish page offline."""
    pagina, traduccion = traducida
    traduccion.delete()
    pagina.refresh_from_db()
    assert pagina.live
    assert Client().get("/sobre-la-red/").status_code == 200
    assert Client().get("/en/about/").status_code == 404


def test_deleting_the_spanish_page_takes_its_translation_offline(traducida):
    pagina, traduccion = traducida
    pagina.delete()
    traduccion.refresh_from_db()
    assert not traduccion.live
