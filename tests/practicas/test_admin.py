"""An editor creates a practice through the Wagtail editor, tab by tab."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from practicas.models import Eje, MetaODS, PracticaPage
from red.models import Comuna

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, home_page):
    usuario = get_user_model().objects.create_superuser("editora", "e@example.org", "clave")
    client.force_login(usuario)
    return client


def test_editor_creates_a_practice_with_replications(admin_client, renca, maipu):
    url = reverse("wagtailadmin_pages:add", args=("practicas", "practicapage", renca.pk))
    formulario = admin_client.get(url)
    assert formulario.status_code == 200
    html = formulario.content.decode()
    for pestana in (
        "La práctica",
        "Resultados",
        "Cómo replicarla",
        "Clasificación",
        "Replicaciones",
    ):
        assert pestana in html
    datos = nested_form_data(
        {
            "title": "Cabildos abiertos en Renca",
            "slug": "cabildos",
            "resumen": "Encuentros abiertos para decidir prioridades del barrio.",
            "problema": rich_text("<p>Pocas personas participaban.</p>"),
            "cuerpo": streamfield([("paragraph", rich_text("<p>Hicimos cabildos.</p>"))]),
            "resultados": streamfield(
                [
                    (
                        "indicador",
                        {
                            "nombre": "Asistentes",
                            "valor": "450",
                            "linea_base": "",
                            "periodo": "2025",
                            "fuente": "Listas de asistencia",
                            "fuente_url": "",
                        },
                    )
                ]
            ),
            "pasos": streamfield([("paso", {"titulo": "Convocar", "descripcion": ""})]),
            "recursos": rich_text(""),
            "base_legal": streamfield([]),
            "materiales": streamfield([]),
            "estado": "en_marcha",
            "fecha_inicio": "2025-03-01",
            "tags": "cabildos, participación",
            "licencia": "CC-BY-4.0",
            "replicaciones": inline_formset(
                [{"miembro": maipu.pk, "estado": "en_proceso", "nota": "Empezando"}]
            ),
            "action-publish": "publish",
        }
    )
    # Multiple-choice fields go as repeated values (nested_form_data would number them).
    datos["comunas"] = [Comuna.objects.get(cut="13128").pk]
    datos["ejes"] = [Eje.objects.get(slug="participacion-ciudadana").pk]
    datos["metas_ods"] = [MetaODS.objects.get(codigo="16.7").pk]
    respuesta = admin_client.post(url, datos)
    assert respuesta.status_code == 302, respuesta.context["form"].errors
    practica = PracticaPage.objects.get(slug="cabildos")
    assert practica.live and practica.get_parent().specific == renca
    assert [e.slug for e in practica.ejes.all()] == ["participacion-ciudadana"]
    assert sorted(t.name for t in practica.tags.all()) == ["cabildos", "participación"]
    assert practica.replicaciones.get().miembro.specific == maipu
    assert practica.resultados[0].value["fuente"] == "Listas de asistencia"

    publica = admin_client.get("/red/renca/cabildos/")
    assert "Cabildos abiertos en Renca" in publica.content.decode()


def test_editor_cannot_publish_an_image_without_alt_text(admin_client, renca):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    imagen = Image.objects.create(title="Cabildo", file=get_test_image_file())
    url = reverse("wagtailadmin_pages:add", args=("practicas", "practicapage", renca.pk))
    datos = nested_form_data(
        {
            "title": "Con imagen",
            "slug": "con-imagen",
            "resumen": "Resumen.",
            "problema": rich_text(""),
            "recursos": rich_text(""),
            "cuerpo": streamfield([]),
            "resultados": streamfield([]),
            "pasos": streamfield([]),
            "base_legal": streamfield([]),
            "materiales": streamfield([]),
            "estado": "en_marcha",
            "licencia": "CC-BY-4.0",
            "imagen": imagen.pk,
            "imagen_texto_alternativo": "",
            "replicaciones": inline_formset([]),
            "action-publish": "publish",
        }
    )
    respuesta = admin_client.post(url, datos)
    assert respuesta.status_code == 200
    assert "Escriba el texto alternativo de la imagen." in respuesta.content.decode()
    assert not PracticaPage.objects.filter(slug="con-imagen").exists()
