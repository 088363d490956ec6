"""An editor publishes a dataset through the Wagtail editor; a member page links its tools."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from practicas.models import Eje, Formato, HerramientaPage
from red.models import Comuna
from tests.practicas.factories import crear_practica

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home_page):
    usuario = get_user_model().objects.create_superuser("editora", "e@example.org", "clave")
    client.force_login(usuario)
    return client


def test_editor_publica_un_conjunto_de_datos(admin_client, datos, renca, biblioteca):
    practica = crear_practica(renca, title="Compras abiertas")
    url = reverse("wagtailadmin_pages:add", args=("practicas", "herramientapage", renca.pk))
    formulario = admin_client.get(url)
    assert formulario.status_code == 200
    assert "Conjunto de datos (DCAT)" in formulario.content.decode()
    datos_form = nested_form_data(
        {
            "title": "Compras de Renca",
            "slug": "compras",
            "tipo": "datos",
            "resumen": "Todas las compras del municipio.",
            "descripcion": rich_text("<p>Abra el CSV.</p>"),
            "materiales": streamfield([]),
            "licencia": "CC-BY-4.0",
            "tags": "compras",
            "url_descarga": "https://datos.renca.cl/compras.csv",
            "frecuencia": "MONTHLY",
            "cobertura_inicio": "2023-01-01",
            "action-publish": "publish",
        }
    )
    datos_form["formatos"] = [Formato.objects.get(codigo="CSV").pk]
    datos_form["ejes"] = [Eje.objects.get(slug="datos-abiertos").pk]
    datos_form["comunas"] = [Comuna.objects.get(cut="13128").pk]
    datos_form["practicas"] = [practica.pk]
    respuesta = admin_client.post(url, datos_form)
    assert respuesta.status_code == 302, respuesta.context["form"].errors
    herramienta = HerramientaPage.objects.get(slug="compras")
    assert herramienta.live
    assert [f.codigo for f in herramienta.formatos.all()] == ["CSV"]
    catalogo = admin_client.get("/datos/catalogo.jsonld").content.decode()
    assert "https://datos.renca.cl/compras.csv" in catalogo
    assert "Compras de Renca" in admin_client.get("/red/renca/compras/").content.decode()
