"""The admin of the catastro: who may see, edit, verify and reject, tested with raw
requests (what an editor could type or POST by hand), not only through the UI."""

import pytest
from django.core import mail
from django.urls import reverse

from organizaciones.models import EstadoOrganizacion, Organizacion
from tests.usuarios import ingresar

from .factories import OrganizacionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def de_renca(catastro):
    return OrganizacionFactory(nombre="Junta Renca", contacto_email="renca@privado.example")


@pytest.fixture
def de_maipu(catastro, comuna_maipu):
    return OrganizacionFactory(
        nombre="Junta Maipú", comuna=comuna_maipu, contacto_email="maipu@privado.example"
    )


def url(nombre, org=None):
    return reverse(f"organizaciones:{nombre}", args=[org.pk] if org else [])


def test_renca_editor_lists_and_sees_the_contacts_of_renca_only(
    client, editora_renca, de_renca, de_maipu
):
    ingresar(client, editora_renca)
    lista = client.get(url("index")).content.decode()
    assert "Junta Renca" in lista and "Junta Maipú" not in lista
    detalle = client.get(url("inspect", de_renca))
    assert detalle.status_code == 200
    assert "renca@privado.example" in detalle.content.decode()


@pytest.mark.parametrize("vista", ["inspect", "edit", "history", "usage", "delete"])
def test_renca_editor_cannot_reach_a_maipu_organization(client, editora_renca, de_maipu, vista):
    ingresar(client, editora_renca)
    respuesta = client.get(url(vista, de_maipu))
    assert respuesta.status_code in (403, 404)
    assert "maipu@privado.example" not in respuesta.content.decode()


def test_renca_editor_cannot_verify_reject_edit_or_delete_maipu_by_post(
    client, editora_renca, de_maipu
):
    ingresar(client, editora_renca)
    assert client.post(url("verificar", de_maipu), {"evidencia_nota": "x"}).status_code in (
        403,
        404,
    )
    assert client.post(url("rechazar", de_maipu), {"motivo_rechazo": "x"}).status_code in (
        403,
        404,
    )
    editar = client.post(
        url("edit", de_maipu),
        {"nombre": "Tomada", "rut": de_maipu.rut, "tipo": de_maipu.tipo_id, "comuna": "x"},
    )
    assert editar.status_code in (403, 404)
    assert client.post(url("delete", de_maipu)).status_code in (403, 404)
    de_maipu.refresh_from_db()
    assert de_maipu.estado == EstadoOrganizacion.PENDIENTE
    assert de_maipu.nombre == "Junta Maipú"


def test_renca_editor_verifies_a_renca_organization_with_evidence(client, editora_renca, de_renca):
    ingresar(client, editora_renca)
    respuesta = client.post(
        url("verificar", de_renca),
        {
            "evidencia_nota": "Certificado de vigencia del 3 de marzo.",
            "directiva_vence": "2027-01-31",
        },
    )
    assert respuesta.status_code == 302
    de_renca.refresh_from_db()
    assert de_renca.estado == EstadoOrganizacion.VERIFICADA
    assert de_renca.verificada_por == editora_renca and de_renca.verificada
    assert de_renca.verificada_por_entidad == "Municipalidad de Renca"
    assert de_renca.evidencia_nota.startswith("Certificado")
    assert str(de_renca.directiva_vence) == "2027-01-31"


def test_verifying_requires_saying_what_was_checked(client, editora_renca, de_renca):
    ingresar(client, editora_renca)
    respuesta = client.post(url("verificar", de_renca), {"evidencia_nota": ""})
    assert respuesta.status_code == 422
    de_renca.refresh_from_db()
    assert de_renca.estado == EstadoOrganizacion.PENDIENTE


def test_rejecting_records_the_reason_and_tells_the_organization(
    client, editora_renca, de_renca, django_capture_on_commit_callbacks
):
    ingresar(client, editora_renca)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(
            url("rechazar", de_renca), {"motivo_rechazo": "El RUT es de una empresa."}
        )
    assert respuesta.status_code == 302
    de_renca.refresh_from_db()
    assert de_renca.estado == EstadoOrganizacion.RECHAZADA
    assert de_renca.motivo_rechazo == "El RUT es de una empresa."
    assert mail.outbox[-1].to == ["renca@privado.example"]
    assert "El RUT es de una empresa." in mail.outbox[-1].body


def test_coordination_verifies_any_comuna(client, coordinadora, de_maipu):
    ingresar(client, coordinadora)
    respuesta = client.post(url("verificar", de_maipu), {"evidencia_nota": "Revisado."})
    assert respuesta.status_code == 302
    de_maipu.refresh_from_db()
    assert de_maipu.estado == EstadoOrganizacion.VERIFICADA
    assert de_maipu.verificada_por_entidad == "Coordinación de la Red"


def test_an_editor_of_an_organization_member_sees_no_catastro(client, red_index, flujo, catastro):
    from red.grupos import configurar_miembro
    from tests.factories import MiembroPageFactory
    from tests.usuarios import crear_usuario

    ong = MiembroPageFactory(parent=red_index, title="ONG Miembro")
    grupo, _ = configurar_miembro(ong)
    usuario = crear_usuario("editor.ong", grupo)
    OrganizacionFactory()
    ingresar(client, usuario)
    assert client.get(url("index")).status_code in (302, 403)
    assert "Catastro de organizaciones" not in client.get("/admin/").content.decode()


def test_renca_editor_can_only_choose_renca_when_editing(client, editora_renca, de_renca):
    ingresar(client, editora_renca)
    html = client.get(url("edit", de_renca)).content.decode()
    assert ">Renca<" in html and ">Maipú<" not in html.split('name="comunas"')[0]


def test_renca_editor_cannot_move_an_organization_to_maipu(client, editora_renca, de_renca):
    ingresar(client, editora_renca)
    respuesta = client.post(
        url("edit", de_renca),
        {
            "nombre": "Junta Renca",
            "rut": de_renca.rut,
            "tipo": de_renca.tipo_id,
            "comuna": Organizacion._meta.get_field("comuna")
            .related_model.objects.get(cut="13119")
            .pk,
            "contacto_nombre": "X",
            "contacto_email": "x@example.org",
        },
    )
    assert respuesta.status_code == 200  # the form is shown again with the error
    de_renca.refresh_from_db()
    assert de_renca.comuna.cut == "13128"
