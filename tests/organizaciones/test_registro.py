"""/red/organizaciones/registrar/: RUT rules, uniqueness, consent, spam, e-mail, no cache."""

import pytest
from django.core import mail

from organizaciones.models import EstadoOrganizacion, Organizacion

from .factories import OrganizacionFactory, rut

pytestmark = pytest.mark.django_db
URL = "/red/organizaciones/registrar/"


def datos(**cambios):
    base = {
        "nombre": "Junta de Vecinos Los Aromos",
        "rut": "65.123.456-" + rut(65123456)[-1],
        "tipo": "junta-de-vecinos",
        "comuna": "13128",
        "comunas": ["13119"],
        "registro": "Secretaría Municipal de Renca",
        "numero_registro": "321",
        "directiva_vence": "2027-03-31",
        "descripcion": "Trabajamos por el barrio.",
        "contacto_nombre": "Inés Pérez",
        "contacto_email": "ines@example.org",
        "contacto_telefono": "+56 2 2222 2222",
        "consentimiento": "on",
        "sitio_web": "",
    }
    base.update(cambios)
    return base


def test_form_is_shown_with_no_store(client, catastro):
    respuesta = client.get(URL)
    assert respuesta.status_code == 200
    assert "Registrar una organización" in respuesta.content.decode()
    assert "no-store" in respuesta["Cache-Control"] and "private" in respuesta["Cache-Control"]


def test_registering_saves_a_pending_organization_and_confirms_by_email(
    client, catastro, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        respuesta = client.post(URL, datos())
    assert respuesta.status_code == 302
    assert respuesta["Location"].endswith("/red/organizaciones/registrar/gracias/")
    org = Organizacion.objects.get()
    assert org.estado == EstadoOrganizacion.PENDIENTE  # registering never verifies
    assert org.rut == rut(65123456)
    assert sorted(org.comunas.values_list("cut", flat=True)) == ["13119", "13128"]
    assert org.consentimiento
    assert len(mail.outbox) == 1
    correo = mail.outbox[0]
    assert correo.to == ["ines@example.org"]
    assert "Junta de Vecinos Los Aromos" in correo.body
    assert "http" not in correo.body.replace("http://", "").split("Red Regional")[0]


def test_a_wrong_check_digit_is_refused_and_what_was_typed_is_kept(client, catastro):
    malo = "65.123.456-" + ("1" if rut(65123456)[-1] != "1" else "2")
    respuesta = client.post(URL, datos(rut=malo))
    html = respuesta.content.decode()
    assert respuesta.status_code == 422
    assert "El dígito verificador no corresponde" in html
    assert "Hay 1 dato por corregir" in html
    assert 'value="Junta de Vecinos Los Aromos"' in html
    assert not Organizacion.objects.exists()


def test_consent_is_required(client, catastro):
    respuesta = client.post(URL, datos(consentimiento=""))
    assert respuesta.status_code == 422
    assert "debe autorizar el tratamiento" in respuesta.content.decode()
    assert not Organizacion.objects.exists()


def test_a_registered_rut_gets_a_neutral_message_without_the_other_contact(client, catastro):
    OrganizacionFactory(rut=rut(65123456), contacto_email="otra@privado.example")
    respuesta = client.post(URL, datos(rut=rut(65123456).replace("-", "")))
    html = respuesta.content.decode()
    assert respuesta.status_code == 422
    assert "Ese RUT ya está en el catastro" in html
    assert "otra@privado.example" not in html and "Rosa Secreta" not in html
    assert Organizacion.objects.count() == 1


def test_rut_is_unique_in_the_database(catastro):
    from django.db import IntegrityError, transaction

    OrganizacionFactory(rut=rut(65123456))
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganizacionFactory(rut=rut(65123456))


def test_the_honeypot_discards_bots(client, catastro):
    respuesta = client.post(URL, datos(sitio_web="http://spam.example"))
    assert respuesta.status_code == 400
    assert not Organizacion.objects.exists()


def test_the_form_is_rate_limited(client, catastro, settings):
    settings.RED_UNETE_MAX_ENVIOS = 2
    client.post(URL, datos(rut=rut(65000001)))
    client.post(URL, datos(rut=rut(65000002)))
    respuesta = client.post(URL, datos(rut=rut(65000003)))
    assert respuesta.status_code == 429
    assert "demasiados registros" in respuesta.content.decode()
    assert Organizacion.objects.count() == 2


def test_a_new_line_in_the_name_is_refused(client, catastro):
    respuesta = client.post(URL, datos(nombre="Junta\r\nBcc: otro@example.org"))
    assert respuesta.status_code == 422
    assert not Organizacion.objects.exists()


def test_the_english_form_is_in_english(client, catastro):
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    traducida = catastro.copy_for_translation(en, copy_parents=True, alias=False)
    traducida.save_revision().publish()
    respuesta = client.get("/en/red/organizaciones/registrar/")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert 'lang="en"' in html
    assert "Register an organisation" in html
    assert "Name of the person who represents the organisation" in html
    directorio = client.get("/en/red/organizaciones/").content.decode()
    assert "Directory of organisations" in directorio
    assert 'href="/en/red/organizaciones/registrar/"' in directorio
