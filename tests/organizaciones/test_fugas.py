"""Contacts of organizations leave through no page, download, catalogue, API or search."""

import csv
import io
import json

import pytest

from .factories import OrganizacionFactory

pytestmark = pytest.mark.django_db

SECRETOS = ("Rosa Secreta", "privado.example", "1234 5678", "Certificado secreto")


@pytest.fixture
def datos_page(home_page):
    from red.datos import DatosPage

    pagina = DatosPage(title="Datos abiertos", slug="datos")
    home_page.add_child(instance=pagina)
    pagina.save_revision().publish()
    return pagina


@pytest.fixture
def organizaciones(catastro):
    verificada = OrganizacionFactory(
        nombre="Junta Pública Los Aromos",
        estado="verificada",
        evidencia_nota="Certificado secreto",
        descripcion='=HYPERLINK("http://malo")',
    )
    OrganizacionFactory(nombre="Registro Rechazado", estado="rechazada")
    return verificada


def _sin_secretos(texto):
    for secreto in SECRETOS:
        assert secreto not in texto, secreto


def test_csv_has_public_fields_only_and_safe_cells(client, datos_page, organizaciones):
    respuesta = client.get("/datos/organizaciones.csv")
    assert respuesta.status_code == 200
    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    _sin_secretos(texto)
    filas = list(csv.DictReader(io.StringIO(texto)))
    assert [f["nombre"] for f in filas] == ["Junta Pública Los Aromos"]
    fila = filas[0]
    assert fila["estado"] == "verificada" and fila["comuna"] == "13128"
    assert fila["comunas"] == "13128"
    assert fila["url"].endswith(f"/red/organizaciones/{organizaciones.ruta}")
    assert fila["descripcion"].startswith("'=")  # a spreadsheet shows it as text
    assert "contacto_email" not in fila


def test_json_has_public_fields_only(client, datos_page, organizaciones):
    respuesta = client.get("/datos/organizaciones.json")
    texto = b"".join(respuesta.streaming_content).decode()
    _sin_secretos(texto)
    datos = json.loads(texto)
    assert [i["nombre"] for i in datos["items"]] == ["Junta Pública Los Aromos"]
    assert "Registro Rechazado" not in texto


def test_the_catalogue_lists_the_dataset(client, datos_page, organizaciones):
    texto = client.get("/datos/catalogo.jsonld").content.decode()
    _sin_secretos(texto)
    catalogo = json.loads(texto)
    ids = [c.get("dct:identifier") for c in catalogo["dcat:dataset"]]
    assert "organizaciones" in ids


def test_open_data_page_documents_the_columns(client, datos_page, organizaciones):
    html = client.get("/datos/").content.decode()
    assert "Catastro de organizaciones ciudadanas" in html
    assert "/datos/organizaciones.csv" in html


def test_no_contact_in_api_search_or_pages(client, datos_page, organizaciones):
    for url in (
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/{organizaciones.pk}/",
        "/buscar/?q=Rosa",
        "/buscar/?q=Aromos",
        "/red/organizaciones/",
        f"/red/organizaciones/{organizaciones.ruta}",
        "/red/organizaciones/?q=rosa",
        "/sitemap.xml",
    ):
        respuesta = client.get(url)
        _sin_secretos(respuesta.content.decode())
