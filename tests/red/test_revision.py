"""The coordination approves or asks for changes; e-mails go out; the audit log records it.
Editors cannot see each other's images and documents."""

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry

from red.grupos import coleccion_de_miembro
from tests.practicas.factories import PracticaPageFactory
from tests.red.formularios import datos_practica
from tests.usuarios import ingresar

pytestmark = pytest.mark.django_db


@pytest.fixture
def enviada(renca, editora_renca):
    """A practice of Renca submitted for review by its editor."""
    practica = PracticaPageFactory(parent=renca, title="Cabildos de Renca", live=False)
    revision = practica.save_revision(user=editora_renca)
    practica.get_workflow().start(practica, editora_renca)
    assert revision
    practica.refresh_from_db()
    return practica


def accion(client, practica, nombre, comentario=""):
    estado = practica.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(practica.pk, nombre, estado.pk))
    return client.post(url, {"comment": comentario})


def test_coordinator_approves_and_the_page_goes_live(client, coordinadora, editora_renca, enviada):
    ingresar(client, coordinadora)
    mail.outbox.clear()
    respuesta = accion(client, enviada, "approve", "Muy clara, se publica.")
    assert respuesta.status_code in (200, 302)
    enviada.refresh_from_db()
    assert enviada.live
    assert client.get("/red/renca/" + enviada.slug + "/").status_code == 200
    # The editor who submitted gets an e-mail.
    assert any(editora_renca.email in m.to for m in mail.outbox)
    acciones = set(PageLogEntry.objects.filter(page=enviada).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= acciones


def test_coordinator_asks_for_changes_with_a_comment(client, coordinadora, editora_renca, enviada):
    ingresar(client, coordinadora)
    mail.outbox.clear()
    accion(client, enviada, "reject", "Falta la fuente del indicador.")
    enviada.refresh_from_db()
    assert not enviada.live
    correos = [m for m in mail.outbox if editora_renca.email in m.to]
    assert correos
    entrada = PageLogEntry.objects.get(page=enviada, action="wagtail.workflow.reject")
    assert entrada.user == coordinadora
    assert "Falta la fuente" in str(entrada.data)


def test_an_editor_cannot_approve_their_own_submission(client, editora_renca, enviada):
    ingresar(client, editora_renca)
    accion(client, enviada, "approve")
    enviada.refresh_from_db()
    assert not enviada.live


def test_scheduled_publishing_goes_through_the_review(client, coordinadora, editora_renca, renca):
    """A go-live date does not let an editor publish: it is approved like anything else."""
    import datetime

    from django.utils import timezone

    practica = PracticaPageFactory(parent=renca, title="Programada", live=False)
    practica.go_live_at = timezone.now() + datetime.timedelta(days=2)
    practica.save_revision(user=editora_renca)
    practica.get_workflow().start(practica, editora_renca)
    practica.refresh_from_db()
    ingresar(client, coordinadora)
    accion(client, practica, "approve")
    practica.refresh_from_db()
    assert not practica.live  # scheduled: it goes live on its date
    assert practica.scheduled_revision is not None


@pytest.fixture
def medios_maipu(maipu, editor_maipu):
    coleccion = coleccion_de_miembro(maipu)
    imagen = Image.objects.create(
        title="Foto privada de Maipú", file=get_test_image_file(), collection=coleccion
    )
    documento = Document.objects.create(title="Acta privada de Maipú", collection=coleccion)
    documento.file.save("acta.txt", ContentFile(b"acta"))
    return imagen, documento


def test_renca_editor_cannot_see_or_choose_maipu_images_and_documents(
    cliente_renca, renca, medios_maipu
):
    imagen, documento = medios_maipu
    for url in (
        reverse("wagtailimages:index"),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtailimages_chooser:choose_results") + "?q=Maip",
    ):
        respuesta = cliente_renca.get(url)
        assert respuesta.status_code == 200, url
        assert "Foto privada de Maipú" not in respuesta.content.decode(), url
    for url in (
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtaildocs_chooser:choose_results") + "?q=Acta",
    ):
        respuesta = cliente_renca.get(url)
        assert respuesta.status_code == 200, url
        assert "Acta privada de Maipú" not in respuesta.content.decode(), url
    assert cliente_renca.get(reverse("wagtailimages:edit", args=(imagen.pk,))).status_code in (
        302,
        403,
    )
    assert cliente_renca.get(reverse("wagtaildocs:edit", args=(documento.pk,))).status_code in (
        302,
        403,
    )
    imagen.refresh_from_db()
    assert imagen.title == "Foto privada de Maipú"


def test_renca_editor_uploads_into_renca_collection_only(cliente_renca, renca, maipu, editor_maipu):
    respuesta = cliente_renca.post(
        reverse("wagtailimages:add"),
        {
            "title": "Cabildo en la plaza",
            "file": get_test_image_file(),
            "collection": coleccion_de_miembro(maipu).pk,  # tampered: not theirs
        },
    )
    assert respuesta.status_code in (200, 302)
    assert not Image.objects.filter(collection=coleccion_de_miembro(maipu)).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/practicas/eje/",
        "/admin/snippets/practicas/metaods/",
        "/admin/snippets/home/terminojerga/",
        "/admin/settings/home/configuracionsitio/",
        "/admin/solicitudes-ingreso/",
        "/admin/groups/",
        "/admin/users/",
    ],
)
def test_only_the_coordination_manages_the_network(
    client, coordinadora, editora_renca, home_page, url
):
    ingresar(client, editora_renca)
    assert_sin_acceso(client, url)
    client.logout()
    ingresar(client, coordinadora)
    if url in ("/admin/groups/", "/admin/users/"):
        # Accounts and groups stay with the administrators.
        assert_sin_acceso(client, url)
        return
    respuesta = client.get(url, follow=True)
    # The coordinator gets the page itself: site settings redirect once to the
    # default site's form, never to the login form.
    assert respuesta.status_code == 200, url
    assert respuesta.request["PATH_INFO"].startswith(url), respuesta.redirect_chain
    assert all(
        reverse("wagtailadmin_login") not in destino for destino, _ in respuesta.redirect_chain
    )


