"""Public registration through HTTP: the rules a person meets, and the e-mails they get."""

import datetime
import re

import icalendar
import pytest
from django.core import signing
from django.core.management import call_command

from eventos.inscripciones import SAL_ENLACE
from eventos.models import EstadoInscripcion, Inscripcion, Modalidad

from .factories import crear_evento, crear_inscripcion, datos_formulario, en_dias

pytestmark = pytest.mark.django_db

ENLACE = re.compile(r"https?://[^\s\"<]+/eventos/inscripcion/[\w-]+/[\w-]+/[\w-]+/")


def inscribir(client, evento, **cambios):
    return client.post(evento.url, datos_formulario(**cambios))


def enlace_de(mensaje):
    """The management link of an e-mail, checked in both the text and the HTML body."""
    texto = ENLACE.findall(mensaje.body)
    html = ENLACE.findall(mensaje.alternatives[0][0])
    assert texto and html and texto[0] == html[0]
    return texto[0].split("://", 1)[1].split("/", 1)[1]


def ics_adjunto(mensaje):
    adjuntos = [a for a in mensaje.attachments if a[0].endswith(".ics")]
    assert len(adjuntos) == 1
    assert adjuntos[0][2] == "text/calendar"
    return icalendar.Calendar.from_ical(adjuntos[0][1])


def test_registration_confirms_and_mails_the_ics_and_the_management_link(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca, title="Taller de datos abiertos", cupos=2)
    respuesta = inscribir(client, evento)
    assert respuesta.status_code == 303
    pagina = client.get(respuesta["Location"])
    assert "Revise su correo" in pagina.content.decode()

    inscripcion = Inscripcion.objects.get()
    assert inscripcion.estado == EstadoInscripcion.CONFIRMADA
    assert inscripcion.email == "ana@example.org"
    assert len(mailoutbox) == 1
    correo = mailoutbox[0]
    assert correo.to == ["ana@example.org"]
    assert "confirmada" in correo.subject and "Taller de datos abiertos" in correo.subject
    assert "Hola, Ana Pérez" in correo.body
    cal = ics_adjunto(correo)
    (vevento,) = cal.walk("VEVENT")
    assert str(vevento["SUMMARY"]) == "Taller de datos abiertos"
    assert vevento.decoded("DTSTART") == evento.inicio
    # The link opens the registration, and nobody can guess it from the id.
    gestion = client.get("/" + enlace_de(correo))
    assert gestion.status_code == 200
    html = gestion.content.decode()
    assert "Ana Pérez" in html and "Confirmada" in html
    assert str(inscripcion.pk) not in enlace_de(correo).split("/")[2:]


def test_online_link_goes_only_to_registrants(client, calendario, renca, mailoutbox):
    evento = crear_evento(
        renca, modalidad=Modalidad.EN_LINEA, enlace_en_linea="https://reunion.example.org/secreta"
    )
    assert "reunion.example.org" not in client.get(evento.url).content.decode()
    inscribir(client, evento)
    correo = mailoutbox[0]
    assert "https://reunion.example.org/secreta" in correo.body
    assert "https://reunion.example.org/secreta" in correo.alternatives[0][0]
    vevento = ics_adjunto(correo).walk("VEVENT")[0]
    assert "reunion.example.org/secreta" in str(vevento["DESCRIPTION"])


def test_second_registration_with_same_email_is_not_taken_and_mails_the_first_link(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca)
    primera = inscribir(client, evento)
    respuesta = inscribir(client, evento, email="ANA@example.org", nombre="Otra persona")
    # Whoever typed the address learns nothing: the same answer as a new address.
    assert respuesta.status_code == 303
    assert respuesta["Location"] == primera["Location"]
    assert "Ya hay una inscripción" not in client.get(respuesta["Location"]).content.decode()
    assert Inscripcion.objects.count() == 1
    assert len(mailoutbox) == 2
    assert "Ya tiene una inscripción" in mailoutbox[1].subject
    # Its link manages the first registration (a signed link carries the second it was
    # made, so the two e-mails' links need not be the same text).
    gestion = client.get("/" + enlace_de(mailoutbox[1])).content.decode()
    assert "<dd>Ana Pérez</dd>" in gestion and "Otra persona" not in gestion


