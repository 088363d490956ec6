"""iCalendar files: the feed of upcoming events and each event's own .ics.

Times carry TZID=America/Santiago and the VTIMEZONE that describes Chile's
daylight-saving changes, so calendars show the right hour on both sides of them.
The online link goes only in the file attached to a registrant's e-mail.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event, vText, vUri

ZONA = ZoneInfo(settings.TIME_ZONE)
PRODID = "-//Red Regional de Gobierno Abierto//Eventos//ES"


def _calendario(nombre):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    # Not a standard property: icalendar would write it as it comes, line breaks and all.
    cal.add("x-wr-calname", vText(nombre))
    cal.add("x-wr-timezone", vText(settings.TIME_ZONE))
    return cal


def _vevento(evento, url="", enlace=""):
    ve = Event()
    fuente = evento.pagina_fuente()
    ve.add("uid", f"evento-{fuente.translation_key}@red-gobierno-abierto")
    ve.add("dtstamp", timezone.now())
    ve.add("dtstart", timezone.localtime(evento.inicio, ZONA))
    ve.add("dtend", timezone.localtime(evento.fin, ZONA))
    ve.add("summary", vText(evento.title))
    descripcion = evento.resumen
    if enlace:
        descripcion += f"\n\nEnlace de conexión: {enlace}"
    if url:
        descripcion += f"\n\n{url}"
        ve.add("url", vUri(url))
    ve.add("description", vText(descripcion))
    lugar = ", ".join(
        parte for parte in (evento.lugar, evento.direccion, evento.comuna_nombre) if parte
    )
    if enlace and not lugar:
        lugar = enlace
    if lugar:
        ve.add("location", vText(lugar))
    ve.add("status", "CONFIRMED")
    return ve


def _serializar(cal):
    cal.add_missing_timezones()
    return cal.to_ical().decode()


def ics_de_evento(evento, enlace="", url=None):
    """The .ics text of one event; `enlace` (the online link) only for registrants."""
    cal = _calendario(evento.title)
    cal.add_component(
        _vevento(evento, url if url is not None else evento.get_full_url() or "", enlace)
    )
    return _serializar(cal)


def _respuesta(texto, nombre):
    respuesta = HttpResponse(texto, content_type="text/calendar; charset=utf-8")
    respuesta["Content-Disposition"] = f'inline; filename="{nombre}"'
    return respuesta


def respuesta_evento(evento, request):
    return _respuesta(
        ics_de_evento(evento, url=evento.get_full_url(request) or ""), f"{evento.slug}.ics"
    )


def respuesta_calendario(indice, request):
    from .calendario import eventos_publicos

    cal = _calendario(indice.title)
    eventos = (
        eventos_publicos(indice.locale)
        .filter(fin__gte=timezone.now())
        .select_related("comuna")
        .order_by("inicio")
    )
    for evento in eventos:
        cal.add_component(_vevento(evento, evento.get_full_url(request) or ""))
    return _respuesta(_serializar(cal), "calendario.ics")
