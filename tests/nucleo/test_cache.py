"""The anonymous page cache: served from cache, invalidated on publish, never shared
when a response is personal."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import ConfiguracionSitio

from ..factories import ContentPageFactory


@pytest.fixture
def pagina(home_page, cache_paginas):
    # The site settings row is created on the first visit (a save that invalidates).
    ConfiguracionSitio.for_site(home_page.get_site())
    return ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")


def test_la_segunda_visita_anonima_sale_de_la_cache_sin_consultas(
    client, pagina, django_assert_num_queries
):
    primera = client.get("/sobre-la-red/")
    assert primera["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        segunda = client.get("/sobre-la-red/")
    assert segunda["X-Cache"] == "HIT"
    assert segunda.content == primera.content
    assert "Content-Security-Policy" in segunda  # headers are added on every response


def test_publicar_una_pagina_invalida_la_cache(client, pagina):
    client.get("/sobre-la-red/")
    pagina.title = "Sobre la Red Regional"
    pagina.save_revision().publish()
    respuesta = client.get("/sobre-la-red/")
    assert respuesta["X-Cache"] == "MISS"
    assert "Sobre la Red Regional" in respuesta.content.decode()


def test_guardar_un_borrador_no_cambia_lo_publicado(client, pagina):
    client.get("/sobre-la-red/")
    pagina.title = "Borrador sin publicar"
    pagina.save_revision()
    respuesta = client.get("/sobre-la-red/")
    assert respuesta["X-Cache"] == "HIT"
    assert "Borrador sin publicar" not in respuesta.content.decode()


def test_despublicar_invalida_la_cache(client, pagina):
    assert client.get("/sobre-la-red/").status_code == 200
    pagina.unpublish()
    assert client.get("/sobre-la-red/").status_code == 404


def test_mover_una_pagina_invalida_la_cache(client, pagina, home_page):
    padre = ContentPageFactory(parent=home_page, title="Institucional", slug="institucional")
    client.get("/sobre-la-red/")
    pagina.move(padre, pos="last-child")
    antigua = client.get("/sobre-la-red/")
    assert antigua.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert antigua["Location"] == "/institucional/sobre-la-red/"
    assert client.get("/institucional/sobre-la-red/").status_code == 200


def test_cambiar_la_configuracion_del_sitio_invalida_la_cache(client, pagina, home_page):
    client.get("/sobre-la-red/")
    configuracion = ConfiguracionSitio.for_site(home_page.get_site())
    configuracion.direccion = "Bandera 46, Santiago"
    configuracion.save()
    respuesta = client.get("/sobre-la-red/")
    assert respuesta["X-Cache"] == "MISS"
    assert "Bandera 46, Santiago" in respuesta.content.decode()


def test_usuarios_con_sesion_nunca_reciben_ni_dejan_paginas_en_cache(client, admin_client, pagina):
    pagina.title = "Versión publicada"
    pagina.save_revision().publish()
    for _ in range(2):
        respuesta = admin_client.get("/sobre-la-red/")
        assert respuesta.get("X-Cache") != "HIT"
        assert "wagtail-userbar" in respuesta.content.decode()
    anonima = client.get("/sobre-la-red/")
    assert anonima["X-Cache"] == "MISS"
    assert "wagtail-userbar" not in anonima.content.decode()


def test_la_vista_previa_no_se_guarda_ni_se_sirve_de_la_cache(client, admin_client, pagina):
    client.get("/sobre-la-red/")
    pagina.title = "Borrador en vista previa"
    revision = pagina.save_revision()
    previa = admin_client.get(f"/admin/pages/{pagina.pk}/revisions/{revision.pk}/view/")
    assert previa.status_code == 200
    assert "Borrador en vista previa" in previa.content.decode()
    assert "X-Cache" not in previa
    publica = client.get("/sobre-la-red/")
    assert "Borrador en vista previa" not in publica.content.decode()


def test_formularios_con_token_csrf_y_respuestas_con_cookies_no_se_comparten(client, pagina):
    PageViewRestriction.objects.create(
        page=pagina, restriction_type=PageViewRestriction.PASSWORD, password="clave-red"
    )
    primera = client.get("/sobre-la-red/")
    assert "csrfmiddlewaretoken" in primera.content.decode()
    assert "csrftoken" in primera.cookies  # sets a cookie: not stored
    assert primera["X-Cache"] == "BYPASS"
    # Already holding the cookie: the token in the form is still this visitor's.
    segunda = client.get(
        "/sobre-la-red/", HTTP_COOKIE=f"csrftoken={primera.cookies['csrftoken'].value}"
    )
    assert segunda["X-Cache"] == "BYPASS"
    otra = client.__class__().get("/sobre-la-red/")
    assert otra["X-Cache"] == "BYPASS"


def test_un_post_nunca_sale_de_la_cache(client, pagina):
    client.get("/sobre-la-red/")
    respuesta = client.post("/sobre-la-red/")
    assert respuesta.get("X-Cache") != "HIT"


def test_un_visitante_con_las_cookies_que_pone_el_sitio_sale_de_la_cache(client, pagina):
    """csrftoken (from any page with a form) and the language cookie change nothing
    on a page without a form: the visitor carrying them gets the shared entry."""
    primera = client.get("/sobre-la-red/")
    assert primera["X-Cache"] == "MISS"
    cookies = "csrftoken=" + "a" * 32 + "; django_language=en"
    for otras in (cookies, "csrftoken=" + "b" * 32, "django_language=es"):
        respuesta = client.__class__().get("/sobre-la-red/", HTTP_COOKIE=otras)
        assert respuesta["X-Cache"] == "HIT"
        assert respuesta.content == primera.content


def test_una_cookie_de_sesion_o_de_mensajes_no_lee_la_cache(client, pagina):
    assert client.get("/sobre-la-red/")["X-Cache"] == "MISS"
    for cookie in ("sessionid=xyz", "messages=abc"):
        respuesta = client.__class__().get("/sobre-la-red/", HTTP_COOKIE=cookie)
        assert "X-Cache" not in respuesta


def test_con_csrftoken_un_formulario_da_a_cada_visitante_un_token_valido(client, pagina):
    """A page with a form is never stored, cookie or not: each visitor's form
    carries a token that its own cookie accepts."""
    PageViewRestriction.objects.create(
        page=pagina, restriction_type=PageViewRestriction.PASSWORD, password="clave-red"
    )
    for secreto in ("c" * 32, "d" * 32):
        visitante = client.__class__(enforce_csrf_checks=True)
        visitante.cookies["csrftoken"] = secreto
        respuesta = visitante.get("/sobre-la-red/")
        assert respuesta["X-Cache"] == "BYPASS"
        html = respuesta.content.decode()
        token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
        accion = html.split('action="')[1].split('"')[0] if 'action="' in html else "/"
        envio = visitante.post(
            accion, {"csrfmiddlewaretoken": token, "password": "clave-red", "return_url": "/"}
        )
        assert envio.status_code != 403