def test_new_and_registered_addresses_get_the_same_response(client, calendario, renca):
    evento = crear_evento(renca, cupos=5)
    crear_inscripcion(evento, email="ya@example.org")

    def respuesta(email):
        r = inscribir(client, evento, email=email)
        return r.status_code, r["Location"], r.content, r["Cache-Control"]

    assert respuesta("ya@example.org") == respuesta("nueva@example.org")
    assert Inscripcion.objects.filter(email="nueva@example.org").exists()


def test_twenty_repeats_send_one_already_registered_email(
    client, calendario, renca, mailoutbox, settings
):
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 100
    evento = crear_evento(renca)
    crear_inscripcion(evento, email="ana@example.org")
    codigos = {inscribir(client, evento).status_code for _ in range(20)}
    assert codigos == {303}
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]
    assert "Ya tiene una inscripción" in mailoutbox[0].subject


def test_an_invisible_character_does_not_make_a_second_registration(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca)
    inscribir(client, evento, email="ana@example.org")
    for variante in ("ana@exa\u200bmple.org", "ＡＮＡ@example.org", " Ana@Example.ORG\u2060"):
        respuesta = inscribir(client, evento, email=variante)
        assert respuesta.status_code in (303, 422), variante
    assert Inscripcion.objects.count() == 1
    assert Inscripcion.objects.get().email == "ana@example.org"
    assert len(mailoutbox) == 2  # the confirmation, then one "already registered" note


def test_a_registered_address_on_a_full_event_hears_sin_cupos_like_anyone(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca, cupos=1, lista_espera=False)
    crear_inscripcion(evento, email="ana@example.org")
    ya = inscribir(client, evento, email="ana@example.org")
    nueva = inscribir(client, evento, email="otra@example.org", nombre="Ana Pérez")
    assert ya.status_code == nueva.status_code == 409
    assert "Sin cupos" in ya.content.decode()
    assert ya.content.decode().replace("ana@example.org", "otra@example.org") == (
        nueva.content.decode()
    )
    assert [m.to for m in mailoutbox] == [["ana@example.org"]]


@pytest.mark.parametrize(
    "cambios, estado",
    [({}, 303), ({"email": "no-es-correo"}, 422), ({"sitio_web": "http://spam"}, 303)],
)
def test_registration_responses_are_never_stored(client, calendario, renca, cambios, estado):
    evento = crear_evento(renca, cupos=1, lista_espera=False)
    respuesta = inscribir(client, evento, nombre="Beatriz Soto", **cambios)
    assert respuesta.status_code == estado
    if estado == 422:
        assert "Beatriz Soto" in respuesta.content.decode()
    assert "no-store" in respuesta["Cache-Control"] and "private" in respuesta["Cache-Control"]


def test_refused_and_management_pages_are_never_stored(client, calendario, renca, mailoutbox):
    evento = crear_evento(renca, cupos=1, lista_espera=False)
    inscribir(client, evento)
    lleno = inscribir(client, evento, email="otra@example.org")
    assert lleno.status_code == 409
    gestion = client.get("/" + enlace_de(mailoutbox[0]))
    assert "Ana Pérez" in gestion.content.decode()
    cancelada = client.post("/" + enlace_de(mailoutbox[0]), {"accion": "cancelar"})
    assert "fue cancelada" in cancelada.content.decode()
    for respuesta in (lleno, gestion, cancelada):
        assert "no-store" in respuesta["Cache-Control"], respuesta.status_code
        assert "private" in respuesta["Cache-Control"]


