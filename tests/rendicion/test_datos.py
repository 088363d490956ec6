import csv
import io
import json

import pytest

from rendicion.models import Estado

from .factories import CompromisoPageFactory, ProgramaPageFactory, cambio

pytestmark = pytest.mark.django_db


def _csv(client, nombre):
    respuesta = client.get(f"/datos/{nombre}.csv")
    assert respuesta.status_code == 200
    texto = b"".join(respuesta.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(texto)))


def _json(client, nombre):
    respuesta = client.get(f"/datos/{nombre}.json")
    assert respuesta.status_code == 200
    return json.loads(b"".join(respuesta.streaming_content))["items"]


def test_compromisos_y_su_historial_en_datos_abiertos(client, datos, programa_renca):
    c = CompromisoPageFactory(parent=programa_renca, title="Plaza de Renca", eje="DESIGUALDAD")
    cambio(c, Estado.CUMPLIDO, 100, nota="Plaza inaugurada.")
    CompromisoPageFactory(parent=programa_renca, title="Borrador secreto", live=False)
    filas = _csv(client, "compromisos")
    assert [f["titulo"] for f in filas] == ["Plaza de Renca"]
    fila = filas[0]
    assert fila["estado"] == "cumplido" and fila["avance"] == "100"
    assert fila["url"] == "http://localhost/red/renca/programa-2025-2029/" + c.slug + "/"
    assert fila["programa"] == programa_renca.title
    assert client.get(fila["url"]).status_code == 200
    historial = _csv(client, "compromisos-historial")
    assert [(h["estado"], h["nota"]) for h in historial] == [("cumplido", "Plaza inaugurada.")]
    assert historial[0]["evidencia"] == "https://example.org/acta.pdf"
    assert _json(client, "compromisos")[0]["titulo"] == "Plaza de Renca"
    assert len(_json(client, "compromisos-historial")) == 1


def test_los_borradores_no_salen_en_ninguna_salida(client, datos, programa_renca):
    borrador = CompromisoPageFactory(parent=programa_renca, title="Borrador secreto")
    cambio(borrador, nota="Nota secreta del borrador.")
    borrador.unpublish()
    for nombre in ("compromisos", "compromisos-historial"):
        for formato in ("csv", "json"):
            texto = b"".join(client.get(f"/datos/{nombre}.{formato}").streaming_content)
            assert "secret" not in texto.decode("utf-8-sig")
    assert "secret" not in client.get(programa_renca.url).content.decode()


def test_cada_programa_es_un_conjunto_del_catalogo(client, datos, programa_renca, maipu):
    ProgramaPageFactory(parent=maipu, title="Programa borrador de Maipú", live=False)
    catalogo = client.get("/datos/catalogo.jsonld").json()
    conjuntos = catalogo.get("dcat:dataset", [])
    programas = [c for c in conjuntos if c["dct:identifier"].startswith("programa-")]
    assert [p["dct:title"] for p in programas] == [programa_renca.title]
    descargas = [d["dcat:downloadURL"]["@id"] for d in programas[0]["dcat:distribution"]]
    assert any(d.endswith("/datos/compromisos.csv") for d in descargas)
    assert any(d.endswith("/datos/compromisos-historial.json") for d in descargas)


def test_commitments_in_the_api_with_their_timeline_and_comunas(client, programa_renca):
    from red.models import Comuna

    plaza = CompromisoPageFactory(parent=programa_renca, title="Plaza de Renca")
    plaza.comunas.set([Comuna.objects.get(nombre="Renca")])
    plaza.save_revision().publish()
    cambio(plaza, Estado.EN_EJECUCION, 40, nota="Se firmó el contrato.")
    borrador = CompromisoPageFactory(parent=programa_renca, title="Borrador", live=False)

    listado = client.get(
        "/api/v2/pages/?type=rendicion.CompromisoPage&fields=estado,avance,comunas,cambios"
    ).json()
    assert [p["title"] for p in listado["items"]] == ["Plaza de Renca"]
    (item,) = listado["items"]
    assert (item["estado"], item["avance"]) == ("en_ejecucion", 40)
    assert item["comunas"] == [Comuna.objects.get(nombre="Renca").cut]
    (entrada,) = item["cambios"]
    assert entrada["nota"] == "Se firmó el contrato."
    assert entrada["evidencia_url"] == "https://example.org/acta.pdf"
    assert client.get(f"/api/v2/pages/{borrador.pk}/").status_code == 404
