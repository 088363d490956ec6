"""wagtail-localize's PO upload: a file without its header, or too big, is a clear
error on the editor's page (not a 500), and no temporary file stays behind."""

import tempfile

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import ContentPageFactory, locale_en

pytestmark = pytest.mark.django_db


@pytest.fixture
def traduccion(home_page):
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red")
    fuente, _creada = TranslationSource.get_or_create_from_instance(pagina)
    traduccion = Translation.objects.create(source=fuente, target_locale=locale_en())
    traduccion.save_target(publish=False)
    return traduccion


@pytest.fixture
def carpeta_temporal(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def subir(cliente, traduccion, contenido):
    return cliente.post(
        f"/admin/localize/translate/{traduccion.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("traduccion.po", contenido), "next": "/admin/"},
    )


def mensajes(respuesta):
    return " ".join(str(m) for m in get_messages(respuesta.wsgi_request))


def test_a_po_without_header_is_a_clear_error(admin_client, traduccion, carpeta_temporal):
    respuesta = subir(admin_client, traduccion, b'msgid "Hola"\nmsgstr "Hello"\n')
    assert respuesta.status_code == 302
    assert "no tiene la cabecera de traducción" in mensajes(respuesta)
    assert list(carpeta_temporal.iterdir()) == []


def test_a_po_over_the_limit_is_refused(admin_client, traduccion, carpeta_temporal, settings):
    settings.RED_PO_MAX_BYTES = 1024
    respuesta = subir(admin_client, traduccion, b'msgid "x"\nmsgstr "y"\n' * 200)
    assert respuesta.status_code == 302
    assert "pesa más de" in mensajes(respuesta)
    assert list(carpeta_temporal.iterdir()) == []


def test_a_good_po_still_imports(admin_client, traduccion, carpeta_temporal):
    po = traduccion.export_po()
    respuesta = subir(admin_client, traduccion, str(po).encode())
    assert respuesta.status_code == 302
    assert "Successfully imported" in mensajes(respuesta) or "import" in mensajes(respuesta)
    assert list(carpeta_temporal.iterdir()) == []
