import io

import pytest

from rendicion.models import CompromisoPage, Estado

from .factories import CompromisoPageFactory, cambio

pytestmark = pytest.mark.django_db


def _exportar(cliente, programa):
    respuesta = cliente.get(f"/admin/rendicion/{programa.pk}/exportar.csv")
    assert respuesta.status_code == 200
    return respuesta.content.decode("utf-8-sig")


def _importar(cliente, programa, texto, probar=False):
    archivo = io.BytesIO(texto.encode("utf-8"))
    archivo.name = "programa.csv"
    datos = {"archivo": archivo}
    if probar:
        datos["probar"] = "on"
    return cliente.post(f"/admin/rendicion/{programa.pk}/importar/", datos).content.decode()


def test_ida_y_vuelta_sin_duplicados(cliente_renca, programa_renca):
    c = CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD", numero=1, title="Plazas")
    cambio(c, Estado.EN_EJECUCION, 40)
    texto = _exportar(cliente_renca, programa_renca)
    editado = texto.replace("Plazas", "Plazas iluminadas") + (
        "SEGURIDAD,2,Cámaras,Instalar cámaras.,,,false,13128,,,,\r\n"
    )
    html = _importar(cliente_renca, programa_renca, editado, probar=True)
    assert "1 nuevos, 1 actualizados" in html
    assert CompromisoPage.objects.child_of(programa_renca).count() == 1
    html = _importar(cliente_renca, programa_renca, editado)
    assert "1 nuevos, 1 actualizados" in html
    assert CompromisoPage.objects.child_of(programa_renca).count() == 2
    # The same columns come back: exporting the revisions gives the edited file.
    c.refresh_from_db()
    assert c.get_latest_revision_as_object().title == "Plazas iluminadas"
    assert _importar(cliente_renca, programa_renca, editado, probar=True).count("nuevos") == 1


def test_un_archivo_malo_no_guarda_nada(cliente_renca, programa_renca):
    CompromisoPageFactory(parent=programa_renca, eje="SEGURIDAD", numero=1)
    texto = _exportar(cliente_renca, programa_renca)
    malo = (
        texto + "SEGURIDAD,dos,,Algo,,,quizas,99999,1.000,,,\r\nOTRO,3,Nuevo,Bien,,,false,,,,,\r\n"
    )
    html = _importar(cliente_renca, programa_renca, malo)
    assert "no se guardó nada" in html
    assert "Línea 3, campo «numero»" in html
    assert "Línea 3, campo «toda_la_region»" in html
    assert "Línea 3, campo «comunas»" in html
    assert CompromisoPage.objects.child_of(programa_renca).count() == 1
    cambiado = texto.replace("sin_informacion", "cumplido")
    assert "Línea 2, campo «estado»" in _importar(cliente_renca, programa_renca, cambiado)
    assert "Las columnas deben ser" in _importar(cliente_renca, programa_renca, "a,b\r\n1,2\r\n")


def test_otro_miembro_no_exporta_ni_importa(client, programa_renca, editor_maipu):
    from tests.usuarios import ingresar

    ingresar(client, editor_maipu)
    respuesta = client.get(f"/admin/rendicion/{programa_renca.pk}/exportar.csv")
    assert respuesta.status_code in (302, 403) and b"eje,numero" not in respuesta.content
    archivo = io.BytesIO(b"eje,numero\r\n")
    archivo.name = "x.csv"
    respuesta = client.post(f"/admin/rendicion/{programa_renca.pk}/importar/", {"archivo": archivo})
    assert respuesta.status_code in (302, 403)
    assert b"columnas deben ser" not in respuesta.content