def assert_sin_acceso(client, url):
    """A logged-in user without the permission is sent back to the dashboard (Wagtail's
    "no permission" message) or refused; never to the login form, which would mean the
    session was lost rather than the permission checked."""
    respuesta = client.get(url)
    if respuesta.status_code == 302:
        assert respuesta["Location"] == reverse("wagtailadmin_home"), url
    else:
        assert respuesta.status_code == 403, url


def test_the_audit_log_shows_the_review(client, coordinadora, editora_renca, enviada):
    from django.contrib.auth import get_user_model

    ingresar(client, coordinadora)
    accion(client, enviada, "reject", "Falta la fuente.")
    client.logout()
    get_user_model().objects.create_superuser("tecnica", "t@example.org", "clave-tecnica-larga")
    client.post("/admin/login/", {"username": "tecnica", "password": "clave-tecnica-larga"})
    informe = client.get("/admin/reports/site-history/")
    assert informe.status_code == 200
    html = informe.content.decode()
    assert "Cabildos de Renca" in html


def test_a_member_created_in_the_admin_gets_its_group_and_collection(
    cliente_coordinadora, red_index
):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    from red.grupos import grupo_editores
    from red.models import MiembroPage

    url = reverse("wagtailadmin_pages:add", args=("red", "miembropage", red_index.pk))
    datos = nested_form_data(
        {
            "title": "Fundación Ciudad Abierta",
            "slug": "ciudad-abierta",
            "tipo": "organizacion",
            "resumen": "Una fundación.",
            "descripcion": rich_text(""),
        }
    )
    respuesta = cliente_coordinadora.post(url, datos)
    assert respuesta.status_code == 302, respuesta.context["form"].errors
    miembro = MiembroPage.objects.get(slug="ciudad-abierta")
    grupo = grupo_editores(miembro)
    assert grupo.name == "Editores · Fundación Ciudad Abierta"
    assert coleccion_de_miembro(miembro).name == "Fundación Ciudad Abierta"


def aprobar_desde_el_editor(client, practica, **cabeceras):
    """What the edit form sends after a click on "Aprobar y publicar"."""
    datos = datos_practica(practica.title, practica.slug)
    datos.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        }
    )
    url = reverse("wagtailadmin_pages:edit", args=(practica.pk,))
    return client.post(url, datos, **cabeceras)


def test_an_autosave_never_approves_or_publishes(client, coordinadora, enviada):
    """Wagtail 8's autosave re-sent the approval as JSON and could unpublish the page
    (issue 19): an autosave carrying a workflow or publish action gets a 409."""
    ingresar(client, coordinadora)
    respuesta = aprobar_desde_el_editor(client, enviada, HTTP_ACCEPT="application/json")
    assert respuesta.status_code == 409
    assert respuesta.json()["error_code"] == "accion_en_autoguardado"
    assert "El guardado automático no publica" in respuesta.json()["error_message"]
    enviada.refresh_from_db()
    assert not enviada.live
    assert enviada.current_workflow_state.status == "in_progress"
    assert not PageLogEntry.objects.filter(page=enviada, action="wagtail.workflow.approve").exists()

    con_publicar = datos_practica(enviada.title, enviada.slug, **{"action-publish": "true"})
    url = reverse("wagtailadmin_pages:edit", args=(enviada.pk,))
    assert client.post(url, con_publicar, HTTP_ACCEPT="application/json").status_code == 409


def test_the_approve_button_still_publishes_and_autosave_still_saves(client, coordinadora, enviada):
    ingresar(client, coordinadora)
    url = reverse("wagtailadmin_pages:edit", args=(enviada.pk,))
    borrador = datos_practica("Cabildos de Renca, borrador", enviada.slug)
    autoguardado = client.post(url, borrador, HTTP_ACCEPT="application/json")
    assert autoguardado.status_code == 200
    assert autoguardado.json()["success"] is True
    enviada.refresh_from_db()
    assert enviada.get_latest_revision().as_object().title == "Cabildos de Renca, borrador"

    respuesta = aprobar_desde_el_editor(client, enviada)
    assert respuesta.status_code == 302
    enviada.refresh_from_db()
    assert enviada.live
    assert client.get("/red/renca/" + enviada.slug + "/").status_code == 200
