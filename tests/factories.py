"""Factories for the pages every test needs: the site, the network and its members.

Each page factory builds, through its `parent` sub-factory, the kind of page it always
lives under (a member under the network, the network under the home page), so a test
may omit `parent`; the suite's fixtures pass theirs. Free text comes from Faker in
Latin ("la"), which no Spanish or English assertion or search can match by chance.
"""

import factory
import wagtail_factories
from wagtail.models import Locale, Page

from home.models import ContentPage, HomePage
from red.models import Comuna, MiembroPage, RedIndexPage, TipoMiembro


def texto(palabras=12):
    """A sentence of Faker's Latin filler."""
    return factory.Faker("sentence", nb_words=palabras, locale="la")


class HomePageFactory(wagtail_factories.PageFactory):
    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Red Regional de Gobierno Abierto"
    slug = "inicio"
    intro = "La Red reúne al gobierno regional, los municipios y la sociedad civil."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"Página de contenido {n}")
    intro = texto()

    class Meta:
        model = ContentPage


class RedIndexPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(HomePageFactory)
    title = "La Red"
    slug = "red"

    class Meta:
        model = RedIndexPage


class MiembroPageFactory(wagtail_factories.PageFactory):
    parent = factory.SubFactory(RedIndexPageFactory)
    title = factory.Sequence(lambda n: f"Organización {n}")
    tipo = TipoMiembro.ORGANIZACION
    resumen = texto()

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
