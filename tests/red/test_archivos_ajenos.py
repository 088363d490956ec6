"""Renca's editor, logged in, reaching for Maipú's private files and drafts through the
admin's side doors: the admin API (behind the choosers and rich text), the document
download with a "login" restriction, and the bulk-action confirmation pages."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import CollectionViewRestriction

from red.grupos import coleccion_de_miembro
from tests.practicas.factories import PracticaPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def medios_temporales(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png():
    salida = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(salida, "PNG")
    return salida.getvalue()


@pytest.fixture
def archivos(editora_renca, editor_maipu, renca, maipu):
    """One document and one image in each member's collection."""
    creados = {}
    for miembro, nombre in ((renca, "renca"), (maipu, "maipu")):
        coleccion = coleccion_de_miembro(miembro)
        creados[f"doc_{nombre}"] = Document.objects.create(
            title=f"Acta reservada {nombre}",
            file=ContentFile(b"%PDF-1.4 acta", name=f"acta-{nombre}.pdf"),
            collection=coleccion,
        )
        creados[f"img_{nombre}"] = Image.objects.create(
            title=f"Foto reservada {nombre}",
            file=ContentFile(png(), name=f"foto-{nombre}.png"),
            collection=coleccion,
        )
    return creados


def test_admin_api_documents_lists_only_own_collection(cliente_renca, archivos):
    for params in ({}, {"search": "reservada"}):
        respuesta = cliente_renca.get("/admin/api/main/documents/", params)
        assert respuesta.status_code == 200
        titulos = [d["title"] for d in respuesta.json()["items"]]
        assert "Acta reservada renca" in titulos, params
        assert "Acta reservada maipu" not in titulos, params
        assert "acta-maipu" not in respuesta.content.decode()
    ajeno = cliente_renca.get(f"/admin/api/main/documents/{archivos['doc_maipu'].pk}/")
    assert ajeno.status_code == 404
    assert "Acta reservada maipu" not in ajeno.content.decode()


def test_admin_api_images_hides_other_collection(cliente_renca, archivos):
    propia = cliente_renca.get(f"/admin/api/main/images/{archivos['img_renca'].pk}/")
    assert propia.status_code == 200
    assert propia.json()["title"] == "Foto reservada renca"
    ajena = cliente_renca.get(f"/admin/api/main/images/{archivos['img_maipu'].pk}/")
    assert ajena.status_code == 404
    assert "Foto reservada maipu" not in ajena.content.decode()
    listado = cliente_renca.get("/admin/api/main/images/", {"search": "reservada"})
    assert "Foto reservada maipu" not in listado.content.decode()
    assert "Foto reservada renca" in listado.content.decode()


def test_the_coordination_sees_every_file_in_the_admin_api(cliente_coordinadora, archivos):
    respuesta = cliente_coordinadora.get("/admin/api/main/documents/")
    titulos = [d["title"] for d in respuesta.json()["items"]]
    assert {"Acta reservada renca", "Acta reservada maipu"} <= set(titulos)


def test_a_login_restricted_document_does_not_download_for_another_member(
    cliente_renca, archivos, maipu, client
):
    documento = archivos["doc_maipu"]
    CollectionViewRestriction.objects.create(
        collection=documento.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    respuesta = cliente_renca.get(documento.url)
    assert respuesta.status_code in (403, 404)
    assert b"%PDF" not in b"".join(getattr(respuesta, "streaming_content", [respuesta.content]))
    # Renca's own document, in a collection restricted the same way, still downloads.
    propio = archivos["doc_renca"]
    CollectionViewRestriction.objects.create(
        collection=propio.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    descarga = cliente_renca.get(propio.url)
    assert descarga.status_code == 200
    assert b"%PDF" in b"".join(descarga.streaming_content)


def test_a_login_restricted_document_downloads_for_its_members_editor(
    client, archivos, editor_maipu
):
    from tests.usuarios import ingresar

    documento = archivos["doc_maipu"]
    CollectionViewRestriction.objects.create(
        collection=documento.collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    anonima = client.get(documento.url)
    assert anonima.status_code == 302 and "login" in anonima["Location"]
    ingresar(client, editor_maipu)
    descarga = client.get(documento.url)
    assert descarga.status_code == 200
    assert b"%PDF" in b"".join(descarga.streaming_content)


@pytest.fixture
def borrador_maipu(maipu):
    return PracticaPageFactory(parent=maipu, title="Borrador secreto de Maipú", live=False)


@pytest.mark.parametrize("accion", ["delete", "unpublish", "publish", "move"])
def test_bulk_confirmation_names_only_own_pages(cliente_renca, renca, borrador_maipu, accion):
    propia = PracticaPageFactory(parent=renca, title="Cabildos de Renca", live=False)
    url = f"/admin/bulk/wagtailcore/page/{accion}/?id={propia.pk}&id={borrador_maipu.pk}"
    respuesta = cliente_renca.get(url)
    html = respuesta.content.decode()
    assert "Borrador secreto de Maipú" not in html
    assert respuesta.status_code in (200, 302, 403)


def test_bulk_delete_confirmation_still_names_own_pages(
    cliente_coordinadora, renca, borrador_maipu
):
    propia = PracticaPageFactory(parent=renca, title="Cabildos de Renca", live=False)
    url = f"/admin/bulk/wagtailcore/page/delete/?id={propia.pk}&id={borrador_maipu.pk}"
    html = cliente_coordinadora.get(url).content.decode()
    assert "Cabildos de Renca" in html
    assert "Borrador secreto de Maipú" in html


@pytest.mark.parametrize(
    ("modelo", "accion", "clave"),
    [
        ("wagtailimages/image", "add_to_collection", "img"),
        ("wagtailimages/image", "delete", "img"),
        ("wagtaildocs/document", "add_tags", "doc"),
        ("wagtaildocs/document", "delete", "doc"),
    ],
)
def test_bulk_confirmation_does_not_name_other_collections_files(
    cliente_renca, archivos, modelo, accion, clave
):
    propio, ajeno = archivos[f"{clave}_renca"], archivos[f"{clave}_maipu"]
    url = f"/admin/bulk/{modelo}/{accion}/?id={propio.pk}&id={ajeno.pk}"
    respuesta = cliente_renca.get(url)
    assert respuesta.status_code == 200
    assert ajeno.title not in respuesta.content.decode()
