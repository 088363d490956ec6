"""Admin login: throttled against brute force, same answer for any user, session rotated."""

import datetime
import itertools

import pytest
from axes.handlers import proxy as axes_proxy
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.utils import timezone

_ips = itertools.count(1)


@pytest.fixture
def ip():
    """A fresh client address per test: counters are per username + IP."""
    return f"10.20.{next(_ips)}.7"


@pytest.fixture
def editora(db):
    return get_user_model().objects.create_superuser(
        username="editora", email="editora@example.org", password="clave-correcta-larga"
    )


def ingresar(client, usuario, clave, ip):
    return client.post("/admin/login/", {"username": usuario, "password": clave}, REMOTE_ADDR=ip)


def mensajes_de_error(respuesta):
    """The errors the login page shows to the person (non-field errors)."""
    return [str(e) for e in respuesta.context["form"].non_field_errors()]


def test_tras_cinco_fallos_ni_la_clave_correcta_entra(client, editora, ip, settings):
    for _ in range(settings.RED_INGRESO_MAX_INTENTOS):
        respuesta = ingresar(client, "editora", "incorrecta", ip)
        assert respuesta.status_code == 200
    respuesta = ingresar(client, "editora", "clave-correcta-larga", ip)
    assert respuesta.status_code == 200
    assert "demasiados intentos" in respuesta.content.decode().lower()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_pasada_la_ventana_la_clave_correcta_vuelve_a_entrar(
    client, editora, ip, settings, monkeypatch
):
    for _ in range(settings.RED_INGRESO_MAX_INTENTOS):
        ingresar(client, "editora", "incorrecta", ip)
    # django-axes keeps the failures in the database, dated by its clock.
    despues = timezone.now() + datetime.timedelta(seconds=settings.RED_INGRESO_VENTANA_SEGUNDOS + 1)
    monkeypatch.setattr(axes_proxy, "now", lambda: despues)
    respuesta = ingresar(client, "editora", "clave-correcta-larga", ip)
    assert respuesta.status_code == 302
    assert client.session["_auth_user_id"] == str(editora.pk)


def test_el_fallo_que_llega_al_limite_muestra_la_pagina_de_ingreso(client, editora, ip, settings):
    for _ in range(settings.RED_INGRESO_MAX_INTENTOS - 1):
        ingresar(client, "editora", "incorrecta", ip)
    respuesta = ingresar(client, "editora", "incorrecta", ip)
    assert respuesta.status_code == 200
    assert "demasiados intentos" not in respuesta.content.decode().lower()
    assert respuesta.context["form"].non_field_errors()


def test_el_mensaje_es_el_mismo_para_usuarios_que_existen_y_que_no(client, editora, ip):
    conocido = [mensajes_de_error(ingresar(client, "editora", "incorrecta", ip)) for _ in range(6)]
    desconocido = [
        mensajes_de_error(ingresar(client, "nadie-con-este-nombre", "incorrecta", ip))
        for _ in range(6)
    ]
    assert conocido == desconocido
    assert conocido[0] != conocido[-1]  # the last one is the throttling message


def test_otra_ip_no_queda_bloqueada_por_los_fallos_de_una(client, editora, ip, settings):
    for _ in range(settings.RED_INGRESO_MAX_INTENTOS):
        ingresar(client, "editora", "incorrecta", ip)
    respuesta = ingresar(client, "editora", "clave-correcta-larga", "192.0.2.200")
    assert respuesta.status_code == 302
    assert client.session["_auth_user_id"] == str(editora.pk)


def test_una_ip_que_prueba_muchos_usuarios_queda_bloqueada(client, editora, ip, settings):
    for n in range(settings.RED_INGRESO_MAX_INTENTOS_IP):
        ingresar(client, f"usuario-{n}", "incorrecta", ip)
    respuesta = ingresar(client, "editora", "clave-correcta-larga", ip)
    assert respuesta.status_code == 200
    assert "_auth_user_id" not in client.session


def test_la_sesion_cambia_de_clave_al_ingresar(client, editora, ip):
    sesion = client.session
    sesion["visto"] = True
    sesion.save()
    antes = client.cookies["sessionid"].value
    respuesta = ingresar(client, "editora", "clave-correcta-larga", ip)
    assert respuesta.status_code == 302
    despues = client.cookies["sessionid"].value
    assert despues != antes
    assert not Session.objects.filter(session_key=antes).exists()
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "siguiente",
    [
        "https://malicioso.example/",
        "//malicioso.example/",
        "/\\malicioso.example",
        "javascript:alert(1)",
    ],
)
def test_next_del_ingreso_no_lleva_a_otro_sitio(client, editora, ip, siguiente):
    respuesta = client.post(
        f"/admin/login/?next={siguiente}",
        {"username": "editora", "password": "clave-correcta-larga", "next": siguiente},
        REMOTE_ADDR=ip,
    )
    assert respuesta.status_code == 302
    assert respuesta["Location"] == "/admin/"


def test_la_salida_no_lleva_a_otro_sitio(client, editora, ip):
    ingresar(client, "editora", "clave-correcta-larga", ip)
    respuesta = client.post("/admin/logout/?next=https://malicioso.example/")
    assert respuesta.status_code == 302
    assert "malicioso" not in respuesta["Location"]
    assert respuesta["Location"].startswith("/admin/login/")
