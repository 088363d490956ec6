"""Factories for the pages every test needs: the site, the network and its members."""

import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import ContentPage, HomePage
from red.models import Comuna, MiembroPage, RedIndexPage, TipoMiembro


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Red Regional de Gobierno Abierto"
    slug = "inicio"
    intro = "La Red reúne al gobierno regional, los municipios y la sociedad civil."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Página de contenido {n}")
    intro = "Una introducción en lenguaje claro."

    class Meta:
        model = ContentPage


class RedIndexPageFactory(wagtail_factories.PageFactory):
    title = "La Red"
    slug = "red"

    class Meta:
        model = RedIndexPage


class MiembroPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Organización {n}")
    tipo = TipoMiembro.ORGANIZACION
    resumen = "Una organización de la sociedad civil."

    class Meta:
        model = MiembroPage

    @classmethod
    def municipalidad(cls, parent, cut, **kwargs):
        comuna = Comuna.objects.get(cut=cut)
        kwargs.setdefault("title", f"Municipalidad de {comuna.nombre}")
        return cls(parent=parent, tipo=TipoMiembro.MUNICIPALIDAD, comuna=comuna, **kwargs)


def locale_es():
    return Locale.objects.get_or_create(language_code="es")[0]


def locale_en():
    return Locale.objects.get_or_create(language_code="en")[0]
