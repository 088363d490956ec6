"""Following a program or a commitment by e-mail: double opt-in, one-click unsubscribe,
the same answer for every address, and the address in no public output."""

import re
import time
from unittest import mock

import pytest
from django.core import signing

from rendicion import seguimiento
from rendicion.models import Estado, Suscripcion

from .factories import CompromisoPageFactory, cambio

pytestmark = pytest.mark.django_db

CORREO = "vecina.renca@example.org"


@pytest.fixture
def compromisos(programa_renca):
    return (
        CompromisoPageFactory(parent=programa_renca, title="Plaza de Renca"),
        CompromisoPageFactory(parent=programa_renca, title="Consultorio nuevo"),
    )


def url_seguir(programa, compromiso=None):
    url = programa.url + "seguir/"
    return f"{url}?compromiso={compromiso.pk}" if compromiso else url


def pedir(client, programa, compromiso=None, email=CORREO, **extra):
    datos = {"email": email, "consentimiento": "on", **extra}
    if compromiso:
        datos["compromiso"] = str(compromiso.pk)
    return client.post(programa.url + "seguir/", datos)


def enlace(correo, tipo):
    (url,) = re.findall(rf"https?://\S+/seguimiento/{tipo}/\S+/", correo.body)
    return url[url.index("/seguimiento/") :]


def seguir_confirmado(client, mailoutbox, programa, compromiso=None, email=CORREO):
    pedir(client, programa, compromiso, email=email)
    respuesta = client.get(enlace(mailoutbox[-1], "confirmar"))
    assert respuesta.status_code == 200
    mailoutbox.clear()


def test_following_a_program_asks_for_confirmation_first(client, programa_renca, mailoutbox):
    formulario = client.get(url_seguir(programa_renca))
    assert formulario.status_code == 200
    assert "Seguir por correo" in formulario.content.decode()
    assert "no-store" in formulario["Cache-Control"]

    respuesta = pedir(client, programa_renca)
    assert respuesta.status_code == 303
    assert respuesta["Location"].startswith(programa_renca.url + "seguir/?enviado=1")
    assert "Revise su correo" in client.get(respuesta["Location"]).content.decode()
    (correo,) = mailoutbox
    assert correo.to == [CORREO]
    assert programa_renca.title in correo.subject
    assert Suscripcion.objects.get().confirmada is None

    listo = client.get(enlace(correo, "confirmar"))
    assert listo.status_code == 200
    assert "Seguimiento confirmado" in listo.content.decode()
    assert Suscripcion.objects.get().confirmada is not None


def test_a_change_reaches_the_followers_with_a_one_click_unsubscribe(
    client, programa_renca, compromisos, mailoutbox
):
    plaza, _consultorio = compromisos
    seguir_confirmado(client, mailoutbox, programa_renca)

    cambio(plaza, Estado.EN_EJECUCION, 40, nota="Se firmó el contrato de obras.")
    (aviso,) = mailoutbox
    assert aviso.to == [CORREO]
    assert "Plaza de Renca" in aviso.subject
    assert "Se firmó el contrato de obras." in aviso.body
    assert "En ejecución · 40 %" in aviso.body
    assert aviso.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    baja = enlace(aviso, "baja")
    assert aviso.extra_headers["List-Unsubscribe"].endswith(baja + ">")

    # Publishing again without new entries announces nothing twice.
    plaza.save_revision().publish()
    assert len(mailoutbox) == 1

    # What a mail client does with the header: one POST, no cookie, no CSRF token.
    respuesta = client.post(baja, {"List-Unsubscribe": "One-Click"})
    assert respuesta.status_code == 200
    assert "ya no le enviaremos correos" in respuesta.content.decode()
    assert not Suscripcion.objects.exists()
    cambio(plaza, Estado.CUMPLIDO, 100, dias=1, nota="Plaza inaugurada.")
    assert len(mailoutbox) == 1
    # The link keeps working (it says it is done) after the row is gone.
    assert client.get(baja).status_code == 200


def test_the_unsubscribe_link_asks_before_a_person_leaves(client, programa_renca, mailoutbox):
    seguir_confirmado(client, mailoutbox, programa_renca)
    suscripcion = Suscripcion.objects.get()
    baja = seguimiento.url_baja(suscripcion)
    pagina = client.get(baja[baja.index("/seguimiento/") :])
    assert pagina.status_code == 200
    assert "¿Dejar de recibir los avisos" in pagina.content.decode()
    assert Suscripcion.objects.exists()  # a link scanner's GET changes nothing


def test_following_one_commitment_gets_only_its_changes(
    client, programa_renca, compromisos, mailoutbox
):
    plaza, consultorio = compromisos
    assert client.get(url_seguir(programa_renca, plaza)).status_code == 200
    seguir_confirmado(client, mailoutbox, programa_renca, plaza)
    cambio(consultorio, nota="Se licitó el consultorio.")
    assert mailoutbox == []
    cambio(plaza, nota="Se licitó la plaza.")
    (aviso,) = mailoutbox
    assert "Se licitó la plaza." in aviso.body


def test_someone_following_both_gets_one_email(client, programa_renca, compromisos, mailoutbox):
    plaza, _consultorio = compromisos
    seguir_confirmado(client, mailoutbox, programa_renca)
    seguir_confirmado(client, mailoutbox, programa_renca, plaza)
    cambio(plaza, nota="Se licitó la plaza.")
    assert len(mailoutbox) == 1


