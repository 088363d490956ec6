"""Times in America/Santiago around Chile's daylight-saving changes.

In 2026 clocks go back at 00:00 of Sunday 5 April (−03 → −04: 23:00–23:59 of
Saturday happens twice) and forward at 00:00 of Sunday 6 September (−04 → −03).
The page shows Santiago wall-clock time in Spanish, the .ics carries
TZID=America/Santiago with a VTIMEZONE, and durations stay exact.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest

from .factories import crear_evento

pytestmark = pytest.mark.django_db

SANTIAGO = ZoneInfo("America/Santiago")
UTC = datetime.UTC


def santiago(*args):
    return datetime.datetime(*args, tzinfo=SANTIAGO)


def duracion(vevento):
    # Subtracting two datetimes that share a tzinfo is wall-clock arithmetic in
    # Python; the real duration is measured in UTC.
    return vevento.decoded("DTEND").astimezone(UTC) - vevento.decoded("DTSTART").astimezone(UTC)


def ics_de(client, evento):
    respuesta = client.get(evento.url + "evento.ics")
    assert respuesta.status_code == 200
    return icalendar.Calendar.from_ical(respuesta.content)


@pytest.fixture
def congelar_antes_de_2026(monkeypatch):
    """Events of 2026 are 'upcoming' whatever day the suite runs."""
    from django.utils import timezone

    ahora = datetime.datetime(2026, 1, 10, 12, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: ahora)


def test_the_zone_database_knows_chiles_changes():
    assert santiago(2026, 4, 4, 23, 30).utcoffset() == datetime.timedelta(hours=-3)
    assert santiago(2026, 4, 5, 0, 30).utcoffset() == datetime.timedelta(hours=-4)
    assert santiago(2026, 9, 5, 23, 30).utcoffset() == datetime.timedelta(hours=-4)
    assert santiago(2026, 9, 6, 1, 30).utcoffset() == datetime.timedelta(hours=-3)


def test_same_wall_clock_hour_before_and_after_winter_change(
    client, calendario, renca, congelar_antes_de_2026
):
    antes = crear_evento(
        renca, title="Antes", inicio=santiago(2026, 4, 4, 10), fin=santiago(2026, 4, 4, 12)
    )
    despues = crear_evento(
        renca, title="Después", inicio=santiago(2026, 4, 6, 10), fin=santiago(2026, 4, 6, 12)
    )
    html_antes = client.get(antes.url).content.decode()
    html_despues = client.get(despues.url).content.decode()
    assert "sábado 4 de abril de 2026, 10:00" in html_antes
    assert "lunes 6 de abril de 2026, 10:00" in html_despues
    assert 'datetime="2026-04-04T10:00:00-03:00"' in html_antes
    assert 'datetime="2026-04-06T10:00:00-04:00"' in html_despues

    for evento, utc in ((antes, 13), (despues, 14)):
        cal = ics_de(client, evento)
        vevento = cal.walk("VEVENT")[0]
        assert vevento["DTSTART"].params["TZID"] == "America/Santiago"
        assert (
            vevento["DTSTART"].to_ical()
            == evento.inicio.astimezone(SANTIAGO).strftime("%Y%m%dT%H%M%S").encode()
        )
        assert vevento.decoded("DTSTART").astimezone(UTC).hour == utc
        zona = cal.walk("VTIMEZONE")[0]
        assert zona["TZID"] == "America/Santiago"
        assert {c.name for c in zona.subcomponents} >= {"STANDARD"}


def test_event_across_the_repeated_hour_keeps_its_real_duration(
    client, calendario, renca, congelar_antes_de_2026
):
    # 22:00 (−03) to 00:30 (−04): two and a half hours on the clock, three and a half lived.
    inicio = santiago(2026, 4, 4, 22)
    fin = santiago(2026, 4, 5, 0, 30)
    evento = crear_evento(renca, inicio=inicio, fin=fin)
    vevento = ics_de(client, evento).walk("VEVENT")[0]
    assert duracion(vevento) == datetime.timedelta(hours=3, minutes=30)
    assert vevento.decoded("DTEND").astimezone(UTC) == datetime.datetime(
        2026, 4, 5, 4, 30, tzinfo=UTC
    )


def test_event_across_the_spring_change(client, calendario, renca, congelar_antes_de_2026):
    # 23:00 (−04) to 02:00 (−03) of 6 September: two real hours.
    evento = crear_evento(renca, inicio=santiago(2026, 9, 5, 23), fin=santiago(2026, 9, 6, 2))
    html = client.get(evento.url).content.decode()
    assert "sábado 5 de septiembre de 2026, 23:00" in html
    assert "domingo 6 de septiembre de 2026, 02:00" in html
    vevento = ics_de(client, evento).walk("VEVENT")[0]
    assert duracion(vevento) == datetime.timedelta(hours=2)
    assert b"DTEND;TZID=America/Santiago:20260906T020000" in vevento.to_ical()


def test_json_ld_dates_carry_the_offset_of_their_day(
    client, calendario, renca, congelar_antes_de_2026
):
    import json
    import re

    evento = crear_evento(renca, inicio=santiago(2026, 9, 5, 18), fin=santiago(2026, 9, 7, 18))
    html = client.get(evento.url).content.decode()
    datos = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert datos["startDate"] == "2026-09-05T18:00:00-04:00"
    assert datos["endDate"] == "2026-09-07T18:00:00-03:00"


@pytest.mark.parametrize(
    "ahora, eventos, recordados",
    [
        # The night of 4 to 5 April 2026 repeats 23:00-23:59; "tomorrow" is still 5 April.
        (
            santiago(2026, 4, 4, 9),
            {"hoy-repetida": santiago(2026, 4, 4, 23, 30), "manana": santiago(2026, 4, 5, 0, 30)},
            {"manana"},
        ),
        # 6 September 2026 starts at 01:00 (00:00-00:59 does not exist).
        (
            santiago(2026, 9, 5, 9),
            {"hoy": santiago(2026, 9, 5, 23, 30), "manana": santiago(2026, 9, 6, 1, 0)},
            {"manana"},
        ),
    ],
)
def test_reminders_pick_tomorrow_in_santiago_across_dst(
    calendario, renca, monkeypatch, mailoutbox, ahora, eventos, recordados
):
    import io

    from django.core.management import call_command
    from django.utils import timezone

    from .factories import crear_inscripcion

    for n, (slug, inicio) in enumerate(eventos.items()):
        evento = crear_evento(
            renca, title=slug, slug=slug, inicio=inicio, fin=inicio + datetime.timedelta(hours=1)
        )
        crear_inscripcion(evento, n, email=f"{slug}@example.org")
    monkeypatch.setattr(timezone, "now", lambda: ahora.astimezone(UTC))
    call_command("enviar_recordatorios", stdout=io.StringIO())
    assert {m.to[0].split("@")[0] for m in mailoutbox} == recordados
