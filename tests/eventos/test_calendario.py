"""The calendar at /eventos/: order, archive, filters, places left, queries, iCalendar feed."""

import re

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eventos.models import EstadoInscripcion, Modalidad, TipoEvento

from .factories import crear_evento, crear_inscripcion, en_dias

pytestmark = pytest.mark.django_db


def titulos(respuesta):
    html = respuesta.content.decode()
    return re.findall(
        r'<li class="card evento-card">.*?<h3><a href="[^"]+">([^<]+)</a>', html, re.S
    )


def test_upcoming_first_in_date_order_and_past_in_the_archive(client, calendario, renca):
    crear_evento(renca, title="Pasado", inicio=en_dias(-5), fin=en_dias(-5, 12))
    crear_evento(renca, title="En un mes", inicio=en_dias(30), fin=en_dias(30, 12))
    crear_evento(renca, title="Mañana", inicio=en_dias(1), fin=en_dias(1, 12))
    crear_evento(renca, title="Antiguo", inicio=en_dias(-50), fin=en_dias(-50, 12))
    respuesta = client.get("/eventos/")
    assert respuesta.status_code == 200
    assert titulos(respuesta) == ["Mañana", "En un mes"]
    assert titulos(client.get("/eventos/?archivo=1")) == ["Pasado", "Antiguo"]


def test_each_event_shows_places_left_or_waiting_list(client, calendario, renca):
    con_cupos = crear_evento(renca, title="Con cupos", cupos=3)
    crear_inscripcion(con_cupos, 1)
    crear_inscripcion(con_cupos, 2, estado=EstadoInscripcion.CANCELADA)
    lleno = crear_evento(renca, title="Lleno", cupos=1, lista_espera=True)
    crear_inscripcion(lleno, 3)
    agotado = crear_evento(renca, title="Agotado", cupos=1, lista_espera=False)
    crear_inscripcion(agotado, 4)
    html = client.get("/eventos/").content.decode()
    tarjetas = dict(
        re.findall(
            r'<h3><a href="[^"]+">([^<]+)</a>.*?class="evento-cupos[^"]*">([^<]+)<', html, re.S
        )
    )
    assert tarjetas == {
        "Con cupos": "Quedan 2 cupos",
        "Lleno": "Lista de espera",
        "Agotado": "Sin cupos",
    }


def test_filters_by_kind_modality_comuna_and_axis(client, calendario, renca):
    crear_evento(
        renca,
        title="Taller en Renca",
        tipo=TipoEvento.TALLER,
        comuna="13128",
        ejes=["datos-abiertos"],
    )
    crear_evento(
        renca,
        title="Webinar",
        tipo=TipoEvento.WEBINAR,
        modalidad=Modalidad.EN_LINEA,
        enlace_en_linea="https://x.example.org",
        ejes=["participacion-ciudadana"],
    )
    assert titulos(client.get("/eventos/", {"tipo": "webinar"})) == ["Webinar"]
    assert titulos(client.get("/eventos/", {"modalidad": "presencial"})) == ["Taller en Renca"]
    assert titulos(client.get("/eventos/", {"comuna": "13128"})) == ["Taller en Renca"]
    assert titulos(client.get("/eventos/", {"eje": "participacion-ciudadana"})) == ["Webinar"]
    assert titulos(client.get("/eventos/", {"eje": "datos-abiertos", "tipo": "webinar"})) == []


@pytest.mark.parametrize(
    "consulta",
    [
        {"tipo": "nada"},
        {"modalidad": "<script>"},
        {"comuna": "99999"},
        {"eje": "x" * 5000},
        {"page": "abc"},
        {"page": "9999"},
        {"archivo": "zzz"},
        {"tipo": "\x00"},
    ],
)
def test_invalid_filters_are_ignored_never_a_500(client, calendario, renca, consulta):
    crear_evento(renca, title="Único")
    respuesta = client.get("/eventos/", consulta)
    assert respuesta.status_code == 200
    assert titulos(respuesta) == ["Único"]


def test_query_count_does_not_grow_with_the_number_of_events(client, calendario, renca):
    def contar():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/eventos/").status_code == 200
        return len(ctx)

    for n in range(2):
        evento = crear_evento(renca, comuna="13128", ejes=["datos-abiertos"])
        crear_inscripcion(evento, n)
    contar()  # warms the per-request caches (site root paths, locales)
    pocas = contar()
    for n in range(8):
        evento = crear_evento(renca, comuna="13128", ejes=["transparencia"])
        crear_inscripcion(evento, n)
    contar()  # creating pages clears the cached site root paths: warm them again
    assert contar() <= pocas  # never more: a per-process read may already be kept


def test_pagination(client, calendario, renca):
    for n in range(14):
        crear_evento(renca, title=f"Evento {n:02}", inicio=en_dias(n + 1), fin=en_dias(n + 1, 12))
    primera = client.get("/eventos/")
    assert len(titulos(primera)) == 12
    assert 'rel="next"' in primera.content.decode()
    assert titulos(client.get("/eventos/", {"page": 2})) == ["Evento 12", "Evento 13"]


def test_calendar_feed_is_valid_icalendar_with_upcoming_events_only(client, calendario, renca):
    crear_evento(renca, title="Próximo", inicio=en_dias(3, 9), fin=en_dias(3, 11))
    crear_evento(renca, title="Pasado", inicio=en_dias(-3, 9), fin=en_dias(-3, 11))
    crear_evento(
        renca,
        title="En línea",
        modalidad=Modalidad.EN_LINEA,
        enlace_en_linea="https://secreto.example.org/sala",
    )
    respuesta = client.get("/eventos/calendario.ics")
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(respuesta.content)
    eventos = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert set(eventos) == {"Próximo", "En línea"}
    assert eventos["Próximo"]["DTSTART"].params["TZID"] == "America/Santiago"
    assert eventos["Próximo"].decoded("DTSTART") == en_dias(3, 9)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["America/Santiago"]
    assert b"secreto.example.org" not in respuesta.content
    # Each event keeps the same UID in the feed and in its own file.
    propio = icalendar.Calendar.from_ical(client.get(_url_ics(client, "Próximo")).content)
    assert propio.walk("VEVENT")[0]["UID"] == eventos["Próximo"]["UID"]


def _url_ics(client, titulo):
    from eventos.models import EventoPage

    return EventoPage.objects.get(title=titulo).url + "evento.ics"


def test_unpublished_events_are_nowhere(client, calendario, renca):
    evento = crear_evento(renca, title="Borrador")
    evento.unpublish()
    assert titulos(client.get("/eventos/")) == []
    assert b"Borrador" not in client.get("/eventos/calendario.ics").content
    assert client.get(evento.url + "evento.ics" if evento.url else "/x.ics").status_code == 404