def test_an_unconfirmed_address_gets_nothing_but_the_confirmation(
    client, programa_renca, compromisos, mailoutbox
):
    pedir(client, programa_renca)
    mailoutbox.clear()
    cambio(compromisos[0], nota="Se licitó la plaza.")
    assert mailoutbox == []


def test_every_address_gets_the_same_answer_and_repeats_send_no_spam(
    client, programa_renca, mailoutbox
):
    seguir_confirmado(client, mailoutbox, programa_renca)
    ya_sigue = pedir(client, programa_renca)
    nueva = pedir(client, programa_renca, email="otra.persona@example.org")
    assert ya_sigue.status_code == nueva.status_code == 303
    assert ya_sigue["Location"] == nueva["Location"]
    # Only the new address got a confirmation; asking again within the hour adds none.
    assert [c.to for c in mailoutbox] == [["otra.persona@example.org"]]
    pedir(client, programa_renca, email="OTRA.persona@example.org ")
    assert len(mailoutbox) == 1
    assert Suscripcion.objects.filter(email="otra.persona@example.org").count() == 1


@pytest.mark.parametrize(
    "datos, mensaje",
    [
        ({"email": "", "consentimiento": "on"}, "Escriba su correo electrónico."),
        ({"email": "no-es-un-correo", "consentimiento": "on"}, "Escriba un correo válido"),
        ({"email": CORREO}, "Debe aceptar el uso de su correo"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    client, programa_renca, mailoutbox, datos, mensaje
):
    respuesta = client.post(programa_renca.url + "seguir/", datos)
    assert respuesta.status_code == 422
    html = respuesta.content.decode()
    assert mensaje in html
    assert 'aria-invalid="true"' in html
    assert not Suscripcion.objects.exists() and mailoutbox == []


def test_a_bot_filling_the_hidden_field_saves_nothing(client, programa_renca, mailoutbox):
    respuesta = pedir(client, programa_renca, sitio_web="http://spam.example")
    assert respuesta.status_code == 303
    assert not Suscripcion.objects.exists() and mailoutbox == []


def test_a_commitment_of_another_program_or_nonsense_is_a_404(
    client, programa_renca, compromisos, maipu
):
    from .factories import ProgramaPageFactory

    otro = ProgramaPageFactory(parent=maipu, slug="programa-maipu")
    ajeno = CompromisoPageFactory(parent=otro)
    assert client.get(url_seguir(programa_renca, ajeno)).status_code == 404
    assert client.get(programa_renca.url + "seguir/?compromiso=abc").status_code == 404
    assert pedir(client, programa_renca, ajeno).status_code == 404
    assert not Suscripcion.objects.exists()


def test_too_many_requests_from_one_connection(client, programa_renca, settings, mailoutbox):
    settings.RED_RENDICION_SEGUIR_POR_IP = 2
    for i in range(2):
        assert pedir(client, programa_renca, email=f"p{i}@example.org").status_code == 303
    respuesta = pedir(client, programa_renca, email="p9@example.org")
    assert respuesta.status_code == 429
    assert "demasiados pedidos" in respuesta.content.decode()
    assert not Suscripcion.objects.filter(email="p9@example.org").exists()


def test_forged_and_expired_links_are_refused(client, programa_renca, mailoutbox):
    hace_20_dias = signing.b62_encode(int(time.time()) - 20 * 24 * 3600)
    # A link signed 20 days ago (confirmation links last RED_RENDICION_CONFIRMAR_DIAS = 7).
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=hace_20_dias):
        pedir(client, programa_renca)
    confirmar = enlace(mailoutbox[0], "confirmar")
    vencido = client.get(confirmar)
    assert vencido.status_code == 410
    assert "ya venció" in vencido.content.decode()
    assert Suscripcion.objects.get().confirmada is None

    forjado = "/seguimiento/confirmar/" + signing.dumps("x").replace(":", "/") + "/"
    assert client.get(forjado).status_code == 404
    assert client.get("/seguimiento/confirmar/a/b/c/").status_code == 404
    assert client.post("/seguimiento/baja/a/b/c/").status_code == 404
    # A confirmation link does not unsubscribe, nor the other way round.
    suscripcion = Suscripcion.objects.get()
    cruzado = seguimiento.token(suscripcion, seguimiento.SAL_CONFIRMAR)
    assert client.post(f"/seguimiento/baja/{cruzado}/").status_code == 404
    assert Suscripcion.objects.exists()


def test_the_address_appears_in_no_public_output(
    client, programa_renca, compromisos, datos, mailoutbox
):
    plaza, _consultorio = compromisos
    seguir_confirmado(client, mailoutbox, programa_renca, plaza)
    cambio(plaza, nota="Se licitó la plaza.")
    salidas = [
        programa_renca.url,
        plaza.url,
        programa_renca.url + "cambios/",
        programa_renca.url + "cambios/feed/",
        "/datos/compromisos.csv",
        "/datos/compromisos.json",
        "/datos/compromisos-historial.csv",
        "/datos/catalogo.jsonld",
        "/api/v2/pages/?type=rendicion.CompromisoPage&fields=*",
        f"/api/v2/pages/{plaza.pk}/",
        "/buscar/?q=vecina",
        "/sitemap.xml",
    ]
    for url in salidas:
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url
        cuerpo = b"".join(respuesta) if respuesta.streaming else respuesta.content
        assert CORREO.encode() not in cuerpo, url
