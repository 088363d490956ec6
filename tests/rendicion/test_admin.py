import datetime

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from rendicion.models import CompromisoPage

pytestmark = pytest.mark.django_db


def _datos(cambios, iniciales=0):
    return nested_form_data(
        {
            "title": "Plaza nueva",
            "slug": "plaza-nueva",
            "eje": "DESIGUALDAD",
            "subeje": "",
            "numero": "7",
            "promesa": "Construir una plaza.",
            "unidad": "",
            "hitos": streamfield([]),
            "cambios": inline_formset(cambios, initial=iniciales),
        }
    )


def test_el_admin_rechaza_un_cambio_sin_evidencia_y_futuro(cliente_renca, programa_renca):
    manana = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    datos = _datos([{"fecha": manana, "estado": "cumplido", "avance": "100", "nota": "Listo."}])
    respuesta = cliente_renca.post(
        f"/admin/pages/add/rendicion/compromisopage/{programa_renca.pk}/", datos
    )
    html = respuesta.content.decode()
    assert "no puede estar en el futuro" in html
    assert "necesita su evidencia" in html
    assert not CompromisoPage.objects.filter(slug="plaza-nueva").exists()


def test_el_admin_guarda_un_cambio_con_evidencia(cliente_renca, programa_renca):
    ayer = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    datos = _datos(
        [
            {
                "fecha": ayer,
                "estado": "en_diseno",
                "avance": "10",
                "nota": "Diseño.",
                "evidencia_enlace": "https://example.org/diseno.pdf",
            }
        ]
    )
    respuesta = cliente_renca.post(
        f"/admin/pages/add/rendicion/compromisopage/{programa_renca.pk}/", datos
    )
    assert respuesta.status_code == 302
    compromiso = CompromisoPage.objects.get(slug="plaza-nueva")
    assert compromiso.cambios.get().nota == "Diseño."


def test_el_programa_valida_periodo_y_fuente(programa_renca):
    from django.core.exceptions import ValidationError

    programa_renca.periodo_fin = 2020
    with pytest.raises(ValidationError, match="no puede ser anterior"):
        programa_renca.full_clean()
    programa_renca.periodo_fin = 2029
    programa_renca.declaracion = "Cumplimos todo."
    with pytest.raises(ValidationError, match="necesita su fuente"):
        programa_renca.full_clean()


def test_el_admin_no_reescribe_una_entrada_pasada(cliente_renca, programa_renca):
    from .factories import CompromisoPageFactory, cambio

    compromiso = CompromisoPageFactory(parent=programa_renca, slug="plaza-nueva")
    entrada = cambio(compromiso, nota="Obras iniciadas.")
    datos = _datos(
        [
            {
                "id": str(entrada.pk),
                "fecha": entrada.fecha.isoformat(),
                "estado": entrada.estado,
                "avance": str(entrada.avance),
                "nota": "Otra historia.",
                "evidencia_enlace": entrada.evidencia_enlace,
            }
        ],
        iniciales=1,
    )
    respuesta = cliente_renca.post(f"/admin/pages/{compromiso.pk}/edit/", datos)
    assert "Una entrada del historial no se modifica" in respuesta.content.decode()
    entrada.refresh_from_db()
    assert entrada.nota == "Obras iniciadas."


def test_el_admin_no_borra_una_entrada_pasada(cliente_renca, programa_renca):
    from .factories import CompromisoPageFactory, cambio

    compromiso = CompromisoPageFactory(parent=programa_renca, slug="plaza-nueva")
    entrada = cambio(compromiso, nota="Obras iniciadas.")
    datos = _datos(
        [
            {
                "id": str(entrada.pk),
                "fecha": entrada.fecha.isoformat(),
                "estado": entrada.estado,
                "avance": str(entrada.avance),
                "nota": entrada.nota,
                "evidencia_enlace": entrada.evidencia_enlace,
                "DELETE": "1",
            }
        ],
        iniciales=1,
    )
    respuesta = cliente_renca.post(f"/admin/pages/{compromiso.pk}/edit/", datos)
    assert "Una entrada del historial no se borra" in respuesta.content.decode()


def test_el_editor_del_programa_ve_exportar_e_importar(cliente_renca, programa_renca):
    html = cliente_renca.get(f"/admin/pages/{programa_renca.pk}/edit/").content.decode()
    assert "Importar compromisos (CSV)" in html
    assert f"/admin/rendicion/{programa_renca.pk}/importar/" in html
    assert f"/admin/rendicion/{programa_renca.pk}/exportar.csv" in html


def test_otra_pagina_no_ofrece_importar_compromisos(cliente_renca, renca):
    html = cliente_renca.get(f"/admin/pages/{renca.pk}/edit/").content.decode()
    assert "Importar compromisos (CSV)" not in html
