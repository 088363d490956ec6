"""What can be created where: the page tree of the site, asserted with Wagtail's helpers."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

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
