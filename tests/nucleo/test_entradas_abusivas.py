"""Abusive input never breaks the site: every request gets a 4xx or a clean page, never a
500, and nothing an attacker sends runs in a visitor's browser.

Routes that other parts of the site add (listings, open data, feeds, API) are
listed here too: until they exist they answer 404, and from then on each
abusive query string is checked against the real view.
"""

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ..factories import ContentPageFactory

LARGO = "x" * 20_000

RUTAS = [
    "/",
    "/en/",
    "/buscar/",
    "/practicas/",
    "/herramientas/",
    "/eventos/",
    "/red/",
    "/red/unete/",
    "/datos/practicas.csv",
    "/datos/practicas.json",
    "/datos/eventos.csv",
    "/datos/miembros.json",
    "/datos/catalogo.jsonld",
    "/practicas/feed.xml",
    "/eventos/calendario.ics",
    "/api/v2/pages/",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/sitemap.xml",
]

CONSULTAS = [
    f"q={LARGO}",
    "q=%00%01%02",
    "q=%ff%fe",
    "q=' OR 1=1 --",
    "q=<script>alert(1)</script>",
    "page=-1",
    "page=0",
    "page=99999999999999999999999",
    "page=abc",
    "orden=__class__",
    "orden=-password",
    "eje=" + "&eje=".join(str(n) for n in range(300)),
    "eje[]=a&eje[$ne]=b",
    "comuna=13101x",
    "comuna=-1",
    "ods=16.%00",
    "etiqueta=" + "a" * 5000,
    "limit=1000000&offset=-5",
    "limit=abc",
    "fields=*,password,owner__password",
    "order=owner__password",
    "type=auth.User",
    "type=wagtailcore.Page&search=%00",
    "search_operator=xor",
    "locale=../../etc/passwd",
    "child_of=0&descendant_of=-1",
    "format=xml",
]


@pytest.fixture
def sitio(home_page):
    ContentPageFactory(parent=home_page, title="Sobre la Red", slug="sobre-la-red")
    return home_page


@pytest.mark.parametrize("ruta", RUTAS)
def test_consultas_abusivas_nunca_dan_error_500(sitio, ruta):
    cliente = Client(raise_request_exception=False)
    for consulta in CONSULTAS:
        respuesta = cliente.get(f"{ruta}?{consulta}")
        assert respuesta.status_code < 500, f"{ruta}?{consulta[:80]} → {respuesta.status_code}"
        if respuesta.status_code == 200 and respuesta["Content-Type"].startswith("text/html"):
            assert "<script>alert(1)</script>" not in respuesta.content.decode()


@pytest.mark.parametrize(
    "ruta",
    [
        "/" + "a" * 5000 + "/",
        "/%00/",
        "/%ff%fe/",
        "/../../etc/passwd",
        "/documentos/999999/nada.pdf",
        "/documentos/abc/",
    ],
)
def test_rutas_raras_dan_404_o_400(sitio, ruta):
    respuesta = Client(raise_request_exception=False).get(ruta)
    assert 400 <= respuesta.status_code < 500


def test_host_fuera_de_allowed_hosts_recibe_400(sitio):
    respuesta = Client(raise_request_exception=False).get("/", HTTP_HOST="malicioso.example")
    assert respuesta.status_code == 400
    assert "No pudimos entender la solicitud" in respuesta.content.decode()


def test_demasiados_campos_o_un_cuerpo_enorme_reciben_400(sitio):
    cliente = Client(raise_request_exception=False, enforce_csrf_checks=False)
    campos = {f"campo{n}": "x" for n in range(11_000)}
    assert cliente.post("/i18n/setlang/", campos).status_code == 400
    enorme = {"language": "en", "relleno": "x" * (3 * 1024 * 1024)}
    respuesta = cliente.post("/i18n/setlang/", enorme)
    assert respuesta.status_code == 400
    # A page in Spanish that says what happened, not a bare "Bad Request".
    assert "demasiado grande" in respuesta.content.decode()


def test_un_post_sin_token_csrf_es_rechazado(sitio):
    cliente = Client(enforce_csrf_checks=True)
    respuesta = cliente.post("/i18n/setlang/", {"language": "en"})
    assert respuesta.status_code == 403
    assert "vuelva a cargar la página" in respuesta.content.decode()


@pytest.mark.parametrize(
    "siguiente",
    [
        "https://malicioso.example/",
        "//malicioso.example",
        "/\\malicioso.example",
        "javascript:alert(1)",
    ],
)
def test_el_cambio_de_idioma_no_redirige_a_otro_sitio(sitio, siguiente):
    respuesta = Client().post("/i18n/setlang/", {"language": "en", "next": siguiente})
    assert respuesta.status_code == 302
    assert "malicioso" not in respuesta["Location"]
    assert not respuesta["Location"].startswith(("//", "javascript:", "/\\"))


def test_la_pagina_protegida_por_clave_no_redirige_a_otro_sitio(sitio):
    from wagtail.models import PageViewRestriction

    pagina = Page.objects.get(slug="sobre-la-red")
    restriccion = PageViewRestriction.objects.create(
        page=pagina, restriction_type=PageViewRestriction.PASSWORD, password="clave-red"
    )
    respuesta = Client().post(
        f"/_util/authenticate_with_password/{restriccion.pk}/{pagina.pk}/",
        {"password": "clave-red", "return_url": "https://malicioso.example/"},
    )
    assert respuesta.status_code == 302
    assert "malicioso" not in respuesta["Location"]


