import pytest

from tests.usuarios import ingresar

from .factories import CompromisoPageFactory

pytestmark = pytest.mark.django_db


def test_el_editor_de_maipu_no_edita_el_programa_de_renca(client, programa_renca, editor_maipu):
    compromiso = CompromisoPageFactory(parent=programa_renca)
    ingresar(client, editor_maipu)
    for pagina in (programa_renca, compromiso):
        respuesta = client.get(f"/admin/pages/{pagina.pk}/edit/")
        assert respuesta.status_code in (302, 403)
    respuesta = client.get(f"/admin/pages/add/rendicion/compromisopage/{programa_renca.pk}/")
    assert respuesta.status_code in (302, 403)


def test_la_editora_de_renca_edita_su_programa(cliente_renca, programa_renca):
    assert cliente_renca.get(f"/admin/pages/{programa_renca.pk}/edit/").status_code == 200
    respuesta = cliente_renca.get(f"/admin/pages/add/rendicion/compromisopage/{programa_renca.pk}/")
    assert respuesta.status_code == 200