def test_after_cancelling_the_same_email_can_register_again(client, calendario, renca):
    evento = crear_evento(renca)
    crear_inscripcion(evento, email="ana@example.org", estado=EstadoInscripcion.CANCELADA)
    assert inscribir(client, evento).status_code == 303
    assert Inscripcion.objects.activas().count() == 1


def test_full_event_sends_people_to_the_waiting_list_in_order(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca, cupos=1, lista_espera=True)
    crear_inscripcion(evento, 1)
    pagina = client.get(evento.url).content.decode()
    assert "Lista de espera" in pagina and "Entrar a la lista de espera" in pagina
    r1 = inscribir(client, evento, email="b@example.org")
    r2 = inscribir(client, evento, email="c@example.org")
    assert "inscripcion=enviada" in r1["Location"] and "inscripcion=enviada" in r2["Location"]
    assert "Revise su correo" in client.get(r1["Location"]).content.decode()
    assert Inscripcion.objects.confirmadas().count() == 1
    espera = list(Inscripcion.objects.en_espera())
    assert [i.email for i in espera] == ["b@example.org", "c@example.org"]
    assert [i.posicion_espera for i in espera] == [1, 2]
    assert "lista de espera" in mailoutbox[0].subject.lower()
    assert "lugar 1 de la lista de espera" in mailoutbox[0].body
    assert "lugar 2 de la lista de espera" in mailoutbox[1].body
    assert not [a for a in mailoutbox[0].attachments if a[0].endswith(".ics")]


def test_full_event_without_waiting_list_says_sin_cupos(client, calendario, renca):
    evento = crear_evento(renca, cupos=1, lista_espera=False)
    crear_inscripcion(evento, 1)
    assert "Sin cupos" in client.get(evento.url).content.decode()
    respuesta = inscribir(client, evento)
    assert respuesta.status_code == 409
    assert "Sin cupos" in respuesta.content.decode()
    assert Inscripcion.objects.count() == 1


@pytest.mark.parametrize(
    "cambios, mensaje",
    [
        ({"inscripcion_abre": en_dias(2)}, "todavía no abren"),
        ({"inscripcion_cierra": en_dias(-1)}, "están cerradas"),
        ({"inicio": en_dias(0, 0, 1), "fin": en_dias(3)}, "están cerradas"),
    ],
)
def test_registration_is_refused_outside_its_window(client, calendario, renca, cambios, mensaje):
    evento = crear_evento(renca, **cambios)
    assert mensaje in client.get(evento.url).content.decode()
    respuesta = inscribir(client, evento)
    assert respuesta.status_code == 409
    assert mensaje in respuesta.content.decode()
    assert not Inscripcion.objects.exists()


def test_invalid_form_shows_errors_next_to_fields_and_in_a_summary(client, calendario, renca):
    evento = crear_evento(renca)
    respuesta = inscribir(client, evento, email="no-es-correo", consentimiento=None, nombre="")
    assert respuesta.status_code == 422
    html = respuesta.content.decode()
    assert 'class="error-summary"' in html
    assert "Debe aceptar el tratamiento de sus datos" in html
    assert 'href="#id_email"' in html and 'aria-invalid="true"' in html
    # What the person typed is still there.
    assert 'value="no-es-correo"' in html
    assert not Inscripcion.objects.exists()


def test_honeypot_pretends_success_and_saves_nothing(client, calendario, renca, mailoutbox):
    evento = crear_evento(renca)
    respuesta = inscribir(client, evento, sitio_web="http://spam.example")
    assert respuesta.status_code == 303
    assert not Inscripcion.objects.exists()
    assert mailoutbox == []


def test_rate_limit_per_ip(client, calendario, renca, settings):
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 3
    evento = crear_evento(renca, cupos=50)
    codigos = [inscribir(client, evento, email=f"p{i}@example.org").status_code for i in range(4)]
    assert codigos == [303, 303, 303, 429]
    assert Inscripcion.objects.count() == 3
    # Another IP is not affected.
    otra = client.post(evento.url, datos_formulario(email="x@example.org"), REMOTE_ADDR="10.0.0.9")
    assert otra.status_code == 303


