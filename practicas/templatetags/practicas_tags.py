"""Pieces of the practice library shown on other pages: the home page and member profiles."""

from django import template
from django.db.models import Q
from wagtail.models import Page

from practicas.biblioteca import practicas_publicas, preparar_listado
from practicas.models import Replicacion

register = template.Library()

N_PORTADA = 3


@register.inclusion_tag("practicas/includes/portada.html", takes_context=True)
def practicas_portada(context):
    """Featured and recent practices, and how many practices and replications there are."""
    home = context.get("page")
    locale = getattr(home, "locale", None)
    publicas = practicas_publicas(locale)
    destacadas = preparar_listado(
        publicas.filter(destacada=True).order_by("-first_published_at")[:N_PORTADA]
    )
    recientes = preparar_listado(
        publicas.exclude(pk__in=[p.pk for p in destacadas]).order_by("-first_published_at")[
            :N_PORTADA
        ]
    )
    return {
        "request": context.get("request"),
        "destacadas": destacadas,
        "recientes": recientes,
        "n_practicas": publicas.count(),
        "n_replicaciones": Replicacion.objects.filter(practica__in=publicas.values("pk")).count(),
        "biblioteca": Page.objects.live()
        .filter(locale=locale, content_type__model="practicaindexpage")
        .first(),
    }


@register.inclusion_tag("practicas/includes/miembro.html", takes_context=True)
def practicas_de_miembro(context, miembro):
    """The practices a member shares and the ones it replicated from others."""
    publicas = practicas_publicas(miembro.locale)
    replicaciones = list(
        Replicacion.objects.filter(miembro=miembro, practica__in=publicas.values("pk"))
        .select_related("practica")
        .order_by("-fecha", "pk")
    )
    propias = preparar_listado(
        publicas.filter(Q(path__startswith=miembro.path), depth=miembro.depth + 1).order_by(
            "-first_published_at"
        )
    )
    return {
        "request": context.get("request"),
        "miembro": miembro,
        "propias": propias,
        "replicaciones": replicaciones,
    }
