"""Open-data files are files: written after a publication, served with ETag and 304."""

import csv
import io

import pytest
from django.core.files.storage import default_storage
from django.db import connection

from red import archivos_datos
from red.models import Comuna
from tests.practicas.factories import crear_practica

pytestmark = pytest.mark.django_db


def filas(response):
    texto = b"".join(response.streaming_content).decode("utf-8-sig")
    return {f["titulo"]: f for f in csv.DictReader(io.StringIO(texto))}


@pytest.fixture
def publicada(datos, biblioteca, renca):
    practica = crear_practica(renca, title="Presupuesto participativo", comunas=["13128"])
    # The test's transaction never commits: the regeneration the fixtures scheduled
    # is still pending, and one per transaction would absorb the test's own.
    connection.run_on_commit = [
        c for c in connection.run_on_commit if not isinstance(c[1], archivos_datos._Encolar)
    ]
    return practica


def test_descarga_con_etag_y_304_al_repetirla(client, publicada):
    r = client.get("/datos/practicas.csv")
    assert r.status_code == 200
    assert "Presupuesto participativo" in filas(r)
    etag, modificado = r["ETag"], r["Last-Modified"]
    assert etag.startswith('"') and modificado.endswith("GMT")
    assert "public" in r["Cache-Control"]

    repetida = client.get("/datos/practicas.csv", headers={"if-none-match": etag})
    assert repetida.status_code == 304
    assert repetida["ETag"] == etag
    assert not repetida.content
    assert (
        client.get("/datos/practicas.csv", headers={"if-modified-since": modificado}).status_code
        == 304
    )
    otra = client.get("/datos/practicas.csv", headers={"if-none-match": '"otra"'})
    assert otra.status_code == 200


def test_el_catalogo_tambien_responde_304(client, publicada):
    r = client.get("/datos/catalogo.jsonld")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/ld+json")
    assert b"dcat:Catalog" in r.content
    assert (
        client.get("/datos/catalogo.jsonld", headers={"if-none-match": r["ETag"]}).status_code
        == 304
    )


def test_sin_archivo_aun_se_genera_una_vez_y_queda_guardado(client, publicada, settings):
    carpeta = f"{settings.RED_DATOS_ABIERTOS_CARPETA}/es"
    assert not default_storage.exists(f"{carpeta}/practicas.json")
    assert client.get("/datos/practicas.json").status_code == 200
    assert default_storage.exists(f"{carpeta}/practicas.json")
    # Next time it is read from storage: a change without publication is not seen.
    crear_practica(publicada.get_parent(), title="Creada sin publicar por señal")
    assert (
        "Creada sin publicar"
        not in b"".join(client.get("/datos/practicas.json").streaming_content).decode()
    )


def test_publicar_regenera_el_archivo(client, publicada, renca, django_capture_on_commit_callbacks):
    antes = client.get("/datos/practicas.csv")
    assert set(filas(antes)) == {"Presupuesto participativo"}
    nueva = crear_practica(renca, title="Cabildo abierto")
    # A draft is not in the file, whatever its title says.
    borrador = crear_practica(renca, title="zafiro borrador")
    with django_capture_on_commit_callbacks(execute=True):
        nueva.unpublish()
        borrador.unpublish()
    assert (
        client.get("/datos/practicas.csv", headers={"if-none-match": antes["ETag"]}).status_code
        == 200
    )
    antes = client.get("/datos/practicas.csv")
    assert set(filas(antes)) == {"Presupuesto participativo"}
    with django_capture_on_commit_callbacks(execute=True):
        nueva.save_revision().publish()
    despues = client.get("/datos/practicas.csv", headers={"if-none-match": antes["ETag"]})
    assert despues.status_code == 200
    assert despues["ETag"] != antes["ETag"]
    assert set(filas(despues)) == {"Presupuesto participativo", "Cabildo abierto"}

    nueva.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        nueva.unpublish()
    assert set(filas(client.get("/datos/practicas.csv"))) == {"Presupuesto participativo"}


def test_una_revision_sin_publicar_no_entra_al_archivo(
    client, publicada, django_capture_on_commit_callbacks, admin_user
):
    publicada.title = "Título en borrador"
    with django_capture_on_commit_callbacks(execute=True):
        publicada.save_revision(user=admin_user)
        # Anything public changing regenerates the files (here, another publication).
        crear_practica(publicada.get_parent(), title="Otra").save_revision().publish()
    texto = b"".join(client.get("/datos/practicas.csv").streaming_content).decode()
    assert "Presupuesto participativo" in texto
    assert "Título en borrador" not in texto
    assert admin_user.email not in texto
    assert admin_user.username not in texto


def test_guardar_un_modelo_publico_regenera_el_archivo(
    client, publicada, django_capture_on_commit_callbacks
):
    client.get("/datos/practicas.csv")
    renca = Comuna.objects.get(cut="13128")
    renca.nombre = "Renca (nombre nuevo)"
    with django_capture_on_commit_callbacks(execute=True):
        renca.save()
    fila = filas(client.get("/datos/practicas.csv"))["Presupuesto participativo"]
    assert fila["comunas_nombres"] == "Renca (nombre nuevo)"


def test_cada_idioma_tiene_su_archivo(client, publicada, settings):
    client.get("/datos/practicas.csv")
    assert default_storage.exists(f"{settings.RED_DATOS_ABIERTOS_CARPETA}/es/practicas.csv")


def test_filtradas_se_transmiten_con_limite_por_direccion(client, publicada, settings):
    settings.RED_DATOS_FILTRADOS_POR_IP = 2
    for _ in range(2):
        r = client.get("/datos/practicas.csv?comuna=13128")
        assert r.status_code == 200
        assert "ETag" not in r
        assert "Presupuesto participativo" in filas(r)
    agotada = client.get("/datos/practicas.csv?comuna=13128")
    assert agotada.status_code == 429
    assert agotada["Retry-After"] == str(settings.RED_DATOS_FILTRADOS_VENTANA_SEGUNDOS)
    assert "Demasiadas descargas" in agotada.content.decode()
    # The whole file has no limit: it costs nothing.
    assert client.get("/datos/practicas.csv").status_code == 200
    # Another address has its own count.
    assert (
        client.get("/datos/practicas.csv?comuna=13128", REMOTE_ADDR="10.0.0.9").status_code == 200
    )


def test_borrar_una_practica_la_saca_del_archivo(
    client, publicada, renca, django_capture_on_commit_callbacks
):
    otra = crear_practica(renca, title="Se borrará")
    with django_capture_on_commit_callbacks(execute=True):
        otra.save_revision().publish()
    assert "Se borrará" in filas(client.get("/datos/practicas.csv"))
    with django_capture_on_commit_callbacks(execute=True):
        otra.delete()
    assert set(filas(client.get("/datos/practicas.csv"))) == {"Presupuesto participativo"}


def test_sin_pagina_de_datos_no_hay_archivos(client, home_page, settings):
    from red.archivos_datos import regenerar_archivos

    assert regenerar_archivos.call() == 0
    assert client.get("/datos/practicas.csv").status_code == 404
