"""Joining the network: from the public form to the new editor's first login, and
every bad input refused with its own message."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import ModelLogEntry

from red.grupos import coleccion_de_miembro, grupo_editores
from red.models import MiembroPage
from red.solicitudes import EstadoSolicitud, SolicitudIngreso
from tests.usuarios import ingresar

pytestmark = pytest.mark.django_db

URL = "/red/unete/"


def datos(**extra):
    base = {
        "nombre": "Junta de Vecinos Villa Esperanza",
        "tipo": "organizacion",
        "comunas": ["13128", "13119"],
        "rut": "65.123.456-1",
        "contacto_nombre": "Carmen Rojas",
        "contacto_email": "carmen@villaesperanza.cl",
        "que_compartir": "Nuestra experiencia con cabildos barriales.",
        "consentimiento": "on",
    }
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


@pytest.fixture
def rut_valido():
    from nucleo.rut import digito_verificador

    return f"65.123.456-{digito_verificador(65123456)}"


def test_the_whole_join_flow(client, red_index, coordinadora, rut_valido):
    formulario = client.get(URL)
    assert formulario.status_code == 200
    assert "Únase a la Red" in formulario.content.decode()

    respuesta = client.post(URL, datos(rut=rut_valido))
    assert respuesta.status_code == 302
    assert respuesta["Location"].endswith("/red/unete/gracias/")
    assert "Recibimos su solicitud" in client.get(respuesta["Location"]).content.decode()
    solicitud = SolicitudIngreso.objects.get()
    assert solicitud.rut == rut_valido.replace(".", "")
    assert sorted(c.cut for c in solicitud.comunas.all()) == ["13119", "13128"]
    acuse = [m for m in mail.outbox if m.to == ["carmen@villaesperanza.cl"]]
    assert len(acuse) == 1 and "Recibimos" in acuse[0].subject
    assert any(coordinadora.email in m.to for m in mail.outbox)

    # The coordination finds it in the admin, filtered by status and kind.
    ingresar(client, coordinadora)
    listado = client.get(
        "/admin/solicitudes-ingreso/", {"estado": "pendiente", "tipo": "organizacion"}
    )
    assert listado.status_code == 200
    assert "Villa Esperanza" in listado.content.decode()
    vacio = client.get("/admin/solicitudes-ingreso/", {"estado": "rechazada"})
    assert "Villa Esperanza" not in vacio.content.decode()
    detalle = client.get(f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/")
    assert detalle.status_code == 200
    assert "Carmen Rojas" in detalle.content.decode()

    mail.outbox.clear()
    aprobar = client.post(f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/aprobar/", {})
    assert aprobar.status_code == 302
    solicitud.refresh_from_db()
    assert solicitud.estado == EstadoSolicitud.APROBADA and solicitud.revisada_por == coordinadora
    miembro = solicitud.miembro.specific
    assert isinstance(miembro, MiembroPage) and miembro.live
    assert miembro.get_parent().pk == red_index.pk
    grupo = grupo_editores(miembro)
    assert grupo is not None and coleccion_de_miembro(miembro) is not None
    assert ModelLogEntry.objects.filter(
        object_id=str(solicitud.pk), action="red.solicitud.aprobada", user=coordinadora
    ).exists()
    assert ModelLogEntry.objects.filter(
        object_id=str(solicitud.pk), action="red.solicitud.recibida"
    ).exists()

    # The invitation lets the contact set a password and log in as the member's editor.
    (invitacion,) = [m for m in mail.outbox if m.to == ["carmen@villaesperanza.cl"]]
    enlace = re.search(r"http://testserver(/admin/password_reset/confirm/\S+)", invitacion.body)
    assert enlace
    client.logout()
    paso = client.get(enlace.group(1))
    assert paso.status_code == 302  # Django moves the token out of the URL
    clave = "Cabildos-barriales-2025"
    fijada = client.post(paso["Location"], {"new_password1": clave, "new_password2": clave})
    assert fijada.status_code == 302
    usuario = get_user_model().objects.get(email="carmen@villaesperanza.cl")
    assert list(usuario.groups.all()) == [grupo]
    ingresar(client, usuario, clave)
    nueva = client.get(f"/admin/pages/add/practicas/practicapage/{miembro.pk}/")
    assert nueva.status_code == 200
    otra = client.get(f"/admin/pages/{red_index.pk}/edit/")
    assert otra.status_code in (302, 403)


def test_coordinator_rejects_with_a_reason(client, red_index, coordinadora, rut_valido):
    client.post(URL, datos(rut=rut_valido))
    solicitud = SolicitudIngreso.objects.get()
    ingresar(client, coordinadora)
    url = f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/rechazar/"
    sin_motivo = client.post(url, {"motivo": ""})
    assert sin_motivo.status_code == 422
    assert "Escriba el motivo del rechazo" in sin_motivo.content.decode()
    mail.outbox.clear()
    assert client.post(url, {"motivo": "No trabaja en la región."}).status_code == 302
    solicitud.refresh_from_db()
    assert solicitud.estado == EstadoSolicitud.RECHAZADA
    assert "No trabaja en la región." in mail.outbox[0].body
    assert not MiembroPage.objects.filter(title=solicitud.nombre).exists()
    # A second decision changes nothing.
    otra_vez = client.post(f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/aprobar/", {})
    assert otra_vez.status_code == 409
    assert not MiembroPage.objects.filter(title=solicitud.nombre).exists()
    assert ModelLogEntry.objects.filter(action="red.solicitud.rechazada").count() == 1


def test_editors_cannot_review_applications(client, red_index, editora_renca, rut_valido):
    client.post(URL, datos(rut=rut_valido))
    solicitud = SolicitudIngreso.objects.get()
    ingresar(client, editora_renca)
    assert client.get("/admin/solicitudes-ingreso/").status_code in (302, 403)
    respuesta = client.post(f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/aprobar/", {})
    assert respuesta.status_code in (302, 403)
    solicitud.refresh_from_db()
    assert solicitud.pendiente


@pytest.mark.parametrize(
    ("cambio", "mensaje"),
    [
        ({"rut": "65.123.456-0"}, "El dígito verificador no corresponde"),
        ({"rut": "hola"}, "Escriba el RUT con su dígito verificador"),
        ({"comunas": ["99999"]}, "no es una de las 52 comunas"),
        ({"comunas": None}, "Marque al menos una comuna"),
        ({"consentimiento": None}, "debe autorizar el tratamiento"),
        ({"nombre": "x" * 151}, "Use como máximo 150 caracteres"),
        ({"que_compartir": "x" * 2001}, "Use como máximo 2000 caracteres"),
        ({"contacto_nombre": "Carmen\r\nBcc: todos@example.org"}, "sin saltos de línea"),
        ({"contacto_email": "carmen@example.org\nBcc: x@example.org"}, "Escriba un correo válido"),
        ({"tipo": "gobierno_regional"}, "Elija uno de los tipos"),
        ({"tipo": "municipalidad"}, "Una municipalidad marca solo su comuna"),
    ],
)
def test_bad_input_is_refused_with_its_own_message(client, red_index, rut_valido, cambio, mensaje):
    enviado = datos(rut=rut_valido, **cambio) if "rut" not in cambio else datos(**cambio)
    respuesta = client.post(URL, enviado)
    assert respuesta.status_code == 422
    html = respuesta.content.decode()
    assert mensaje in html
    assert "Junta de Vecinos" in html or "x" * 151 in html  # what was typed is kept
    assert not SolicitudIngreso.objects.exists()
    assert not mail.outbox


def test_duplicate_rut_pending_or_member(client, red_index, rut_valido):
    assert client.post(URL, datos(rut=rut_valido)).status_code == 302
    repetida = client.post(URL, datos(rut=rut_valido.replace(".", ""), nombre="Otra"))
    assert repetida.status_code == 422
    assert "Ya recibimos una solicitud con ese RUT" in repetida.content.decode()
    assert SolicitudIngreso.objects.count() == 1
    from tests.factories import MiembroPageFactory

    MiembroPageFactory(parent=red_index, rut="69.070.100-6")
    miembro = client.post(URL, datos(rut="69070100-6"))
    assert "Ese RUT ya es de un miembro de la Red" in miembro.content.decode()
    assert SolicitudIngreso.objects.count() == 1


def test_honeypot_and_rate_limit(client, red_index, rut_valido, settings):
    # Set first: the limit is part of django-ratelimit's counter key.
    settings.RED_UNETE_MAX_ENVIOS = 3
    bot = client.post(URL, datos(rut=rut_valido, sitio_web="http://spam.example"))
    assert bot.status_code == 400
    assert "No pudimos recibir la solicitud" in bot.content.decode()
    assert not SolicitudIngreso.objects.exists()
    for _ in range(2):
        client.post(URL, datos(rut="hola"))
    limitada = client.post(URL, datos(rut=rut_valido))
    assert limitada.status_code == 429
    assert "demasiadas solicitudes" in limitada.content.decode()
    assert not SolicitudIngreso.objects.exists()


def test_approval_when_the_username_is_taken(client, red_index, coordinadora, rut_valido):
    get_user_model().objects.create_user("carmen@villaesperanza.cl", "otra@example.org", "x")
    client.post(URL, datos(rut=rut_valido))
    solicitud = SolicitudIngreso.objects.get()
    ingresar(client, coordinadora)
    respuesta = client.post(f"/admin/solicitudes-ingreso/inspect/{solicitud.pk}/aprobar/", {})
    assert respuesta.status_code == 302
    nuevo = get_user_model().objects.get(email="carmen@villaesperanza.cl")
    assert nuevo.username == "carmen@villaesperanza.cl-2"
    assert not nuevo.has_usable_password()
    assert "carmen@villaesperanza.cl-2" in mail.outbox[-1].body


def test_the_form_speaks_english_under_en(client, red_index):
    from django.core.management import call_command
    from wagtail.models import Locale

    call_command("compilar_traducciones", verbosity=0)
    en = Locale.objects.get(language_code="en")
    inicio_en = red_index.get_parent().copy_for_translation(en)
    inicio_en.save_revision().publish()
    red_en = red_index.copy_for_translation(en)
    red_en.save_revision().publish()
    respuesta = client.get("/en/red/unete/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "Join the Network" in html and "Send application" in html
    assert 'action="/en/red/unete/"' in html


def test_a_municipality_that_is_already_a_member(client, red_index, rut_valido):
    from tests.factories import MiembroPageFactory

    MiembroPageFactory.municipalidad(red_index, "13128")
    respuesta = client.post(URL, datos(rut=rut_valido, tipo="municipalidad", comunas=["13128"]))
    assert respuesta.status_code == 422
    assert "La municipalidad de esa comuna ya es miembro de la Red" in respuesta.content.decode()
    assert not SolicitudIngreso.objects.exists()


def test_an_oversized_request_is_a_400(client, red_index, rut_valido):
    respuesta = client.post(URL, datos(rut=rut_valido, que_compartir="x" * 3_000_000))
    assert respuesta.status_code == 400
    assert not SolicitudIngreso.objects.exists()
