"""What makes the cache cold is what the public can see: publishing does, and
neither an image rendition, nor a join application or a self-registration in
the catastro sent by an anonymous visitor, nor a draft does (issue 13: any of
them used to empty the whole site's cache, so a visitor could keep it cold)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from home.models import ConfiguracionSitio
from nucleo.traduccion import ruta_en_idioma
from tests.factories import ContentPageFactory, locale_en
from tests.red.factories import municipalidad

pytestmark = pytest.mark.django_db


@pytest.fixture
def sitio(biblioteca, red_index, cache_paginas, cache_contenido):
    """A practice and the library, with both caches on; the image already saved
    (saving an image does change public pages)."""
    from tests.practicas.factories import crear_practica

    imagen = Image.objects.create(title="Cabildo", file=get_test_image_file())
    practica = crear_practica(municipalidad(red_index, "13128"), title="Presupuesto abierto")
    return imagen, practica


def visitar(rutas):
    """Each path once with a fresh anonymous visitor: its X-Cache and its queries."""
    resultado = {}
    for ruta in rutas:
        with CaptureQueriesContext(connection) as consultas:
            respuesta = Client().get(ruta)
        assert respuesta.status_code == 200, ruta
        resultado[ruta] = (respuesta.get("X-Cache"), len(consultas))
    return resultado


def sin_cache_de_paginas_cuestan(settings, rutas):
    settings.RED_CACHE_PAGINAS = False
    try:
        return {ruta: n for ruta, (_x, n) in visitar(rutas).items()}
    finally:
        settings.RED_CACHE_PAGINAS = True


def test_una_nueva_version_de_una_imagen_deja_todo_en_cache(sitio, settings):
    imagen, practica = sitio
    rutas = ["/", "/practicas/", practica.url]
    visitar(rutas)
    assert {x for x, _n in visitar(rutas).values()} == {"HIT"}
    sin_cache_de_paginas_cuestan(settings, rutas)  # kept parts in place

    imagen.get_rendition("fill-120x80")  # the first render at a new size saves one

    assert {x for x, _n in visitar(rutas).values()} == {"HIT"}
    assert set(sin_cache_de_paginas_cuestan(settings, rutas).values()) == {0}


def test_una_solicitud_de_ingreso_anonima_deja_todo_en_cache(sitio, settings, red_index):
    from nucleo.rut import digito_verificador
    from red.solicitudes import SolicitudIngreso

    _imagen, practica = sitio
    rutas = ["/", "/practicas/", practica.url]
    visitar(rutas)
    sin_cache_de_paginas_cuestan(settings, rutas)

    enviada = Client().post(
        "/red/unete/",
        {
            "nombre": "Junta de Vecinos Villa Esperanza",
            "tipo": "organizacion",
            "comunas": ["13128"],
            "rut": f"65.123.456-{digito_verificador(65123456)}",
            "contacto_nombre": "Carmen Rojas",
            "contacto_email": "carmen@villaesperanza.cl",
            "que_compartir": "Nuestra experiencia con cabildos barriales.",
            "consentimiento": "on",
        },
    )
    assert enviada.status_code == 302
    assert SolicitudIngreso.objects.count() == 1

    assert {x for x, _n in visitar(rutas).values()} == {"HIT"}
    assert set(sin_cache_de_paginas_cuestan(settings, rutas).values()) == {0}


def test_un_borrador_no_cambia_las_rutas_ni_las_paginas_y_publicar_si(
    home_page, cache_paginas, cache_contenido, django_assert_num_queries
):
    ConfiguracionSitio.for_site(home_page.get_site())
    inicio_en = home_page.copy_for_translation(locale_en())
    inicio_en.save_revision().publish()
    pagina = ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    traduccion = pagina.copy_for_translation(locale_en())
    traduccion.title, traduccion.slug = "About the Network", "about"
    traduccion.save_revision().publish()
    assert ruta_en_idioma("/sobre-la-red/", "en") == "/en/about/"
    assert Client().get("/en/about/")["X-Cache"] == "MISS"

    traduccion.title, traduccion.slug = "Borrador", "about-us"
    traduccion.save_revision()

    # The kept route answers without the database, as before the draft.
    with django_assert_num_queries(0):
        assert ruta_en_idioma("/sobre-la-red/", "en") == "/en/about/"
    servida = Client().get("/en/about/")
    assert servida["X-Cache"] == "HIT"
    assert "Borrador" not in servida.content.decode()
    assert Client().get("/en/about-us/").status_code == 404

    traduccion.get_latest_revision().publish()

    assert ruta_en_idioma("/sobre-la-red/", "en") == "/en/about-us/"
    publicada = Client().get("/en/about-us/")
    assert publicada["X-Cache"] == "MISS"
    assert "Borrador" in publicada.content.decode()


def test_un_registro_anonimo_en_el_catastro_deja_todo_en_cache_y_verificar_no(
    sitio, settings, red_index
):
    from organizaciones.models import EstadoOrganizacion, Organizacion, OrganizacionesIndexPage
    from tests.organizaciones.factories import rut
    from tests.organizaciones.test_registro import datos

    _imagen, practica = sitio
    catastro = OrganizacionesIndexPage(title="Organizaciones", slug="organizaciones")
    red_index.add_child(instance=catastro)
    catastro.save_revision().publish()
    rutas = ["/", "/practicas/", practica.url]
    visitar(rutas)
    sin_cache_de_paginas_cuestan(settings, rutas)

    enviada = Client().post(
        "/red/organizaciones/registrar/", datos(rut="65.123.456-" + rut(65123456)[-1])
    )
    assert enviada.status_code == 302
    organizacion = Organizacion.objects.get()
    assert {x for x, _n in visitar(rutas).values()} == {"HIT"}
    assert set(sin_cache_de_paginas_cuestan(settings, rutas).values()) == {0}

    # A municipality or the coordination verifying it is a public change.
    organizacion.estado = EstadoOrganizacion.VERIFICADA
    organizacion.save()
    assert {x for x, _n in visitar(rutas).values()} == {"MISS"}