def test_texto_enriquecido_con_script_no_se_ejecuta(admin_client, sitio, client):
    """An editor (or a stolen editor account) pastes script into a page through the admin."""
    pagina = Page.objects.get(slug="sobre-la-red").specific
    html_malicioso = (
        '<p>Hola<script>alert("xss")</script></p>'
        '<p><a href="javascript:alert(1)">enlace</a> <b onclick="alert(2)">negrita</b></p>'
    )
    datos = nested_form_data(
        {
            "title": "Sobre la Red",
            "slug": "sobre-la-red",
            "intro": '<script>alert("intro")</script>',
            "body": streamfield([("paragraph", rich_text(html_malicioso))]),
            "action-publish": "publish",
        }
    )
    respuesta = admin_client.post(f"/admin/pages/{pagina.pk}/edit/", datos)
    assert respuesta.status_code == 302, respuesta.content.decode()[:2000]
    html = client.get("/sobre-la-red/").content.decode()
    assert "Hola" in html
    assert "<script>alert" not in html
    assert "onclick" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&quot;intro&quot;)&lt;/script&gt;" in html


@pytest.mark.parametrize(
    "ruta",
    ["/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/", "/admin/users/"],
)
def test_sin_permiso_la_administracion_no_se_abre(sitio, django_user_model, ruta):
    anonimo = Client()
    assert anonimo.get(ruta).status_code == 302
    sin_permiso = Client()
    sin_permiso.force_login(django_user_model.objects.create_user("visitante", password="x"))
    respuesta = sin_permiso.get(ruta)
    assert respuesta.status_code in (302, 403)
    assert respuesta.status_code == 403 or "/admin/login/" in respuesta["Location"]


# One abusive field in an otherwise valid submission: each must be refused.
ABUSOS_INSCRIPCION = [
    {"nombre": "Ana\x00"},
    {"nombre": LARGO},
    {"nombre": "Ana\r\nBcc: victima@example.org"},
    {"email": "ana@example.org\r\nBcc: victima@example.org"},
    {"email": "no-es-un-correo"},
    {"comuna": "999999999999999999999"},
    {"comuna": "'; DROP TABLE red_comuna; --"},
    {"tipo_participante": "__class__"},
    {"necesidades_accesibilidad": LARGO},
    {"organizacion": "Junta\r\nBcc: victima@example.org"},
]
ABUSOS_SOLICITUD = [
    {"nombre": "Junta\x00"},
    {"nombre": LARGO},
    {"contacto_nombre": "Carmen\r\nBcc: victima@example.org"},
    {"contacto_email": "carmen@example.org\r\nBcc: victima@example.org"},
    {"comunas": ["x", "-1", "\x00"]},
    {"tipo": "__class__"},
    {"rut": "1" * 500},
    {"rut": "11.111.111-K"},
    {"que_compartir": LARGO},
]


@pytest.fixture
def evento_abierto(sitio):
    from django.core.cache import cache

    from tests.eventos.factories import EventoIndexPageFactory, crear_evento
    from tests.factories import RedIndexPageFactory
    from tests.red.factories import municipalidad

    cache.clear()  # the per-address limits of both forms count in the cache
    red = RedIndexPageFactory(parent=sitio)
    EventoIndexPageFactory(parent=sitio)
    return crear_evento(municipalidad(red, "13128"), title="Taller abierto")


def _rechazado_sin_guardar(ruta, datos, modelo, mailoutbox):
    respuesta = Client(raise_request_exception=False).post(ruta, datos)
    assert 400 <= respuesta.status_code < 500, respuesta.status_code
    assert modelo.objects.count() == 0
    assert all("victima" not in ",".join(m.to + m.bcc) for m in mailoutbox)
    return respuesta


@pytest.mark.parametrize("abuso", ABUSOS_INSCRIPCION)
def test_la_inscripcion_rechaza_cada_campo_abusivo(evento_abierto, abuso, mailoutbox):
    from eventos.models import Inscripcion
    from tests.eventos.factories import datos_formulario

    # The valid submission is accepted: the refusal below is the abusive field's.
    assert Client().post(evento_abierto.url, datos_formulario()).status_code == 303
    Inscripcion.objects.all().delete()
    mailoutbox.clear()
    _rechazado_sin_guardar(evento_abierto.url, datos_formulario(**abuso), Inscripcion, mailoutbox)


@pytest.mark.parametrize("abuso", ABUSOS_SOLICITUD)
def test_la_postulacion_rechaza_cada_campo_abusivo(evento_abierto, abuso, mailoutbox):
    from nucleo.rut import digito_verificador
    from red.models import SolicitudIngreso
    from tests.red.test_unete import datos

    valido = datos(rut=f"65.123.456-{digito_verificador(65123456)}")
    assert Client().post("/red/unete/", valido).status_code == 302
    SolicitudIngreso.objects.all().delete()
    mailoutbox.clear()
    _rechazado_sin_guardar("/red/unete/", {**valido, **abuso}, SolicitudIngreso, mailoutbox)
