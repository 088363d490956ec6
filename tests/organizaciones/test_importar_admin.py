"""The import from the admin (/admin/organizaciones/importar/): what a municipal editor
sees, with the same rules as the command."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organizaciones.models import EstadoOrganizacion, Organizacion
from red.models import Comuna
from tests.usuarios import ingresar

from .test_importar import CABECERA, fila

pytestmark = pytest.mark.django_db
URL = "/admin/organizaciones/importar/"


def csv(*filas, cabecera=CABECERA):
    contenido = cabecera + "".join(f + "\n" for f in filas)
    return SimpleUploadedFile("registro.csv", contenido.encode(), content_type="text/csv")


def subir(client, archivo, comuna="13128", guardar=False):
    datos = {"archivo": archivo, "comuna": Comuna.objects.get(cut=comuna).pk}
    if guardar:
        datos["guardar"] = "on"
    return client.post(URL, datos)


def test_the_listing_offers_the_import(client, editora_renca, catastro):
    ingresar(client, editora_renca)
    listado = client.get("/admin/organizaciones/").content.decode()
    assert f'href="{URL}"' in listado and "Importar un registro municipal" in listado


def test_a_first_upload_only_checks_and_says_what_would_change(client, editora_renca, catastro):
    ingresar(client, editora_renca)
    formulario = client.get(URL).content.decode()
    assert "Renca" in formulario and "Maipú" not in formulario  # only her own comuna
    respuesta = subir(client, csv(fila(71000001, "Junta A"), fila(71000002, "Club B")))
    assert respuesta.status_code == 200
    assert "Sin errores: 2 organizaciones nuevas" in respuesta.content.decode()
    assert not Organizacion.objects.exists()


def test_saving_imports_them_verified_for_her_comuna(client, editora_renca, catastro):
    ingresar(client, editora_renca)
    respuesta = subir(client, csv(fila(71000001, "Junta A")), guardar=True)
    assert respuesta.status_code == 302 and respuesta["Location"] == "/admin/organizaciones/"
    org = Organizacion.objects.get()
    assert org.estado == EstadoOrganizacion.VERIFICADA and org.comuna.cut == "13128"
    mensajes = client.get(respuesta["Location"]).content.decode()
    assert "Registro importado: 1 nuevas y 0 actualizadas." in mensajes


def test_bad_rows_are_listed_by_line_and_nothing_is_saved(client, editora_renca, catastro):
    ingresar(client, editora_renca)
    respuesta = subir(
        client,
        csv(fila(71000001, "Junta A"), "12.345.678-0;Junta mala;junta-de-vecinos;;;;;"),
        guardar=True,
    )
    assert respuesta.status_code == 422
    html = respuesta.content.decode()
    assert "no se guardó nada" in html and "<td>3</td><td>rut</td>" in html
    assert not Organizacion.objects.exists()


def test_another_comunas_editor_cannot_import_into_renca(client, editor_maipu, catastro):
    ingresar(client, editor_maipu)
    respuesta = subir(client, csv(fila(71000001, "Junta A")), comuna="13128", guardar=True)
    assert respuesta.status_code == 200  # the form refuses the choice
    assert "Escoja una opción válida" in respuesta.content.decode()
    assert not Organizacion.objects.exists()


def test_a_file_that_is_not_csv_or_too_big_is_refused(client, editora_renca, catastro, settings):
    ingresar(client, editora_renca)
    grande = SimpleUploadedFile("registro.csv", b"x" * (2 * 1024 * 1024 + 1))
    assert "pesa más de 2 MB" in subir(client, grande).content.decode()
    pdf = SimpleUploadedFile("registro.pdf", b"%PDF-1.4")
    assert "Suba un archivo .csv" in subir(client, pdf).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, catastro):
    respuesta = client.get(URL)
    assert respuesta.status_code == 302 and "/admin/login/" in respuesta["Location"]
