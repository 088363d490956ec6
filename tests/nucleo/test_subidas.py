"""Uploads through the Wagtail admin: allowlists, size and pixel limits, SVG refused."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image


@pytest.fixture(autouse=True)
def medios_temporales(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(ancho=20, alto=20, modo="RGB"):
    salida = io.BytesIO()
    PILImage.new(modo, (ancho, alto)).save(salida, "PNG")
    return salida.getvalue()


def subir_imagen(cliente, nombre, contenido, tipo="image/png"):
    return cliente.post(
        "/admin/images/add/",
        {"title": nombre, "file": SimpleUploadedFile(nombre, contenido, content_type=tipo)},
    )


def subir_documento(cliente, nombre, contenido, tipo="application/octet-stream"):
    return cliente.post(
        "/admin/documents/add/",
        {"title": nombre, "file": SimpleUploadedFile(nombre, contenido, content_type=tipo)},
    )


def errores(respuesta):
    return " ".join(str(e) for e in respuesta.context["form"].errors.get("file", []))


def test_una_imagen_normal_se_acepta(admin_client):
    respuesta = subir_imagen(admin_client, "plaza.png", png())
    assert respuesta.status_code == 302
    assert Image.objects.filter(title="plaza.png").exists()


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.domain)</script></svg>"
)


@pytest.mark.parametrize("nombre, tipo", [("logo.svg", "image/svg+xml"), ("logo.png", "image/png")])
def test_svg_se_rechaza_aunque_se_disfrace(admin_client, nombre, tipo):
    respuesta = subir_imagen(admin_client, nombre, SVG, tipo)
    assert respuesta.status_code == 200
    assert errores(respuesta)
    assert not Image.objects.exists()


def test_imagen_demasiado_pesada_se_rechaza(admin_client, settings):
    contenido = png(300, 300)
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(contenido) - 1
    respuesta = subir_imagen(admin_client, "grande.png", contenido)
    assert respuesta.status_code == 200
    assert "grande" in errores(respuesta).lower() or "big" in errores(respuesta).lower()
    assert not Image.objects.exists()


def test_imagen_con_demasiados_pixeles_se_rechaza(admin_client, settings):
    """A small file that decompresses into more pixels than allowed (a pixel bomb)."""
    ancho, alto = 7000, 6000
    assert ancho * alto > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    contenido = png(ancho, alto, modo="1")
    assert len(contenido) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    respuesta = subir_imagen(admin_client, "bomba.png", contenido)
    assert respuesta.status_code == 200
    assert errores(respuesta)
    assert not Image.objects.exists()


@pytest.mark.parametrize(
    "nombre",
    ["pagina.html", "pagina.htm", "dibujo.svg", "programa.exe", "script.js", "macro.docm"],
)
def test_documentos_fuera_de_la_lista_se_rechazan(admin_client, nombre):
    respuesta = subir_documento(admin_client, nombre, b"<script>alert(1)</script>")
    assert respuesta.status_code == 200
    assert errores(respuesta)
    assert not Document.objects.exists()


def test_documento_demasiado_pesado_se_rechaza(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    respuesta = subir_documento(admin_client, "acta.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    assert respuesta.status_code == 200
    assert errores(respuesta)
    assert not Document.objects.exists()


def test_un_documento_con_html_subido_como_txt_no_se_ejecuta(admin_client, client):
    html = b"<html><body><script>fetch('/admin/')</script></body></html>"
    assert subir_documento(admin_client, "notas.txt", html, "text/html").status_code == 302
    documento = Document.objects.get()
    respuesta = client.get(documento.url)
    assert respuesta.status_code == 200
    assert respuesta["Content-Type"].startswith("text/plain")
    assert respuesta["Content-Disposition"].startswith("attachment")
    assert respuesta["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in respuesta["Content-Security-Policy"]


def _fragmento(tipo, datos):
    import struct
    import zlib

    return (
        struct.pack(">I", len(datos))
        + tipo
        + datos
        + struct.pack(">I", zlib.crc32(tipo + datos) & 0xFFFFFFFF)
    )


def png_falso(ancho, alto, resto=b""):
    """A PNG signature and header, then whatever follows (no real pixels)."""
    import struct

    cabecera = struct.pack(">IIBBBBB", ancho, alto, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _fragmento(b"IHDR", cabecera) + resto


@pytest.mark.parametrize(
    ("nombre", "contenido"),
    [
        ("pagina.png", png_falso(20, 20, b"<html><script>alert(1)</script></html>" * 20)),
        ("anima.gif", b"GIF89a\x14\x00\x14\x00\x00\x00\x00<script>alert(1)</script>" * 5),
    ],
)
def test_una_imagen_con_html_detras_de_la_firma_es_un_error_del_formulario(
    admin_client, nombre, contenido
):
    respuesta = subir_imagen(admin_client, nombre, contenido)
    assert respuesta.status_code == 200
    assert "no es una imagen válida" in errores(respuesta)
    assert not Image.objects.exists()


def test_una_bomba_de_pixeles_dice_cuantos_pixeles_tiene(admin_client):
    import zlib

    datos = _fragmento(b"IDAT", zlib.compress(b"\0" * 1000)) + _fragmento(b"IEND", b"")
    respuesta = subir_imagen(admin_client, "bomba.png", png_falso(40_000, 40_000, datos))
    assert respuesta.status_code == 200
    mensaje = errores(respuesta)
    # 40,000 x 40,000, grouped as the language groups thousands.
    assert "1600000000" in mensaje.replace("\xa0", "").replace(".", "").replace(",", "")
    assert "desconocid" not in mensaje and "unknown" not in mensaje
    assert not Image.objects.exists()


def test_un_gif_con_demasiados_fotogramas_se_rechaza(admin_client, settings):
    settings.RED_IMAGENES_MAX_FOTOGRAMAS = 50
    fotogramas = [PILImage.new("L", (64, 64), color=255 * (i % 2)) for i in range(60)]
    salida = io.BytesIO()
    fotogramas[0].save(salida, "GIF", save_all=True, append_images=fotogramas[1:], duration=10)
    respuesta = subir_imagen(admin_client, "animada.gif", salida.getvalue(), "image/gif")
    assert respuesta.status_code == 200
    assert "fotogramas" in errores(respuesta)
    assert not Image.objects.exists()
