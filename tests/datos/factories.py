"""Factories for tools and the open-data page."""

import factory
import wagtail_factories

from practicas.models import (
    Eje,
    Formato,
    HerramientaIndexPage,
    HerramientaPage,
    PracticaPage,
    TipoHerramienta,
)
from red.datos import DatosPage
from red.models import Comuna
from tests.factories import HomePageFactory, MiembroPageFactory, texto


class HerramientaIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Herramientas"
    slug = "herramientas"

    class Meta:
        model = HerramientaIndexPage


class DatosPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "Datos abiertos"
    slug = "datos"

    class Meta:
        model = DatosPage


class HerramientaPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(MiembroPageFactory)
    title = factory.Sequence(lambda n: f"Herramienta de prueba {n}")
    resumen = texto()
    tipo = TipoHerramienta.GUIA

    class Meta:
        model = HerramientaPage


def crear_herramienta(
    parent, ejes=(), formatos=(), tags=(), comunas=(), practicas=(), **kwargs
) -> HerramientaPage:
    """A live tool with its axes (slugs), formats (codes), tags, comunas (CUT) and practices."""
    herramienta = HerramientaPageFactory(parent=parent, **kwargs)
    herramienta.ejes.set(Eje.objects.filter(slug__in=ejes))
    herramienta.formatos.set(Formato.objects.filter(codigo__in=formatos))
    herramienta.comunas.set(Comuna.objects.filter(cut__in=comunas))
    herramienta.practicas.set(PracticaPage.objects.filter(pk__in=[p.pk for p in practicas]))
    if tags:
        herramienta.tags.add(*tags)
    herramienta.save()
    return herramienta