def test_cancelling_promotes_the_first_on_the_waiting_list_and_tells_everyone(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(
        renca, cupos=1, modalidad=Modalidad.HIBRIDA, enlace_en_linea="https://reunion.example.org/x"
    )
    inscribir(client, evento, email="a@example.org", nombre="Primera")
    inscribir(client, evento, email="b@example.org", nombre="Segunda")
    inscribir(client, evento, email="c@example.org", nombre="Tercera")
    enlace = enlace_de(mailoutbox[0])
    mailoutbox.clear()

    pagina = client.get("/" + enlace)
    assert "Cancelar mi inscripción" in pagina.content.decode()
    respuesta = client.post("/" + enlace, {"accion": "cancelar"})
    assert respuesta.status_code == 200
    assert "fue cancelada" in respuesta.content.decode()

    estados = dict(Inscripcion.objects.values_list("email", "estado"))
    assert estados == {
        "a@example.org": EstadoInscripcion.CANCELADA,
        "b@example.org": EstadoInscripcion.CONFIRMADA,
        "c@example.org": EstadoInscripcion.ESPERA,
    }
    asuntos = {m.to[0]: m for m in mailoutbox}
    assert set(asuntos) == {"a@example.org", "b@example.org"}
    assert "cancelada" in asuntos["a@example.org"].subject
    promovida = asuntos["b@example.org"]
    assert "Se liberó un cupo" in promovida.subject
    assert "https://reunion.example.org/x" in promovida.body
    ics_adjunto(promovida)
    assert client.get("/" + enlace_de(promovida)).status_code == 200
    # Cancelling twice changes nothing.
    client.post("/" + enlace, {"accion": "cancelar"})
    assert Inscripcion.objects.confirmadas().count() == 1


def test_cancel_needs_post_with_csrf(calendario, renca, mailoutbox):
    from django.test import Client

    from eventos.inscripciones import token_de

    evento = crear_evento(renca)
    inscripcion = crear_inscripcion(evento)
    cliente = Client(enforce_csrf_checks=True)
    url = f"/eventos/inscripcion/{token_de(inscripcion)}/"
    assert cliente.post(url, {"accion": "cancelar"}).status_code == 403
    cliente.get(url)  # a GET never cancels
    inscripcion.refresh_from_db()
    assert inscripcion.estado == EstadoInscripcion.CONFIRMADA


def test_forged_or_expired_links_get_a_clear_page(client, calendario, renca, settings):
    evento = crear_evento(renca)
    inscripcion = crear_inscripcion(evento)
    falso = signing.dumps(str(inscripcion.codigo), salt="otra-sal").replace(":", "/")
    respuesta = client.get(f"/eventos/inscripcion/{falso}/")
    assert respuesta.status_code == 404
    assert "Enlace no válido" in respuesta.content.decode()
    assert client.get("/eventos/inscripcion/abc/def/ghi/").status_code == 404

    settings.RED_EVENTOS_ENLACE_DIAS = 1
    viejo = signing.TimestampSigner(salt=SAL_ENLACE)
    viejo.timestamp = lambda: signing.b62_encode(int(datetime.datetime(2020, 1, 1).timestamp()))
    token = viejo.sign_object(str(inscripcion.codigo)).replace(":", "/")
    respuesta = client.get(f"/eventos/inscripcion/{token}/")
    assert respuesta.status_code == 410
    assert "ya venció" in respuesta.content.decode()


def test_reminder_command_is_idempotent(client, calendario, renca, mailoutbox):
    manana = crear_evento(renca, title="Mañana", inicio=en_dias(1, 10), fin=en_dias(1, 12))
    lejano = crear_evento(renca, title="Lejano", inicio=en_dias(9, 10), fin=en_dias(9, 12))
    crear_inscripcion(manana, 1)
    crear_inscripcion(manana, 2, estado=EstadoInscripcion.CANCELADA)
    crear_inscripcion(manana, 3, estado=EstadoInscripcion.ESPERA)
    crear_inscripcion(lejano, 4)
    call_command("enviar_recordatorios", stdout=__import__("io").StringIO())
    assert [m.to for m in mailoutbox] == [["persona1@example.org"]]
    assert "Recordatorio" in mailoutbox[0].subject and "es mañana" in mailoutbox[0].body
    assert ENLACE.search(mailoutbox[0].body)
    call_command("enviar_recordatorios", stdout=__import__("io").StringIO())
    assert len(mailoutbox) == 1


def test_anonymization_keeps_the_counts(calendario, renca, settings):
    settings.RED_DIAS_ANONIMIZACION = 30
    viejo = crear_evento(renca, inicio=en_dias(-40, 10), fin=en_dias(-40, 12))
    reciente = crear_evento(renca, inicio=en_dias(-5, 10), fin=en_dias(-5, 12))
    for n in range(3):
        crear_inscripcion(viejo, n, asistio=n < 2, necesidades_accesibilidad="Rampa")
    crear_inscripcion(reciente, 9)
    salida = __import__("io").StringIO()
    call_command("anonimizar_inscripciones", stdout=salida)
    assert "anonimizadas: 3" in salida.getvalue()
    antiguas = Inscripcion.objects.filter(evento=viejo)
    assert antiguas.count() == 3 and antiguas.filter(asistio=True).count() == 2
    assert set(antiguas.values_list("nombre", "email", "necesidades_accesibilidad")) == {
        ("", "", "")
    }
    assert all(i.anonimizada for i in antiguas)
    assert Inscripcion.objects.get(evento=reciente).email == "persona9@example.org"
    call_command("anonimizar_inscripciones", "--dias", "1", stdout=salida)
    assert Inscripcion.objects.get(evento=reciente).anonimizada


def test_raising_the_capacity_promotes_the_waiting_list(calendario, renca, mailoutbox):
    evento = crear_evento(renca, cupos=1)
    crear_inscripcion(evento, 1)
    crear_inscripcion(evento, 2, estado=EstadoInscripcion.ESPERA)
    crear_inscripcion(evento, 3, estado=EstadoInscripcion.ESPERA)
    evento.cupos = 2
    evento.save_revision().publish()
    estados = dict(Inscripcion.objects.values_list("email", "estado"))
    assert estados["persona2@example.org"] == EstadoInscripcion.CONFIRMADA
    assert estados["persona3@example.org"] == EstadoInscripcion.ESPERA
    assert [m.to for m in mailoutbox] == [["persona2@example.org"]]
    assert "Se liberó un cupo" in mailoutbox[0].subject


@pytest.mark.parametrize(
    "cambios",
    [
        {"nombre": "x" * 5000},
        {"nombre": "Ana\x00"},
        {"comuna": "99999999"},
        {"comuna": "abc"},
        {"miembro": "abc"},
        {"miembro": "999999"},
        {"tipo_participante": "presidente"},
        {"email": "a@" + "x" * 300 + ".cl"},
    ],
)
def test_abusive_input_is_a_422_never_a_500(client, calendario, renca, cambios):
    evento = crear_evento(renca)
    respuesta = inscribir(client, evento, **cambios)
    assert respuesta.status_code == 422
    assert 'class="error-summary"' in respuesta.content.decode()
    assert not Inscripcion.objects.exists()


def test_a_member_page_that_is_not_an_event_is_not_accepted_as_organization(
    client, calendario, renca, red_index
):
    evento = crear_evento(renca)
    respuesta = inscribir(client, evento, miembro=str(evento.pk))
    assert respuesta.status_code == 422
    ok = inscribir(client, evento, miembro=str(renca.pk), organizacion="")
    assert ok.status_code == 303
    assert Inscripcion.objects.get().nombre_organizacion == "Municipalidad de Renca"
