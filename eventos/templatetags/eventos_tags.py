"""Pieces of the calendar shown on other pages: the next events on the home page."""

from django import template
from django.utils import timezone

from eventos.calendario import con_confirmadas, eventos_publicos, preparar
from eventos.models import EventoIndexPage
from nucleo.cache import en_cache

register = template.Library()

N_PROXIMOS = 3


@register.inclusion_tag("eventos/includes/proximos.html", takes_context=True)
def proximos_eventos(context):
    pagina = context.get("page")
    locale = getattr(pagina, "locale", None)

    def calcular():
        return {
            "eventos": preparar(
                con_confirmadas(eventos_publicos(locale).filter(fin__gte=timezone.now()))
                .select_related("comuna")
                .order_by("inicio")[:N_PROXIMOS]
            ),
            "calendario": EventoIndexPage.objects.live().filter(locale=locale).first(),
        }

    # Kept until something is published or someone registers, and at most a
    # minute, so that an event that ends drops off.
    guardado = en_cache(
        "proximos-eventos", calcular, getattr(locale, "pk", None), segundos=60, cupos=True
    )
    return {"request": context.get("request"), **guardado}


FORMATOS_FECHA = {"es": r"l j \d\e F \d\e Y, H:i", "en": "l j F Y, H:i"}


@register.filter
def fecha_evento(valor):
    """Date and time of an event in Santiago time, written as each language writes it."""
    from django.utils import formats, translation

    if not valor:
        return ""
    valor = timezone.localtime(valor)
    idioma = (translation.get_language() or "es").split("-")[0]
    return formats.date_format(valor, FORMATOS_FECHA.get(idioma, FORMATOS_FECHA["es"]))
