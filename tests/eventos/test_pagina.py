"""The event page: what it shows, its JSON-LD, and what it never shows (the online link)."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Page

from eventos.models import EventoPage, Modalidad, TipoEvento

from .factories import crear_evento, crear_inscripcion, en_dias

pytestmark = pytest.mark.django_db

SECRETO = "https://reunion.example.org/sala-secreta"


SANTIAGO = ZoneInfo("America/Santiago")
DIAS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
MESES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]


def dia_del_evento():
    """The day of the `hibrido` event (en_dias(10)), in Santiago."""
    return timezone.localdate() + datetime.timedelta(days=10)


def en_santiago(dia, hora):
    return datetime.datetime.combine(dia, datetime.time(hora), tzinfo=SANTIAGO)


def fecha_en_espanol(dia):
    return f"{DIAS[dia.weekday()]} {dia.day} de {MESES[dia.month - 1]} de {dia.year}"


def json_ld(html):
    return json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))


@pytest.fixture
def hibrido(renca):
    evento = crear_evento(
        renca,
        title="Encuentro de presupuestos participativos",
        tipo=TipoEvento.ENCUENTRO,
        modalidad=Modalidad.HIBRIDA,
        enlace_en_linea=SECRETO,
        comuna="13128",
        lugar="Centro cultural",
        direccion="Av. Principal 100",
        accesibilidad="Rampa de acceso y baño accesible.",
        publico_objetivo="Dirigentes vecinales",
        cupos=10,
        ejes=["participacion-ciudadana"],
        tags=["presupuesto"],
        agenda=[("punto", {"hora": "09:30", "titulo": "Bienvenida", "expositor": "Alcaldía"})],
        expositores=[
            ("expositor", {"nombre": "Rosa Díaz", "cargo": "Directora", "institucion": ""})
        ],
    )
    crear_inscripcion(evento, 1)
    return evento


def test_event_page_shows_what_a_participant_needs(client, calendario, hibrido):
    html = client.get(hibrido.url).content.decode()
    for texto in (
        "Encuentro de intercambio",
        "Híbrida",
        "Centro cultural",
        "Av. Principal 100",
        "Renca",
        "Rampa de acceso",
        "Dirigentes vecinales",
        "Bienvenida",
        "Rosa Díaz",
        "Participación ciudadana",
        "Quedan 9 cupos",
        "Municipalidad de Renca",
        'href="' + hibrido.url + 'evento.ics"',
        "Enviaremos el enlace de conexión por correo",
    ):
        assert texto in html, texto
    # Spanish formats in Santiago time: the day, then the start and end hours.
    assert f"{fecha_en_espanol(dia_del_evento())}, 10:00</time>–13:00" in html


def test_online_link_is_never_public(client, calendario, hibrido):
    html = client.get(hibrido.url).content.decode()
    assert "sala-secreta" not in html
    assert "sala-secreta" not in json.dumps(json_ld(html))
    assert b"sala-secreta" not in client.get(hibrido.url + "evento.ics").content
    assert b"sala-secreta" not in client.get("/eventos/calendario.ics").content
    assert b"sala-secreta" not in client.get("/eventos/").content
    campos_busqueda = {getattr(f, "field_name", "") for f in EventoPage.search_fields}
    assert "enlace_en_linea" not in campos_busqueda
    assert "enlace_en_linea" not in {f.name for f in EventoPage.api_fields}
    # The site search does not find the event by it either.
    busqueda = client.get("/buscar/", {"q": "sala-secreta"}).content.decode()
    assert "0 resultados" in busqueda and hibrido.title not in busqueda


def test_json_ld_describes_a_schema_org_event(client, calendario, hibrido):
    datos = json_ld(client.get(hibrido.url).content.decode())
    assert datos["@type"] == "Event"
    assert datos["name"] == hibrido.title
    assert datos["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    # Santiago time with its UTC offset, as a calendar application reads it.
    assert datos["startDate"] == en_santiago(dia_del_evento(), 10).isoformat()
    assert datos["endDate"] == en_santiago(dia_del_evento(), 13).isoformat()
    assert datos["remainingAttendeeCapacity"] == 9
    assert datos["organizer"]["name"] == "Municipalidad de Renca"
    lugares = {lugar["@type"] for lugar in datos["location"]}
    assert lugares == {"Place", "VirtualLocation"}
    assert datos["location"][0]["address"]["addressLocality"] == "Renca"


def test_api_fields_serialize_public_data_and_places_left(client, calendario, hibrido, settings):
    """The /api/v2/ router is another module's; here a throwaway one checks our api_fields."""
    settings.ROOT_URLCONF = "tests.eventos.urls_api"
    respuesta = client.get("/api/v2/pages/", {"type": "eventos.EventoPage", "fields": "*"})
    assert respuesta.status_code == 200, respuesta.content[:500]
    (item,) = respuesta.json()["items"]
    assert item["cupos_disponibles"] == 9
    assert item["comuna_nombre"] == "Renca"
    assert item["nombres_ejes"] == ["Participación ciudadana"]
    assert "enlace_en_linea" not in item
    assert "sala-secreta" not in respuesta.content.decode()
    assert "inscripciones" not in respuesta.content.decode()
    assert "persona1@example.org" not in respuesta.content.decode()
    detalle = client.get(f"/api/v2/pages/{hibrido.pk}/").content.decode()
    assert "sala-secreta" not in detalle and "persona1@example.org" not in detalle


def test_past_event_shows_its_materials_and_no_form(client, calendario, renca):
    evento = crear_evento(
        renca,
        inicio=en_dias(-3),
        fin=en_dias(-3, 12),
        materiales=[("enlace", {"texto": "Grabación", "url": "https://video.example.org/1"})],
    )
    html = client.get(evento.url).content.decode()
    assert "Materiales del evento" in html and "https://video.example.org/1" in html
    assert "Inscribirme" not in html and "Finalizado" in html


def test_validation_of_dates_and_online_link(renca):
    evento = EventoPage(
        title="Mal",
        slug="mal",
        resumen="x",
        inicio=en_dias(3, 12),
        fin=en_dias(3, 10),
        modalidad=Modalidad.EN_LINEA,
        inscripcion_abre=en_dias(2),
        inscripcion_cierra=en_dias(1),
    )
    with pytest.raises(ValidationError) as error:
        evento.full_clean()
    assert {"fin", "inscripcion_cierra", "enlace_en_linea"} <= set(error.value.message_dict)


def test_member_page_and_home_list_the_events(client, calendario, renca, home_page):
    crear_evento(renca, title="Taller en la municipalidad")
    otro = Page.objects.get(pk=renca.pk)
    assert "Taller en la municipalidad" in client.get(otro.url).content.decode()
    inicio = client.get("/").content.decode()
    assert "Próximos eventos" in inicio and "Taller en la municipalidad" in inicio


def test_registrants_do_not_leak_to_the_site_search(client, calendario, hibrido):
    crear_inscripcion(hibrido, 7, nombre="Zacarías Inscrito", email="zacarias@example.org")
    html = client.get("/buscar/", {"q": "Zacarías"}).content.decode()
    assert "0 resultados" in html
    assert "zacarias@example.org" not in client.get("/buscar/", {"q": "zacarias"}).content.decode()
