"""Factories for practices and the library."""

import datetime

import factory
import wagtail_factories

from practicas.models import Eje, EstadoPractica, MetaODS, PracticaIndexPage, PracticaPage
from red.models import Comuna
from tests.factories import HomePageFactory, MiembroPageFactory, texto


class PracticaIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Biblioteca de prácticas"
    slug = "practicas"

    class Meta:
        model = PracticaIndexPage


class PracticaPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MiembroPageFactory)
    title = factory.Sequence(lambda n: f"Práctica de prueba {n}")
    resumen = texto()
    estado = EstadoPractica.EN_MARCHA
    fecha_inicio = datetime.date(2025, 3, 1)

    class Meta:
        model = PracticaPage


def crear_practica(parent, ejes=(), comunas=(), ods=(), tags=(), **kwargs):
    """A live practice with its axes (slugs), comunas (CUT), SDG targets and tags."""
    practica = PracticaPageFactory(parent=parent, **kwargs)
    practica.ejes.set(Eje.objects.filter(slug__in=ejes))
    practica.comunas.set(Comuna.objects.filter(cut__in=comunas))
    practica.metas_ods.set(MetaODS.objects.filter(codigo__in=ods))
    if tags:
        practica.tags.add(*tags)
    practica.save()
    return practica
