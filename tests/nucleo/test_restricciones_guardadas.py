"""Pages with a view restriction stay protected although the restricted paths are
kept between requests: Wagtail's check (and the libraries' `.public()`) would ask
the database on every visit, the site reads the paths kept until the next save."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import ConfiguracionSitio
from tests.factories import ContentPageFactory
from tests.red.factories import municipalidad


@pytest.fixture
def renca(biblioteca, red_index):
    return municipalidad(red_index, "13128")


def pide_clave(respuesta):
    html = respuesta.content.decode()
    return 'name="password"' in html


def biblioteca_html(client):
    return client.get("/practicas/").content.decode()


@pytest.mark.django_db
def test_a_restriction_on_a_member_hides_its_practices_at_once_and_lifting_it_shows_them(
    client,
    renca,
    cache_contenido,
):
    from tests.practicas.factories import crear_practica

    practica = crear_practica(renca, title="Mesa de datos de Renca")
    visita = client.get(practica.url)
    assert practica.resumen in visita.content.decode()
    assert not pide_clave(visita)
    assert "Mesa de datos de Renca" in biblioteca_html(client)

    restriccion = PageViewRestriction.objects.create(
        page=renca, restriction_type=PageViewRestriction.PASSWORD, password="clave-renca"
    )
    # The practice is under the restricted member: its kept route and fragments
    # must not let it through, and the library stops listing it.
    protegida = client.get(practica.url)
    assert pide_clave(protegida)
    assert practica.resumen not in protegida.content.decode()
    assert "Mesa de datos de Renca" not in biblioteca_html(client)
    # Visiting again does not slip through either.
    assert pide_clave(client.get(practica.url))

    restriccion.delete()
    assert not pide_clave(client.get(practica.url))
    assert "Mesa de datos de Renca" in biblioteca_html(client)


@pytest.mark.django_db
def test_an_alias_of_a_restricted_page_asks_for_its_password(
    client,
    home_page,
    cache_contenido,
):
    ConfiguracionSitio.for_site(home_page.get_site())
    fuente = ContentPageFactory(parent=home_page, title="Acta interna", slug="acta-interna")
    seccion = ContentPageFactory(parent=home_page, title="Archivo", slug="archivo")
    alias = fuente.create_alias(parent=seccion, update_slug="acta-copia")
    assert not pide_clave(client.get("/archivo/acta-copia/"))
    PageViewRestriction.objects.create(
        page=fuente, restriction_type=PageViewRestriction.PASSWORD, password="clave-acta"
    )
    assert alias.alias_of_id == fuente.pk
    assert pide_clave(client.get("/acta-interna/"))
    assert pide_clave(client.get("/archivo/acta-copia/"))


@pytest.mark.django_db
def test_a_visitor_coming_back_to_a_public_page_costs_no_query(
    client,
    renca,
    cache_contenido,
    django_assert_num_queries,
):
    from tests.practicas.factories import crear_practica

    practica = crear_practica(renca, title="Presupuesto abierto")
    for ruta in [practica.url, "/practicas/", "/"]:
        primera = client.get(ruta)
        with django_assert_num_queries(0):
            segunda = client.get(ruta)
        assert segunda.status_code == primera.status_code == 200
        assert segunda.content == primera.content
