"""API v2, the practices feed, the sitemap and robots.txt, each parsed back."""

import pytest
from defusedxml import ElementTree as ET

from tests.practicas.factories import crear_practica

from .factories import crear_herramienta

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def contenido(datos, biblioteca, herramientas_index, renca, maipu):
    practica = crear_practica(
        renca,
        title="Presupuesto participativo",
        ejes=["participacion-ciudadana"],
        comunas=["13128"],
        tags=["presupuesto"],
    )
    practica.save_revision().publish()
    otra = crear_practica(maipu, title="Portal de datos", tags=["datos"])
    otra.save_revision().publish()
    herramienta = crear_herramienta(
        renca, title="Guía de cabildos", formatos=["PDF"], practicas=[practica]
    )
    return {"practica": practica, "otra": otra, "herramienta": herramienta}


def test_api_practicas_con_ejes_etiquetas_comunas_y_replicaciones(client, contenido):
    from practicas.models import Replicacion

    Replicacion.objects.create(
        practica=contenido["practica"], miembro=contenido["otra"].get_parent().specific
    )
    r = client.get(
        "/api/v2/pages/?type=practicas.PracticaPage&fields=ejes,tags,comunas,replicaciones"
    )
    assert r.status_code == 200
    items = {i["title"]: i for i in r.json()["items"]}
    assert set(items) == {"Presupuesto participativo", "Portal de datos"}
    p = items["Presupuesto participativo"]
    assert p["ejes"] == ["participacion-ciudadana"]
    assert p["tags"] == ["presupuesto"]
    assert p["comunas"] == ["13128"]
    assert p["replicaciones"][0]["miembro_nombre"] == "Municipalidad de Maipú"


def test_api_filtra_por_etiqueta_y_miembro(client, contenido, maipu):
    r = client.get("/api/v2/pages/?type=practicas.PracticaPage&tags=datos")
    assert [i["title"] for i in r.json()["items"]] == ["Portal de datos"]
    r = client.get(f"/api/v2/pages/?type=practicas.PracticaPage&descendant_of={maipu.pk}")
    assert [i["title"] for i in r.json()["items"]] == ["Portal de datos"]


def test_api_herramientas_y_miembros(client, contenido):
    r = client.get("/api/v2/pages/?type=practicas.HerramientaPage&fields=tipo,formatos,practicas")
    (item,) = r.json()["items"]
    assert item["formatos"] == ["PDF"]
    assert item["practicas"] == [contenido["practica"].pk]
    r = client.get("/api/v2/pages/?type=red.MiembroPage&fields=tipo,comuna")
    comunas = {i["title"]: i["comuna"] for i in r.json()["items"]}
    assert comunas["Municipalidad de Renca"] == "13128"
    assert client.get("/api/v2/images/").status_code == 200
    assert client.get("/api/v2/documents/").status_code == 200


def test_feed_atom_de_practicas(client, contenido):
    r = client.get("/practicas/feed.xml")
    assert r.status_code == 200
    raiz = ET.fromstring(r.content)
    entradas = raiz.findall(f"{ATOM}entry")
    titulos = [e.find(f"{ATOM}title").text for e in entradas]
    assert set(titulos) == {"Presupuesto participativo", "Portal de datos"}
    enlaces = {e.find(f"{ATOM}link").get("href") for e in entradas}
    assert contenido["practica"].get_full_url() in enlaces
    autores = {e.find(f"{ATOM}author/{ATOM}name").text for e in entradas}
    assert autores == {"Municipalidad de Renca", "Municipalidad de Maipú"}


def test_sitemap_en_ambos_idiomas(client, contenido, home_page):
    from wagtail.models import Locale

    en = Locale.objects.get(language_code="en")
    home_en = home_page.copy_for_translation(en)
    home_en.save_revision().publish()
    r = client.get("/sitemap.xml")
    assert r.status_code == 200
    urls = {u.find(f"{SITEMAP}loc").text for u in ET.fromstring(r.content).findall(f"{SITEMAP}url")}
    assert contenido["practica"].get_full_url() in urls
    assert contenido["herramienta"].get_full_url() in urls
    assert "http://localhost/datos/" in urls
    assert "http://localhost/en/" in urls


def test_robots(client, home_page):
    r = client.get("/robots.txt")
    assert r.status_code == 200
    texto = r.content.decode()
    assert "Disallow: /admin/" in texto
    assert (
        "Sitemap: http://testserver/sitemap.xml" in texto
        or "Sitemap: http://localhost/sitemap.xml" in texto
    )


def test_api_no_da_ids_de_paginas_no_publicadas(client, contenido, renca):
    borrador = crear_practica(renca, title="Borrador")
    borrador.unpublish()
    herramienta = contenido["herramienta"]
    herramienta.practicas.add(borrador)
    herramienta.save()
    r = client.get("/api/v2/pages/?type=practicas.HerramientaPage&fields=practicas")
    assert r.json()["items"][0]["practicas"] == [contenido["practica"].pk]
    detalle = f"/api/v2/pages/{contenido['practica'].pk}/"
    assert client.get(detalle).json()["herramientas"] == [herramienta.pk]
    herramienta.unpublish()
    assert client.get(detalle).json()["herramientas"] == []
