"""Private documents (issue 20, defect 8): no filename oracle, and the development
server does not hand out /media/documents/ either."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def privado(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    raiz = Collection.get_first_root_node()
    coleccion = raiz.add_child(name="Maipú privado")
    CollectionViewRestriction.objects.create(
        collection=coleccion, restriction_type=CollectionViewRestriction.LOGIN
    )
    documento = get_document_model().objects.create(
        title="Sumario", collection=coleccion, file=ContentFile(b"secreto", name="sumario-2026.pdf")
    )
    return documento


def _respuesta(client, url):
    r = client.get(url)
    return r.status_code, r.get("Location", "").split("?")[0]


def test_anonymous_gets_the_same_answer_whatever_the_name(client, privado):
    correcto = _respuesta(client, f"/documentos/{privado.pk}/{privado.filename}")
    erroneo = _respuesta(client, f"/documentos/{privado.pk}/otro-nombre.pdf")
    assert correcto == erroneo
    assert correcto[0] == 302 and correcto[1].endswith("/login/")


def test_who_may_see_it_downloads_it_and_a_wrong_name_is_404(admin_client, privado):
    respuesta = admin_client.get(f"/documentos/{privado.pk}/{privado.filename}")
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == b"secreto"
    assert admin_client.get(f"/documentos/{privado.pk}/otro.pdf").status_code == 404


def test_a_public_document_with_a_wrong_name_is_404(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    documento = get_document_model().objects.create(
        title="Acta", file=ContentFile(b"publico", name="acta.pdf")
    )
    assert client.get(f"/documentos/{documento.pk}/{documento.filename}").status_code == 200
    assert client.get(f"/documentos/{documento.pk}/otra.pdf").status_code == 404


@pytest.fixture
def urls_de_desarrollo(settings):
    """red.urls as `make run` builds it (DEBUG on)."""
    import red.urls

    settings.DEBUG = True
    importlib.reload(red.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(red.urls)
    clear_url_caches()


def test_development_server_does_not_serve_documents(client, privado, urls_de_desarrollo):
    imagen = privado.file.storage.save("images/foto.txt", ContentFile(b"imagen"))
    assert client.get(f"/media/{imagen}").status_code == 200
    for ruta in (
        privado.file.name,
        f"images/../{privado.file.name}",
        f"./{privado.file.name}",
        privado.file.name.replace("documents/", "documents%2F"),
    ):
        respuesta = client.get(f"/media/{ruta}")
        assert respuesta.status_code == 404, ruta
        assert b"secreto" not in b"".join(getattr(respuesta, "streaming_content", [b""]))
