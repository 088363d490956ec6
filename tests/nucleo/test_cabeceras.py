"""Security headers on every kind of public response, with the production settings."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from ..datos.factories import DatosPageFactory
from ..eventos.factories import EventoIndexPageFactory
from ..factories import ContentPageFactory

CABECERAS_COMUNES = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def directivas(respuesta):
    politica = respuesta["Content-Security-Policy"]
    return {parte.split()[0]: parte.split()[1:] for parte in politica.split(";") if parte.strip()}


def assert_cabeceras_de_seguridad(respuesta):
    for nombre, valor in CABECERAS_COMUNES.items():
        assert respuesta[nombre] == valor, nombre
    hsts = respuesta["Strict-Transport-Security"]
    assert "includeSubDomains" in hsts
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31_536_000
    assert "camera=()" in respuesta["Permissions-Policy"]
    assert "geolocation=()" in respuesta["Permissions-Policy"]
    assert "Content-Security-Policy" in respuesta


def assert_csp_publica_estricta(respuesta):
    csp = directivas(respuesta)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in respuesta["Content-Security-Policy"]
    assert "unsafe-eval" not in respuesta["Content-Security-Policy"]


@pytest.fixture
def pagina(home_page):
    return ContentPageFactory(parent=home_page, title="Política de datos", slug="datos-politica")


@pytest.fixture
def sitio(home_page, pagina, settings):
    """The pages behind the open-data files and the calendar, and the static files served
    from their folders (as after collectstatic) by WhiteNoise."""
    DatosPageFactory(parent=home_page)
    EventoIndexPageFactory(parent=home_page)
    settings.WHITENOISE_USE_FINDERS = True
    return home_page


@pytest.mark.parametrize(
    "ruta, estado, tipo",
    [
        ("/", 200, "text/html"),
        ("/datos-politica/", 200, "text/html"),
        ("/en/", 200, "text/html"),
        ("/healthz", 200, "application/json"),
        ("/no-existe/", 404, "text/html"),
        ("/static/css/site.css", 200, "text/css"),
        ("/sitemap.xml", 200, "application/xml"),
        ("/api/v2/pages/", 200, "application/json"),
        ("/datos/practicas.csv", 200, "text/csv"),
        ("/datos/practicas.json", 200, "application/json"),
        ("/eventos/calendario.ics", 200, "text/calendar"),
    ],
)
def test_cada_tipo_de_respuesta_publica_lleva_las_cabeceras(
    client, sitio, con_ajustes_de_produccion, ruta, estado, tipo
):
    """Pages, JSON, CSV, iCal, static files and the error page (a 404 must carry the
    headers too): each answers with its own status and type, and the headers."""
    respuesta = client.get(ruta, secure=True)
    assert respuesta.status_code == estado, ruta
    assert respuesta["Content-Type"].startswith(tipo), respuesta["Content-Type"]
    assert_cabeceras_de_seguridad(respuesta)
    assert_csp_publica_estricta(respuesta)


def test_la_pagina_de_inicio_no_tiene_scripts_ni_estilos_en_linea(client, pagina):
    html = client.get("/").content.decode()
    assert "<style" not in html
    assert " style=" not in html
    for trozo in html.split("<script")[1:]:
        # Only external scripts (src=) or data blocks (JSON-LD) may appear.
        etiqueta = trozo.split(">")[0]
        assert "src=" in etiqueta or "application/ld+json" in etiqueta, etiqueta


def test_el_admin_tiene_su_propia_politica_relajada(client, db, con_ajustes_de_produccion):
    respuesta = client.get("/admin/login/", secure=True)
    assert respuesta.status_code == 200
    csp = directivas(respuesta)
    # The login page runs no inline script; the rest of the admin does.
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" in directivas(client.get("/admin/pages/", secure=True))["script-src"]
    assert csp["object-src"] == ["'none'"]
    # The admin embeds its own previews: framing only from the same origin.
    assert csp["frame-ancestors"] == ["'self'"]
    assert_cabeceras_de_seguridad(respuesta)


@pytest.mark.parametrize(
    "nombre, contenido, en_linea",
    [
        ("informe.pdf", b"%PDF-1.4\n%%EOF\n", True),
        ("notas.txt", b"<html><script>alert(document.cookie)</script></html>", False),
        ("datos.csv", b"nombre,valor\n=cmd|' /C calc'!A0,1\n", False),
    ],
)
def test_los_documentos_se_sirven_en_una_caja_de_arena(
    client, db, con_ajustes_de_produccion, settings, tmp_path, nombre, contenido, en_linea
):
    settings.MEDIA_ROOT = tmp_path
    documento = Document.objects.create(title=nombre, file=ContentFile(contenido, name=nombre))
    respuesta = client.get(documento.url, secure=True)
    assert respuesta.status_code == 200
    assert b"".join(respuesta.streaming_content) == contenido
    csp = directivas(respuesta)
    assert csp["default-src"] == ["'none'"]
    assert "sandbox" in csp
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    disposicion = respuesta["Content-Disposition"]
    assert disposicion.startswith("inline" if en_linea else "attachment")
    assert_cabeceras_de_seguridad(respuesta)


def test_cookies_seguras_en_produccion(client, admin_user, con_ajustes_de_produccion):
    client.get("/admin/login/", secure=True)
    respuesta = client.post(
        "/admin/login/",
        {"username": admin_user.username, "password": "password"},
        secure=True,
    )
    assert respuesta.status_code == 302
    sesion = respuesta.cookies["sessionid"]
    assert sesion["secure"] and sesion["httponly"]
    assert sesion["samesite"] == "Lax"
    csrf = client.cookies["csrftoken"]
    assert csrf["secure"]
    assert csrf["samesite"] == "Lax"


def test_ssl_redirect_y_proxy_en_produccion(ajustes_produccion):
    assert ajustes_produccion["SECURE_SSL_REDIRECT"] is True
    assert ajustes_produccion["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert ajustes_produccion["DEBUG"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("ruta", ["/admin/login/", "/admin/password_reset/"])
def test_admin_login_pages_run_no_inline_script(client, ruta):
    """The login pages of the admin load every script from files: script-src without
    'unsafe-inline' (the rest of the admin needs it, see docs/seguridad.md)."""
    import re

    respuesta = client.get(ruta)
    assert respuesta.status_code == 200
    politica = respuesta["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", politica).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "'self'" in script_src
    html = respuesta.content.decode()
    for etiqueta in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in etiqueta or "application/json" in etiqueta, etiqueta
    assert not re.search(r"\son[a-z]+=", html)
