"""A CR/LF in a title (issue 20, defect 1): saved without it, escaped in every iCal
text, and a registration that always ends with its e-mail, never with a 500."""

from unittest import mock

import icalendar
import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from eventos.models import EventoPage, Inscripcion
from home.models import ContentPage
from tests.factories import ContentPageFactory

from .factories import crear_evento, datos_formulario

pytestmark = pytest.mark.django_db

TITULO_HOSTIL = "Taller\r\nX-INYECTADO:1\r\nde datos\x00\u200b abiertos"
# What an old row can hold: PostgreSQL text never stores NUL, so rows written
# before the fix carry the line breaks but not that byte.
TITULO_ANTIGUO = TITULO_HOSTIL.replace("\x00", "")


def test_saving_a_page_drops_line_breaks_and_control_characters(calendario, renca):
    evento = crear_evento(renca, title=TITULO_HOSTIL, lugar="Sala\r\n1", seo_title="A\nB")
    evento.refresh_from_db()
    assert evento.title == "Taller X-INYECTADO:1 de datos abiertos"
    assert evento.lugar == "Sala 1"
    assert evento.seo_title == "A B"


def test_the_admin_saves_titles_on_one_line(admin_client, home_page):
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    datos = nested_form_data(
        {
            "title": "Sobre\r\nla Red",
            "slug": "sobre-la-red",
            "intro": "",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    respuesta = admin_client.post(f"/admin/pages/{pagina.pk}/edit/", datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:2000]
    pagina = ContentPage.objects.get(pk=pagina.pk)
    assert pagina.title == "Sobre la Red"
    assert pagina.get_latest_revision().content["title"] == "Sobre la Red"


def test_ics_escapes_a_title_saved_before_the_fix(client, calendario, renca):
    evento = crear_evento(renca, title="Taller")
    # Data already in the database, written before titles were cleaned on save.
    EventoPage.objects.filter(pk=evento.pk).update(title=TITULO_ANTIGUO, lugar="Sala\r\nX: 1")
    for url in (f"{evento.url}evento.ics", f"{calendario.url}calendario.ics"):
        respuesta = client.get(url)
        assert respuesta.status_code == 200, url
        texto = respuesta.content.decode()
        assert "\r\nX-INYECTADO" not in texto
        cal = icalendar.Calendar.from_ical(texto)
        assert "X-INYECTADO" not in cal.walk("VEVENT")[0]
        assert "X-INYECTADO:1" in str(cal.walk("VEVENT")[0]["SUMMARY"])
    cal = icalendar.Calendar.from_ical(client.get(f"{evento.url}evento.ics").content)
    assert "X-INYECTADO:1" in str(cal["X-WR-CALNAME"])


def test_registration_for_such_an_event_mails_its_ics(client, calendario, renca, mailoutbox):
    evento = crear_evento(renca, title="Taller")
    EventoPage.objects.filter(pk=evento.pk).update(title=TITULO_ANTIGUO)
    respuesta = client.post(evento.url, datos_formulario())
    assert respuesta.status_code == 303
    (correo,) = mailoutbox
    assert "\n" not in correo.subject and "X-INYECTADO:1" in correo.subject
    (adjunto,) = correo.attachments
    assert "X-INYECTADO:1" in str(icalendar.Calendar.from_ical(adjunto[1])["X-WR-CALNAME"])


def test_a_failure_building_the_email_never_turns_a_registration_into_a_500(
    client, calendario, renca, mailoutbox
):
    evento = crear_evento(renca)
    with mock.patch("eventos.ics.ics_de_evento", side_effect=ValueError("roto")):
        respuesta = client.post(evento.url, datos_formulario())
    # The registration was taken and the person is told to look at their mail; the
    # task that builds the e-mail failed on its own (and is recorded as failed).
    assert respuesta.status_code == 303
    assert Inscripcion.objects.count() == 1
    assert mailoutbox == []
