"""Every StreamField block renders accessibly, and editors get a preview of it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from nucleo.blocks import BaseStreamBlock
from tests.factories import ContentPageFactory

BLOQUES = BaseStreamBlock().child_blocks


def html(texto):
    return BeautifulSoup(texto, "html.parser")


def test_heading_uses_the_chosen_level():
    bloque = BLOQUES["heading"]
    assert html(bloque.render({"text": "Cómo empezamos", "level": "h2"})).h2.get_text() == (
        "Cómo empezamos"
    )
    assert html(bloque.render({"text": "Detalle", "level": "h3"})).h3


def test_quote_is_a_blockquote_with_its_author():
    soup = html(BLOQUES["quote"].render({"quote": "Abrir los datos.", "attribution": "Renca"}))
    assert soup.select_one("figure blockquote").get_text(strip=True) == "Abrir los datos."
    assert soup.figcaption.get_text() == "Renca"


def test_table_has_caption_header_cells_and_a_keyboard_scrollable_region():
    bloque = BLOQUES["table"]
    soup = html(bloque.render(bloque.get_preview_value()))
    region = soup.select_one('div[role="region"]')
    assert region["tabindex"] == "0"
    assert region["aria-label"] == "Municipios piloto de la Red"
    assert soup.caption.get_text(strip=True) == "Municipios piloto de la Red"
    assert [th.get_text(strip=True) for th in soup.select('th[scope="col"]')] == [
        "Comuna",
        "Provincia",
    ]


@pytest.mark.django_db
def test_image_needs_alt_text_or_the_decorative_mark():
    from django.core.exceptions import ValidationError

    imagen = Image.objects.create(title="Cabildo", file=get_test_image_file())
    bloque = BLOQUES["image"]
    with pytest.raises(ValidationError):
        bloque.clean(bloque.to_python({"image": imagen.pk, "alt_text": "", "decorative": False}))
    valor = bloque.to_python(
        {"image": imagen.pk, "alt_text": "Vecinas votan en un cabildo", "decorative": False}
    )
    assert html(bloque.render(valor)).img["alt"] == "Vecinas votan en un cabildo"


@pytest.mark.django_db
def test_document_link_says_format_and_size():
    documento = Document.objects.create(
        title="Plan de acción",
        file=ContentFile(b"%PDF-1.4 prueba", name="plan.pdf"),
        file_size=15,
    )
    bloque = BLOQUES["document"]
    soup = html(bloque.render(bloque.to_python({"document": documento.pk, "title": ""})))
    assert soup.a.get_text() == "Plan de acción"
    assert soup.select_one(".block-document__meta").get_text() == "(PDF, 15\xa0bytes)"


@pytest.mark.django_db
def test_call_to_action_links_to_a_page_or_an_address(home_page):
    pagina = ContentPageFactory(parent=home_page, slug="datos-abiertos")
    bloque = BLOQUES["call_to_action"]
    con_pagina = html(bloque.render(bloque.to_python({"text": "Ver datos", "page": pagina.pk})))
    assert con_pagina.a["href"] == "/datos-abiertos/"
    externa = html(bloque.render(bloque.get_preview_value()))
    assert externa.a.get_text() == "Únase a la Red"


PREVISUALIZABLES = ["heading", "paragraph", "quote", "table", "call_to_action"]


def test_the_blocks_with_example_content_are_previewable():
    assert sorted(n for n, b in BLOQUES.items() if b.is_previewable) == sorted(PREVISUALIZABLES)
    for nombre, bloque in BLOQUES.items():
        assert bloque.meta.description, nombre


@pytest.mark.parametrize("nombre", PREVISUALIZABLES)
def test_block_preview_renders_in_the_admin_with_the_site_styles(admin_client, nombre):
    bloque = BLOQUES[nombre]
    response = admin_client.get("/admin/block-preview/", {"id": bloque.definition_prefix})
    assert response.status_code == 200
    contenido = response.content.decode()
    assert "/static/css/site.css" in contenido
    assert str(bloque.render(bloque.get_preview_value())).strip()[:40] in contenido
