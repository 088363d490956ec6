"""Plain-language helpers for public templates: the reading time of a page."""

from django import template
from django.utils.translation import ngettext

from nucleo.lenguaje_claro import minutos_de_lectura, palabras, texto_de_valor

register = template.Library()


@register.simple_tag
def tiempo_de_lectura(*valores):
    """«Lectura: 3 minutos» for the given fields (text, rich text or StreamField).

    Usage: ``{% load lenguaje_tags %}{% tiempo_de_lectura page.intro page.body %}``.
    Words are counted at 200 per minute (settings.LENGUAJE_CLARO), rounded up.
    """
    n = sum(len(palabras(texto_de_valor(valor))) for valor in valores)
    minutos = minutos_de_lectura(n)
    return ngettext("Lectura: %(minutos)s minuto", "Lectura: %(minutos)s minutos", minutos) % {
        "minutos": minutos
    }
