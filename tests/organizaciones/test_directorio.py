"""The public directory /red/organizaciones/: filters, search without accents, counts,
map, one page per organization, and a query count that does not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organizaciones.models import EstadoOrganizacion, TipoOrganizacion

from .factories import OrganizacionFactory

pytestmark = pytest.mark.django_db


def test_directory_lists_organizations_with_status_and_no_contact(client, catastro):
    OrganizacionFactory(nombre="Junta de Vecinos Villa Esperanza", estado="verificada")
    respuesta = client.get("/red/organizaciones/")
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "Junta de Vecinos Villa Esperanza" in html
    assert "Verificada" in html
    assert "Rosa Secreta" not in html and "privado.example" not in html


def test_search_ignores_accents_and_case(client, catastro):
    OrganizacionFactory(nombre="Club Deportivo Peñalolén Alto")
    OrganizacionFactory(nombre="Centro Cultural Renca")
    html = client.get("/red/organizaciones/?q=PENALOLEN").content.decode()
    assert "Club Deportivo Peñalolén Alto" in html
    assert "Centro Cultural Renca" not in html


def test_filters_by_comuna_kind_and_status(client, catastro, comuna_maipu):
    OrganizacionFactory(nombre="Renca verificada", estado="verificada")
    OrganizacionFactory(nombre="Renca pendiente")
    OrganizacionFactory(
        nombre="Fundación de Maipú",
        comuna=comuna_maipu,
        tipo=TipoOrganizacion.objects.get(slug="fundacion"),
    )
    html = client.get("/red/organizaciones/?comuna=13119").content.decode()
    assert "Fundación de Maipú" in html and "Renca verificada" not in html
    html = client.get("/red/organizaciones/?tipo=fundacion").content.decode()
    assert "Fundación de Maipú" in html and "Renca pendiente" not in html
    html = client.get("/red/organizaciones/?estado=verificada").content.decode()
    assert "Renca verificada" in html and "Renca pendiente" not in html
    assert "1 organización" in html


def test_an_organization_working_in_another_comuna_appears_there_too(
    client, catastro, comuna_maipu
):
    OrganizacionFactory(nombre="ONG de las dos comunas", comunas=[comuna_maipu])
    assert (
        "ONG de las dos comunas" in client.get("/red/organizaciones/?comuna=13119").content.decode()
    )


def test_a_bad_filter_value_is_reported_not_an_error(client, catastro):
    OrganizacionFactory(nombre="Junta Uno")
    respuesta = client.get("/red/organizaciones/?comuna=99999&estado=rechazada")
    assert respuesta.status_code == 200
    html = respuesta.content.decode()
    assert "No entendimos parte de la búsqueda" in html
    assert "Junta Uno" in html


def test_rejected_registrations_are_not_public(client, catastro):
    org = OrganizacionFactory(nombre="Registro Spam", estado=EstadoOrganizacion.RECHAZADA)
    assert "Registro Spam" not in client.get("/red/organizaciones/").content.decode()
    assert client.get(f"/red/organizaciones/{org.ruta}").status_code == 404


def test_map_counts_organizations_and_verified_per_comuna(client, catastro):
    for _ in range(3):
        OrganizacionFactory(estado="verificada")
    OrganizacionFactory()
    OrganizacionFactory(estado="rechazada")
    html = client.get("/red/organizaciones/").content.decode()
    assert "Renca: 4 organizaciones, 3 verificadas" in html
    assert 'href="/red/organizaciones/?comuna=13128#resultados"' in html
    assert "Maipú: 0 organizaciones, 0 verificadas" in html
    assert "mapa__comuna--org-verificadas" in html


def test_organization_page_shows_public_fields_and_status_only(client, catastro):
    org = OrganizacionFactory(
        nombre="Centro Cultural La Victoria",
        registro="Secretaría Municipal de Renca",
        numero_registro="1234",
        estado="verificada",
        verificada_por_entidad="Municipalidad de Renca",
    )
    from django.utils import timezone

    org.verificada = timezone.now()
    org.save()
    respuesta = client.get(f"/red/organizaciones/{org.ruta}")
    html = respuesta.content.decode()
    assert respuesta.status_code == 200
    assert "Centro Cultural La Victoria" in html
    assert "Verificada por Municipalidad de Renca" in html
    assert org.rut_formateado in html and "Secretaría Municipal de Renca" in html
    assert "Rosa Secreta" not in html and "privado.example" not in html
    assert "1234 5678" not in html
    # A wrong slug goes to the right address.
    otra = client.get(f"/red/organizaciones/{org.pk}-otro-nombre/")
    assert otra.status_code == 301 and otra["Location"].endswith(org.ruta)


def test_names_are_escaped(client, catastro):
    org = OrganizacionFactory(nombre='<script>alert("x")</script> Junta')
    for url in ("/red/organizaciones/", f"/red/organizaciones/{org.ruta}"):
        html = client.get(url).content.decode()
        assert '<script>alert("x")</script>' not in html
        assert "&lt;script&gt;" in html


def test_directory_is_paginated(client, catastro):
    for i in range(35):
        OrganizacionFactory(nombre=f"Organización {i:02d}")
    html = client.get("/red/organizaciones/").content.decode()
    assert "Página 1 de 2" in html
    assert "Organización 34" not in html
    assert "Organización 34" in client.get("/red/organizaciones/?page=2").content.decode()


def _consultas(client, url):
    from django.core.cache import cache

    client.get(url)  # what a process keeps after its first request (content types, sites)
    cache.clear()
    with CaptureQueriesContext(connection) as consultas:
        assert client.get(url).status_code == 200
    return len(consultas)


@pytest.mark.parametrize(
    "url", ["/red/organizaciones/", "/red/organizaciones/?comuna=13128&q=junta"]
)
def test_query_count_does_not_grow_with_the_organizations(client, catastro, comuna_maipu, url):
    for _ in range(10):
        OrganizacionFactory(comunas=[comuna_maipu])
    con_10 = _consultas(client, url)
    for _ in range(190):
        OrganizacionFactory(comunas=[comuna_maipu], estado="verificada")
    assert _consultas(client, url) == con_10
