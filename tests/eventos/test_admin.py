"""Organizers' admin: editors see, export and mark attendance of their own events only."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from eventos.models import Inscripcion

from .factories import crear_evento, crear_inscripcion

pytestmark = pytest.mark.django_db

INDICE = "/admin/inscripciones/"


def editor_de(miembro, nombre):
    """A user whose group can edit the pages below one member (minimal, tests only)."""
    grupo = Group.objects.create(name=f"Editores {nombre}")
    grupo.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=grupo, page=miembro, permission=Permission.objects.get(codename=codename)
        )
    usuario = get_user_model().objects.create_user(nombre, f"{nombre}@example.org", "clave-123")
    usuario.groups.add(grupo)
    return usuario


@pytest.fixture
def escenario(calendario, renca, maipu):
    evento_renca = crear_evento(renca, title="Taller de Renca")
    evento_maipu = crear_evento(maipu, title="Taller de Maipú")
    return {
        "renca": crear_inscripcion(evento_renca, 1, nombre="Rosa Renca"),
        "maipu": crear_inscripcion(evento_maipu, 2, nombre="Mario Maipú"),
        "editor_renca": editor_de(renca, "renca"),
        "editor_maipu": editor_de(maipu, "maipu"),
    }


def test_editors_see_only_their_own_events_registrations(client, escenario):
    client.force_login(escenario["editor_renca"])
    html = client.get(INDICE).content.decode()
    assert "Rosa Renca" in html and "Mario Maipú" not in html

    client.force_login(escenario["editor_maipu"])
    html = client.get(INDICE).content.decode()
    assert "Mario Maipú" in html and "Rosa Renca" not in html
    otra = escenario["renca"].pk
    assert client.get(f"{INDICE}edit/{otra}/").status_code in (403, 404)
    respuesta = client.post(f"{INDICE}edit/{otra}/", {"asistio": "on"})
    assert respuesta.status_code in (403, 404)
    assert not Inscripcion.objects.get(pk=otra).asistio


def test_coordination_sees_everything(client, admin_user, escenario):
    client.force_login(admin_user)
    html = client.get(INDICE).content.decode()
    assert "Rosa Renca" in html and "Mario Maipú" in html


def test_users_without_event_pages_get_nothing(client, escenario, red_index):
    usuario = get_user_model().objects.create_user("sinpermiso", "s@example.org", "clave-123")
    usuario.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(usuario)
    respuesta = client.get(INDICE)
    assert respuesta.status_code in (302, 403)
    assert b"Rosa Renca" not in respuesta.content
    assert client.get(INDICE + "?export=csv").status_code in (302, 403)
    # Anonymous visitors go to the login.
    client.logout()
    assert client.get(INDICE).status_code == 302


def test_nobody_adds_or_deletes_registrations_in_the_admin(client, admin_user, escenario):
    client.force_login(escenario["editor_renca"])
    assert client.get(f"{INDICE}new/").status_code in (302, 403)
    pk = escenario["renca"].pk
    assert client.post(f"{INDICE}delete/{pk}/").status_code in (302, 403)
    assert Inscripcion.objects.filter(pk=pk).exists()


def test_mark_attendance(client, escenario):
    client.force_login(escenario["editor_renca"])
    pk = escenario["renca"].pk
    formulario = client.get(f"{INDICE}edit/{pk}/")
    assert formulario.status_code == 200
    respuesta = client.post(f"{INDICE}edit/{pk}/", {"asistio": "on"})
    assert respuesta.status_code == 302
    inscripcion = Inscripcion.objects.get(pk=pk)
    assert inscripcion.asistio
    # Only attendance is editable: the person's data stays as they typed it.
    client.post(f"{INDICE}edit/{pk}/", {"asistio": "on", "nombre": "Cambiado"})
    assert Inscripcion.objects.get(pk=pk).nombre == "Rosa Renca"


def test_csv_export_is_safe_against_formula_injection(client, escenario):
    evento = escenario["renca"].evento
    for n, nombre in enumerate(
        ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]
    ):
        crear_inscripcion(evento, 10 + n, nombre=nombre, organizacion="=cmd|' /C calc'!A0")
    client.force_login(escenario["editor_renca"])
    respuesta = client.get(INDICE + "?export=csv")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/csv")
    contenido = b"".join(respuesta.streaming_content).decode()
    filas = list(csv.reader(io.StringIO(contenido)))
    cabecera, datos = filas[0], filas[1:]
    assert "Nombre" in cabecera and "Correo electrónico" in cabecera
    col = cabecera.index("Nombre")
    nombres = {fila[col] for fila in datos}
    assert nombres == {
        "Rosa Renca",
        '\'=HYPERLINK("http://x")',
        "'+1+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tTab",
        "'\rCR",
    }
    org = cabecera.index("Organización")
    assert all(not fila[org].startswith(("=", "+", "-", "@")) for fila in datos)
    assert "Mario Maipú" not in contenido


@pytest.mark.parametrize("vista", ["history", "usage", "edit", "delete", "copy", "inspect"])
def test_other_members_editors_get_nothing_from_any_view(client, escenario, vista):
    client.force_login(escenario["editor_maipu"])
    respuesta = client.get(f"{INDICE}{vista}/{escenario['renca'].pk}/")
    assert respuesta.status_code in (302, 403, 404)
    assert b"Rosa Renca" not in respuesta.content
    assert b"persona1@example.org" not in respuesta.content


def test_own_history_is_still_reachable(client, escenario):
    client.force_login(escenario["editor_renca"])
    assert client.get(f"{INDICE}history/{escenario['renca'].pk}/").status_code == 200


def test_event_editor_forms_load_and_preview(client, admin_user, calendario, renca):
    client.force_login(admin_user)
    evento = crear_evento(renca, ejes=["datos-abiertos"], tags=["taller"])
    assert client.get(f"/admin/pages/{evento.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/eventos/eventopage/{renca.pk}/").status_code == 200
    # The preview renders the page with its unsaved changes (through the routable "" route).
    evento.title = "Título aún sin guardar"
    vista_previa = evento.make_preview_request()
    assert vista_previa.status_code == 200
    assert "Título aún sin guardar" in vista_previa.content.decode()
    assert not evento.permissions_for_user(admin_user).can_add_subpage()
