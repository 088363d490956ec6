"""Downloads /datos/*.csv|json: parsed back and compared with the pages."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from practicas.models import Replicacion
from tests.factories import MiembroPageFactory
from tests.practicas.factories import crear_practica

from .factories import crear_herramienta

pytestmark = pytest.mark.django_db


def leer_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    texto = b"".join(response.streaming_content).decode("utf-8")
    assert texto.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(texto[1:])))


def leer_json(response):
    assert response["Content-Type"].startswith("application/json")
    return json.loads(b"".join(response.streaming_content).decode("utf-8"))


@pytest.fixture
def practicas(datos, biblioteca, renca, maipu):
    presupuesto = crear_practica(
        renca,
        title="Presupuesto participativo",
        resumen="Vecinas y vecinos deciden la inversión del barrio.",
        ejes=["participacion-ciudadana"],
        comunas=["13128"],
        tags=["presupuesto"],
        fecha_inicio=datetime.date(2024, 3, 1),
    )
    Replicacion.objects.create(practica=presupuesto, miembro=maipu)
    portal = crear_practica(
        maipu,
        title="Portal de datos abiertos",
        resumen='=HYPERLINK("http://evil") datos municipales en CSV.',
        ejes=["datos-abiertos"],
        comunas=["13119"],
        tags=["datos"],
    )
    return {"presupuesto": presupuesto, "portal": portal}


def test_practicas_csv_una_fila_por_practica_con_su_url(client, practicas):
    practicas["presupuesto"].save_revision().publish()
    r = client.get("/datos/practicas.csv")
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="practicas.csv"'
    filas = {f["titulo"]: f for f in leer_csv(r)}
    assert set(filas) == {"Presupuesto participativo", "Portal de datos abiertos"}
    fila = filas["Presupuesto participativo"]
    assert fila["url"] == "http://localhost/red/renca/presupuesto-participativo/"
    assert client.get(fila["url"].removeprefix("http://localhost")).status_code == 200
    assert fila["url"] == practicas["presupuesto"].get_full_url()
    assert fila["comunas"] == "13128"
    assert fila["ejes"] == "participacion-ciudadana"
    assert fila["etiquetas"] == "presupuesto"
    assert fila["replicaciones"] == "1"
    assert fila["fecha_inicio"] == "2024-03-01"
    assert fila["miembro"] == "Municipalidad de Renca"
    assert fila["licencia"] == "CC-BY-4.0"
    datetime.datetime.fromisoformat(fila["publicada"])


def test_csv_seguro_ante_formulas(client, practicas):
    filas = {f["titulo"]: f for f in leer_csv(client.get("/datos/practicas.csv"))}
    assert filas["Portal de datos abiertos"]["resumen"].startswith("'=HYPERLINK")


def test_practicas_json_con_listas(client, practicas):
    datos = leer_json(client.get("/datos/practicas.json"))
    assert "ejes" in datos["columnas"]
    items = {i["titulo"]: i for i in datos["items"]}
    assert items["Portal de datos abiertos"]["ejes"] == ["datos-abiertos"]
    # JSON keeps the text as written: formula escaping is for spreadsheets only.
    assert items["Portal de datos abiertos"]["resumen"].startswith("=HYPERLINK")
    assert items["Presupuesto participativo"]["comunas_nombres"] == ["Renca"]


def test_mismos_filtros_que_la_biblioteca(client, practicas):
    filas = leer_csv(client.get("/datos/practicas.csv?comuna=13119"))
    assert [f["titulo"] for f in filas] == ["Portal de datos abiertos"]
    filas = leer_json(client.get("/datos/practicas.json?q=vecinos"))["items"]
    assert [f["titulo"] for f in filas] == ["Presupuesto participativo"]
    filas = leer_csv(client.get("/datos/practicas.csv?eje=datos-abiertos&comuna=13128"))
    assert filas == []


def test_herramientas(client, datos, herramientas_index, renca, practicas):
    crear_herramienta(
        renca,
        title="Compras de Renca",
        tipo="datos",
        formatos=["CSV"],
        comunas=["13128"],
        practicas=[practicas["presupuesto"]],
        cobertura_inicio=datetime.date(2023, 1, 1),
    )
    filas = leer_csv(client.get("/datos/herramientas.csv"))
    assert len(filas) == 1
    assert filas[0]["tipo"] == "datos"
    assert filas[0]["formatos"] == "CSV"
    assert filas[0]["practicas"] == str(practicas["presupuesto"].pk)
    assert filas[0]["cobertura_inicio"] == "2023-01-01"
    assert leer_json(client.get("/datos/herramientas.json?formato=PDF"))["items"] == []


def test_eventos(client, datos, renca):
    from eventos.models import EventoPage

    inicio = timezone.make_aware(datetime.datetime(2026, 5, 4, 10, 0))
    evento = EventoPage(
        title="Taller de datos",
        resumen="Aprenda a publicar datos.",
        inicio=inicio,
        fin=inicio + datetime.timedelta(hours=2),
    )
    renca.add_child(instance=evento)
    filas = leer_csv(client.get("/datos/eventos.csv"))
    assert [f["titulo"] for f in filas] == ["Taller de datos"]
    assert datetime.datetime.fromisoformat(filas[0]["inicio"]) == inicio
    assert filas[0]["url"] == evento.get_full_url()


def test_eventos_con_cupos_que_quedan_sin_datos_de_inscritos(client, datos, renca):
    from tests.eventos.factories import crear_evento, crear_inscripcion

    evento = crear_evento(
        renca, title="Encuentro de municipios", cupos=3, comuna="13128", lista_espera=True
    )
    crear_inscripcion(evento, n=1, nombre="Ana Confidencial", email="ana@correo.example")
    crear_inscripcion(evento, n=2)
    crear_inscripcion(evento, n=3, estado="cancelada")
    fila = next(
        f for f in leer_csv(client.get("/datos/eventos.csv")) if f["titulo"] == evento.title
    )
    assert fila["cupos"] == "3"
    assert fila["cupos_disponibles"] == "1"  # two confirmed; the cancelled one frees its place
    assert fila["lista_espera"] == "true"
    assert fila["comuna"] == "13128"
    assert fila["modalidad"] == "presencial"
    datos_json = leer_json(client.get("/datos/eventos.json"))
    json_evento = next(e for e in datos_json["items"] if e["id"] == evento.pk)
    assert json_evento["cupos_disponibles"] == 1
    texto = b"".join(client.get("/datos/eventos.csv").streaming_content).decode()
    assert "Ana Confidencial" not in texto and "ana@correo.example" not in texto


def test_miembros_solo_perfil_publico(client, datos, renca, red_index):
    MiembroPageFactory(
        parent=red_index, title="Fundación Abierta", contacto_email="hola@fundacion.cl"
    )
    filas = {f["nombre"]: f for f in leer_csv(client.get("/datos/miembros.csv"))}
    assert filas["Municipalidad de Renca"]["comuna"] == "13128"
    assert filas["Fundación Abierta"]["contacto_email"] == "hola@fundacion.cl"
    assert "rut" not in filas["Fundación Abierta"]
    assert "owner" not in filas["Fundación Abierta"]


def test_sin_pagina_de_datos_es_404(client, home_page):
    assert client.get("/datos/practicas.csv").status_code == 404


def test_archivo_desconocido_es_404(client, datos):
    assert client.get("/datos/nada.csv").status_code == 404


def test_la_pagina_documenta_columnas_y_enlaza_cada_descarga(client, datos):
    html = client.get("/datos/").content.decode()
    for nombre in ("practicas", "eventos", "herramientas", "miembros"):
        assert f'href="/datos/{nombre}.csv"' in html
        assert f'href="/datos/{nombre}.json"' in html
    assert 'href="/datos/catalogo.jsonld"' in html
    assert "CC BY 4.0" in html
    assert "<code>replicaciones</code>" in html


def test_consultas_por_bloque_no_por_fila(client, datos, renca, maipu, monkeypatch):
    """Queries grow with chunks, never with rows (the timing for 5,000 practices is in
    `make bench`, see docs/datos-abiertos.md)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("nucleo.exportar.TAMANO_BLOQUE", 100)

    def consultas(formato):
        with CaptureQueriesContext(connection) as ctx:
            # Filtered (every practice matches): built for the request, not read from storage.
            r = client.get(f"/datos/practicas.{formato}?eje=transparencia")
            b"".join(r.streaming_content)
        return len(ctx.captured_queries)

    def crear(n):
        for i in range(n):
            crear_practica(
                renca if i % 2 else maipu,
                ejes=["transparencia"],
                comunas=["13128"],
                tags=[f"t{i}"],
            )

    crear(3)
    consultas("csv")
    pocas = {f: consultas(f) for f in ("csv", "json")}
    crear(12)
    # The first request after new content reads the restricted paths once for the new
    # content version (nucleo.consultas); rows are what must not add queries.
    consultas("csv")
    assert {f: consultas(f) for f in ("csv", "json")} == pocas
