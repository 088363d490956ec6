"""importar_organizaciones: dry run, bad rows by line and field, merge by RUT, all or nothing,
and only the importing municipality's own comuna."""

import io

import pytest
from django.core.management import CommandError, call_command

from organizaciones.models import EstadoOrganizacion, Organizacion

from .factories import OrganizacionFactory, rut

pytestmark = pytest.mark.django_db

CABECERA = "rut;nombre;tipo;registro;numero_registro;directiva_vence;contacto_email;comunas\n"


def archivo(tmp_path, *filas, cabecera=CABECERA):
    ruta = tmp_path / "registro.csv"
    ruta.write_text(cabecera + "".join(f + "\n" for f in filas), encoding="utf-8")
    return str(ruta)


def correr(ruta, usuario, *extra, comuna="13128"):
    salida = io.StringIO()
    call_command(
        "importar_organizaciones",
        ruta,
        "--comuna",
        comuna,
        "--usuario",
        usuario.username,
        *extra,
        stdout=salida,
    )
    return salida.getvalue()


def fila(numero, nombre, tipo="junta-de-vecinos", fecha="2027-03-31", comunas=""):
    return f"{rut(numero)};{nombre};{tipo};Secretaría Municipal;{numero % 1000};{fecha};;{comunas}"


def test_dry_run_saves_nothing(tmp_path, editora_renca):
    ruta = archivo(tmp_path, fila(71000001, "Junta A"), fila(71000002, "Club B", "club-deportivo"))
    salida = correr(ruta, editora_renca)
    assert "Revisión sin errores: 2 nuevas" in salida
    assert not Organizacion.objects.exists()


def test_saving_imports_verified_by_the_municipality_for_its_comuna(tmp_path, editora_renca):
    ruta = archivo(tmp_path, fila(71000001, "Junta A", comunas="13119"))
    assert "Guardado: 1 nuevas" in correr(ruta, editora_renca, "--guardar")
    org = Organizacion.objects.get()
    assert org.estado == EstadoOrganizacion.VERIFICADA
    assert org.comuna.cut == "13128" and org.verificada_por == editora_renca
    assert org.verificada_por_entidad == "Municipalidad de Renca"
    assert sorted(org.comunas.values_list("cut", flat=True)) == ["13119", "13128"]


def test_bad_rows_are_reported_by_line_and_field_and_nothing_is_saved(tmp_path, editora_renca):
    ruta = archivo(
        tmp_path,
        fila(71000001, "Junta buena"),
        "71000002-0;Junta mala;junta-de-vecinos;;;2027-01-01;;",
        fila(71000003, "Club raro", "tipo-inexistente"),
        fila(71000004, "Fecha mala", fecha="31/02/2027x"),
        fila(71000005, ""),
    )
    with pytest.raises(CommandError, match="no se guardó nada"):
        correr(ruta, editora_renca, "--guardar")
    assert not Organizacion.objects.exists()
    salida = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "importar_organizaciones",
            ruta,
            "--comuna",
            "13128",
            "--usuario",
            editora_renca.username,
            stdout=salida,
        )
    texto = salida.getvalue()
    assert "línea 3, rut" in texto
    assert "línea 4, tipo" in texto
    assert "línea 5, directiva_vence" in texto
    assert "línea 6, nombre" in texto
    assert "línea 2" not in texto


def test_duplicates_by_rut_are_merged_not_doubled(tmp_path, editora_renca, catastro):
    existente = OrganizacionFactory(rut=rut(71000009), nombre="Nombre viejo")
    ruta = archivo(
        tmp_path,
        fila(71000001, "Junta A"),
        fila(71000001, "Junta A (nombre nuevo)"),
        fila(71000009, "Nombre nuevo"),
    )
    salida = correr(ruta, editora_renca, "--guardar")
    assert "1 nuevas, 1 ya estaban" in salida and "1 filas repetidas" in salida
    assert Organizacion.objects.count() == 2
    assert Organizacion.objects.get(rut=rut(71000001)).nombre == "Junta A (nombre nuevo)"
    existente.refresh_from_db()
    assert existente.nombre == "Nombre nuevo"
    assert existente.contacto_email.startswith("contacto-secreto")  # empty cells keep data


def test_an_rut_of_another_comuna_is_an_error(tmp_path, editora_renca, comuna_maipu):
    OrganizacionFactory(rut=rut(71000001), comuna=comuna_maipu, nombre="De Maipú")
    ruta = archivo(tmp_path, fila(71000001, "Tomada por Renca"), fila(71000002, "Otra"))
    with pytest.raises(CommandError):
        correr(ruta, editora_renca, "--guardar")
    assert Organizacion.objects.get(rut=rut(71000001)).nombre == "De Maipú"
    assert Organizacion.objects.count() == 1


def test_an_editor_cannot_import_into_another_comuna(tmp_path, editora_renca):
    ruta = archivo(tmp_path, fila(71000001, "Junta A"))
    with pytest.raises(CommandError, match="no edita la municipalidad de Maipú"):
        correr(ruta, editora_renca, "--guardar", comuna="13119")
    assert not Organizacion.objects.exists()


def test_missing_columns_are_reported(tmp_path, editora_renca):
    ruta = archivo(tmp_path, "Junta;x", cabecera="nombre;otra\n")
    with pytest.raises(CommandError):
        correr(ruta, editora_renca)


def test_cells_that_look_like_formulas_stay_text_in_downloads(
    tmp_path, editora_renca, client, catastro
):
    from red.datos import DatosPage

    catastro.get_parent().get_parent().add_child(instance=DatosPage(title="Datos", slug="datos"))
    ruta = archivo(tmp_path, fila(71000001, "=1+1 Junta"))
    correr(ruta, editora_renca, "--guardar")
    texto = b"".join(client.get("/datos/organizaciones.csv").streaming_content).decode()
    assert ",'=1+1 Junta," in texto
