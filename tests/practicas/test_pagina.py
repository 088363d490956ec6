"""The practice page, its replications and JSON-LD; practices on member and home pages."""

import datetime
import json
import re

import pytest
from wagtail.models import PageViewRestriction

from practicas.models import Replicacion
from tests.factories import MiembroPageFactory

from .factories import crear_practica

pytestmark = pytest.mark.django_db


@pytest.fixture
def practica(biblioteca, renca):
    return crear_practica(
        renca,
        title="Presupuesto participativo mixto",
        slug="presupuesto",
        resumen="Vecinas y vecinos votan en línea o en sedes vecinales.",
        problema="<p>Las votaciones en línea dejaban fuera a personas mayores.</p>",
        cuerpo=[("paragraph", "<p>Abrimos sedes de votación los fines de semana.</p>")],
        resultados=[
            (
                "indicador",
                {
                    "nombre": "Personas que votaron",
                    "valor": "9.800",
                    "linea_base": "3.100",
                    "periodo": "2025",
                    "fuente": "Registro municipal de votación",
                    "fuente_url": "https://example.org/registro",
                },
            )
        ],
        pasos=[("paso", {"titulo": "Definir el monto", "descripcion": "Con el concejo."})],
        base_legal=[("norma", {"norma": "Ley 20.500", "detalle": "", "url": ""})],
        costo_aproximado="5 % de la inversión comunal",
        tiempo_implementacion="5 meses",
        dificultad="media",
        contacto_nombre="Dirección de Participación",
        contacto_email="participacion@example.org",
        ejes=["participacion-ciudadana"],
        comunas=["13128"],
        ods=["16.7"],
        tags=["votación"],
    )


def test_practice_page_shows_what_a_reader_needs(client, practica):
    response = client.get("/red/renca/presupuesto/")
    assert response.status_code == 200
    html = response.content.decode()
    for texto in (
        "<h1>Presupuesto participativo mixto</h1>",
        "Municipalidad de Renca",
        "Vecinas y vecinos votan",
        "El problema",
        "dejaban fuera a personas mayores",
        "Qué se hizo",
        "Abrimos sedes de votación",
        "Personas que votaron",
        "9.800",
        "Registro municipal de votación",
        "Cómo replicarla",
        "Definir el monto",
        "Ley 20.500",
        "5 % de la inversión comunal",
        "Dirección de Participación",
        "participacion@example.org",
        "CC BY 4.0",
        "16.7",
    ):
        assert texto in html, texto
    # Breadcrumbs: home › network › member › practice.
    migas = html[html.index('class="container breadcrumbs"') :]
    migas = migas[: migas.index("</nav>")]
    assert "La Red" in migas and "Municipalidad de Renca" in migas
    assert 'aria-current="page">Presupuesto participativo mixto' in migas


def test_replications_are_listed_with_their_comunas(client, practica, maipu, ong, red_index):
    propia = crear_practica(maipu, title="Nuestra versión en Maipú")
    Replicacion.objects.create(
        practica=practica,
        miembro=maipu,
        estado="replicada",
        fecha=datetime.date(2025, 4, 1),
        nota="Adaptada a villas de Maipú.",
        practica_propia=propia,
    )
    Replicacion.objects.create(practica=practica, miembro=ong, estado="en_proceso")
    html = client.get("/red/renca/presupuesto/").content.decode()
    assert "Replicada en 1 comuna" in html
    seccion = html[html.index('id="replicaciones"') :]
    seccion = seccion[: seccion.index("</section>")]
    assert "Municipalidad de Maipú" in seccion and "Replicada" in seccion
    assert "Fundación Ciudadana" in seccion and "En proceso" in seccion
    assert "Adaptada a villas de Maipú." in seccion
    assert "Su versión: Nuestra versión en Maipú" in seccion


def test_practice_without_replications_says_so(client, practica):
    html = client.get("/red/renca/presupuesto/").content.decode()
    assert "Todavía ningún miembro de la Red registra haberla replicado" in html


