"""A real editor of Renca, logged in through the admin: what they can do under Renca,
and that nothing of Maipú is within reach."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from practicas.models import PracticaPage
from tests.practicas.factories import PracticaPageFactory

from .formularios import datos_practica

pytestmark = pytest.mark.django_db


def url_nueva_practica(padre):
    return reverse("wagtailadmin_pages:add", args=("practicas", "practicapage", padre.pk))


def test_renca_editor_writes_a_draft_submits_it_and_cannot_publish(
    cliente_renca, renca, coordinadora
):
    formulario = cliente_renca.get(url_nueva_practica(renca))
    assert formulario.status_code == 200
    html = formulario.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    # Save a draft.
    respuesta = cliente_renca.post(
        url_nueva_practica(renca), datos_practica("Cabildos", "cabildos")
    )
    assert respuesta.status_code == 302
    practica = PracticaPage.objects.get(slug="cabildos")
    assert practica.get_parent().pk == renca.pk
    assert not practica.live and practica.has_unpublished_changes

    # Asking to publish directly only saves another draft.
    editar = reverse("wagtailadmin_pages:edit", args=(practica.pk,))
    cliente_renca.post(
        editar, datos_practica("Cabildos abiertos", "cabildos", **{"action-publish": "1"})
    )
    practica.refresh_from_db()
    assert not practica.live
    assert cliente_renca.get(practica.url or "/red/renca/cabildos/").status_code == 404

    # Submit for review: the coordination is told by e-mail.
    mail.outbox.clear()
    respuesta = cliente_renca.post(
        editar, datos_practica("Cabildos abiertos", "cabildos", **{"action-submit": "1"})
    )
    assert respuesta.status_code == 302
    practica.refresh_from_db()
    assert practica.workflow_in_progress
    assert practica.current_workflow_state.workflow.name == "Revisión de la Coordinación"
    assert not practica.live
    destinatarios = [m.to for m in mail.outbox]
    assert [coordinadora.email] in destinatarios
    assert PageLogEntry.objects.filter(page=practica, action="wagtail.workflow.start").exists()


@pytest.fixture
def borrador_maipu(maipu):
    """A live practice of Maipú and a draft with a title nobody else may see."""
    practica = PracticaPageFactory(parent=maipu, title="Presupuesto participativo de Maipú")
    borrador = PracticaPageFactory(parent=maipu, title="Borrador secreto de Maipú", live=False)
    borrador.save_revision()
    return practica, borrador


def negado(respuesta):
    """Wagtail refuses with 403, or redirects to the dashboard with a permission message."""
    if respuesta.status_code in (403, 404):
        return True
    return (
        respuesta.status_code == 302
        and "/admin/" in respuesta["Location"]
        and ("edit" not in respuesta["Location"])
    )


@pytest.mark.parametrize(
    ("nombre", "metodo"),
    [
        ("edit", "get"),
        ("edit", "post"),
        ("delete", "get"),
        ("delete", "post"),
        ("move", "get"),
        ("copy", "get"),
        ("copy", "post"),
        ("unpublish", "get"),
        ("unpublish", "post"),
        ("lock", "post"),
        ("preview_on_edit", "get"),
        ("view_draft", "get"),
        ("add_subpage", "get"),
        ("set_privacy", "get"),
        ("usage", "get"),
        ("workflow_history", "get"),
        ("revisions_index", "get"),
        ("history", "get"),
    ],
)
def test_renca_editor_cannot_touch_a_page_of_maipu(
    cliente_renca, renca, borrador_maipu, nombre, metodo
):
    practica, _borrador = borrador_maipu
    url = reverse(f"wagtailadmin_pages:{nombre}", args=(practica.pk,))
    datos = (
        datos_practica("Tomada", "tomada")
        if nombre == "edit"
        else {"new_title": "Copia", "new_slug": "copia", "new_parent_page": renca.pk}
    )
    respuesta = getattr(cliente_renca, metodo)(url, datos if metodo == "post" else None)
    assert negado(respuesta), (nombre, metodo, respuesta.status_code)
    practica.refresh_from_db()
    assert practica.live and practica.title == "Presupuesto participativo de Maipú"
    assert practica.locked is False
    assert not PracticaPage.objects.filter(slug__in=["copia", "tomada"]).exists()


def test_renca_editor_cannot_move_their_page_under_maipu_nor_revert_maipu(
    cliente_renca, renca, maipu, borrador_maipu
):
    practica, _borrador = borrador_maipu
    propia = PracticaPageFactory(parent=renca, title="Propia")
    mover = reverse("wagtailadmin_pages:move_confirm", args=(propia.pk, maipu.pk))
    assert negado(cliente_renca.post(mover))
    assert propia.get_parent().pk == renca.pk
    revision = practica.save_revision()
    revertir = reverse("wagtailadmin_pages:revisions_revert", args=(practica.pk, revision.pk))
    assert negado(cliente_renca.get(revertir))


def test_maipu_drafts_are_invisible_to_renca_editor(
    cliente_renca, renca, red_index, borrador_maipu
):
    practica, borrador = borrador_maipu
    # Explorer: the editor's tree starts at Renca.
    explorador = cliente_renca.get(reverse("wagtailadmin_explore", args=(red_index.pk,)))
    assert "Borrador secreto" not in explorador.content.decode()
    explorador_maipu = cliente_renca.get(
        reverse("wagtailadmin_explore", args=(practica.get_parent().pk,))
    )
    assert "Borrador secreto" not in explorador_maipu.content.decode()
    # Admin search finds Renca's own draft, not Maipú's.
    PracticaPageFactory(parent=renca, title="Borrador de Renca", live=False)
    busqueda = cliente_renca.get(reverse("wagtailadmin_pages:search"), {"q": "Borrador"})
    assert busqueda.status_code == 200
    assert "Borrador de Renca" in busqueda.content.decode()
    assert "Borrador secreto de Maipú" not in busqueda.content.decode()
    # Page chooser (browse and search).
    for url, params in (
        (reverse("wagtailadmin_choose_page"), {}),
        (reverse("wagtailadmin_choose_page_child", args=(practica.get_parent().pk,)), {}),
        (reverse("wagtailadmin_choose_page_search"), {"q": "Borrador"}),
    ):
        respuesta = cliente_renca.get(url, params)
        assert "Borrador secreto de Maipú" not in respuesta.content.decode(), url
    # Previews of the draft.
    for nombre in ("preview_on_edit", "view_draft"):
        preview = reverse(f"wagtailadmin_pages:{nombre}", args=(borrador.pk,))
        respuesta = cliente_renca.get(preview)
        assert negado(respuesta), nombre
        assert "Borrador secreto de Maipú" not in respuesta.content.decode()
    # Public site: a draft does not exist.
    assert cliente_renca.get("/red/maipu/").status_code == 200
    assert cliente_renca.get(f"/red/maipu/{borrador.slug}/").status_code == 404
    # Public API, asked by the logged-in editor: live pages only.
    api = cliente_renca.get("/api/v2/pages/", {"type": "practicas.PracticaPage", "limit": 100})
    assert api.status_code == 200
    titulos_api = [p["title"] for p in api.json()["items"]]
    assert "Presupuesto participativo de Maipú" in titulos_api
    assert "Borrador secreto de Maipú" not in titulos_api
    assert cliente_renca.get(f"/api/v2/pages/{borrador.pk}/").status_code == 404


def test_renca_editor_sees_only_own_pages_in_explorer(
    cliente_renca, renca, red_index, borrador_maipu
):
    propia = PracticaPageFactory(parent=renca, title="Cabildos de Renca")
    respuesta = cliente_renca.get(reverse("wagtailadmin_explore", args=(renca.pk,)))
    assert respuesta.status_code == 200
    assert "Cabildos de Renca" in respuesta.content.decode()
    assert Page.objects.filter(pk=propia.pk).exists()


def test_the_admin_api_hides_maipu_drafts(cliente_renca, renca, borrador_maipu):
    """The admin's own page API (behind the explorer menu); the public API v2 is
    tested by its own branch."""
    _practica, borrador = borrador_maipu
    propio = PracticaPageFactory(parent=renca, title="Borrador de Renca", live=False)
    assert cliente_renca.get(f"/admin/api/main/pages/{propio.pk}/").status_code == 200
    assert cliente_renca.get(f"/admin/api/main/pages/{borrador.pk}/").status_code == 404
    hijos = cliente_renca.get("/admin/api/main/pages/", {"child_of": renca.pk})
    assert "Borrador de Renca" in hijos.content.decode()
    ajenos = cliente_renca.get("/admin/api/main/pages/", {"child_of": borrador.get_parent().pk})
    assert "Borrador secreto" not in ajenos.content.decode()


@pytest.mark.parametrize("accion", ["delete", "unpublish", "publish"])
def test_bulk_actions_do_not_reach_maipu(cliente_renca, renca, borrador_maipu, accion):
    practica, borrador = borrador_maipu
    url = f"/admin/bulk/wagtailcore/page/{accion}/?id={practica.pk}&id={borrador.pk}"
    cliente_renca.get(url)
    cliente_renca.post(url, {"include_descendants": "on"})
    practica.refresh_from_db()
    borrador.refresh_from_db()
    assert practica.live and not borrador.live
