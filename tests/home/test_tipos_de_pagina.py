"""What can be created where: the page tree of the site, asserted with Wagtail's helpers."""

import pytest
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail_localize.fields import TranslatableField

from eventos.models import EventoIndexPage, EventoPage
from home.models import ContentPage, HomePage
from organizaciones.models import OrganizacionesIndexPage
from practicas.models import PracticaIndexPage, PracticaPage
from red.models import MiembroPage, RedIndexPage

TIPOS_DE_PAGINA = [
    HomePage,
    ContentPage,
    RedIndexPage,
    MiembroPage,
    PracticaIndexPage,
    PracticaPage,
    EventoIndexPage,
    EventoPage,
]


class ReglasDelArbol(WagtailPageTestCase):
    def assert_solo_bajo(self, modelo, padres):
        for padre in TIPOS_DE_PAGINA + [Page]:
            if padre in padres:
                self.assertCanCreateAt(padre, modelo)
            else:
                self.assertCanNotCreateAt(padre, modelo)

    def test_home_page_only_at_the_root(self):
        self.assert_solo_bajo(HomePage, [Page])

    def test_content_pages_under_home_or_other_content_pages(self):
        self.assert_solo_bajo(ContentPage, [HomePage, ContentPage])

    def test_directory_and_library_indexes_only_under_home(self):
        self.assert_solo_bajo(RedIndexPage, [HomePage])
        self.assert_solo_bajo(PracticaIndexPage, [HomePage])
        self.assert_solo_bajo(EventoIndexPage, [HomePage])

    def test_members_only_in_the_directory(self):
        self.assert_solo_bajo(MiembroPage, [RedIndexPage])

    def test_practices_and_events_belong_to_a_member(self):
        self.assert_solo_bajo(PracticaPage, [MiembroPage])
        self.assert_solo_bajo(EventoPage, [MiembroPage])

    def test_allowed_subpage_types(self):
        self.assertAllowedSubpageTypes(RedIndexPage, {MiembroPage, OrganizacionesIndexPage})
        self.assertAllowedParentPageTypes(OrganizacionesIndexPage, {RedIndexPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})
        self.assertAllowedParentPageTypes(MiembroPage, {RedIndexPage})
        self.assertAllowedParentPageTypes(RedIndexPage, {HomePage})


# --- What wagtail-localize translates: said by every page type -----------------

APPS_DEL_PROYECTO = {"home", "red", "practicas", "eventos", "rendicion"}
COMENTARIOS = "wagtail_admin_comments"


def paginas_del_proyecto():
    return [m for m in get_page_models() if m._meta.app_label in APPS_DEL_PROYECTO]


def campos_propios(modelo):
    """The editable fields and child relations a page type adds to Wagtail's `Page`."""
    de_page = {f.name for f in Page._meta.get_fields()}
    campos = {
        f.name
        for f in modelo._meta.get_fields()
        if f.name not in de_page
        and f.concrete
        and f.editable
        and not f.auto_created
        and not isinstance(f, models.ManyToManyField)
    }
    hijos = {r.name for r in get_all_child_relations(modelo) if r.name != COMENTARIOS}
    return campos | hijos


def test_every_page_type_of_the_project_declares_its_translatable_fields():
    # Declared in the class itself: an inherited list would leave new fields out.
    paginas = paginas_del_proyecto()
    assert len(paginas) >= 11
    assert [m.__name__ for m in paginas if "translatable_fields" not in vars(m)] == []


@pytest.mark.parametrize("modelo", paginas_del_proyecto(), ids=lambda m: m.__name__)
def test_translatable_fields_name_every_field_and_translate_only_words(modelo):
    declarados = {f.field_name: f for f in modelo.translatable_fields}
    assert len(declarados) == len(modelo.translatable_fields), "un campo repetido"
    assert {"title", "slug", "seo_title", "search_description"} <= declarados.keys()
    assert campos_propios(modelo) - declarados.keys() == set()
    for nombre, campo in declarados.items():
        if not isinstance(campo, TranslatableField) or nombre in {"title", "slug"}:
            continue
        field = modelo._meta.get_field(nombre)
        # Dates, numbers, choices, flags, addresses and relations stay in sync.
        assert isinstance(field, models.TextField | models.CharField | StreamField), nombre
        assert not isinstance(field, models.EmailField | models.URLField), nombre
        assert not getattr(field, "choices", None), nombre