def test_json_ld_describes_the_practice(client, practica):
    html = client.get("/red/renca/presupuesto/").content.decode()
    bloque = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    datos = json.loads(bloque)
    assert datos["@context"] == "https://schema.org"
    assert datos["@type"] == "Article"
    assert datos["headline"] == "Presupuesto participativo mixto"
    assert datos["description"].startswith("Vecinas y vecinos")
    assert datos["url"] == "http://localhost/red/renca/presupuesto/"
    assert datos["inLanguage"] == "es"
    assert datos["license"] == "https://creativecommons.org/licenses/by/4.0/deed.es"
    assert datos["author"] == {
        "@type": "GovernmentOrganization",
        "name": "Municipalidad de Renca",
        "url": "http://localhost/red/renca/",
    }
    assert datos["keywords"] == ["votación"]
    assert datos["about"] == [{"@type": "Thing", "name": "Participación ciudadana"}]
    assert datos["spatialCoverage"][0]["identifier"] == "13128"
    assert datos["contactPoint"]["email"] == "participacion@example.org"


def test_json_ld_cannot_be_broken_out_of(client, renca):
    crear_practica(renca, title="</script><script>alert(1)</script>", slug="xss")
    html = client.get("/red/renca/xss/").content.decode()
    bloque = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(bloque)["headline"] == "</script><script>alert(1)</script>"


def test_related_practices_share_axes_or_tags(client, practica, maipu):
    crear_practica(maipu, title="Votación de proyectos", tags=["votación"])
    crear_practica(maipu, title="Otra de participación", ejes=["participacion-ciudadana"])
    crear_practica(maipu, title="Sin relación", ejes=["datos-abiertos"])
    html = client.get("/red/renca/presupuesto/").content.decode()
    seccion = html[html.index('id="relacionadas"') :]
    assert "Votación de proyectos" in seccion and "Otra de participación" in seccion
    assert "Sin relación" not in seccion
    # A shared tag weighs more than a shared axis.
    assert seccion.index("Votación de proyectos") < seccion.index("Otra de participación")


def test_member_page_shows_shared_and_replicated_practices(client, practica, maipu, renca):
    ajena = crear_practica(maipu, title="Mesas territoriales")
    Replicacion.objects.create(practica=ajena, miembro=renca, estado="replicada")
    html = client.get("/red/renca/").content.decode()
    assert "Prácticas que comparte" in html and "Presupuesto participativo mixto" in html
    assert "Prácticas que replicó" in html and "Mesas territoriales" in html
    html = client.get("/red/maipu/").content.decode()
    assert "Mesas territoriales" in html and "Presupuesto participativo mixto" not in html


def test_home_shows_featured_recent_and_counts(client, practica, maipu, red_index):
    practica.destacada = True
    practica.save_revision().publish()
    crear_practica(maipu, title="Mesas territoriales")
    borrador = crear_practica(maipu, title="Borrador de Maipú")
    borrador.unpublish()
    Replicacion.objects.create(practica=practica, miembro=maipu, estado="replicada")
    privado = MiembroPageFactory(parent=red_index, title="Privado")
    oculta = crear_practica(privado, title="Oculta")
    Replicacion.objects.create(practica=oculta, miembro=maipu, estado="replicada")
    PageViewRestriction.objects.create(page=privado, restriction_type="login")
    html = client.get("/").content.decode()
    assert "<strong>2</strong> prácticas publicadas" in html
    assert "<strong>1</strong> replicación" in html
    destacadas = html[html.index("Destacadas") : html.index("Recientes")]
    assert "Presupuesto participativo mixto" in destacadas
    assert "Mesas territoriales" in html[html.index("Recientes") :]
    assert "Borrador de Maipú" not in html and "Oculta" not in html


def test_draft_practice_is_not_served(client, practica):
    practica.unpublish()
    assert client.get("/red/renca/presupuesto/").status_code == 404
