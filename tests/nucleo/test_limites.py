"""Client address behind proxies and the per-address limits of the public forms."""

import types

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django_ratelimit import core as ratelimit_core

from nucleo.seguridad import ip_cliente
from tests.eventos.factories import EventoIndexPageFactory, crear_evento, datos_formulario
from tests.factories import RedIndexPageFactory
from tests.red.factories import municipalidad

UNETE = "/red/unete/"
IP = "203.0.113.5"


def _ip(settings, proxies, remote="10.0.0.1", **cabeceras):
    settings.RED_PROXIES_DE_CONFIANZA = proxies
    return ip_cliente(RequestFactory().get("/", REMOTE_ADDR=remote, **cabeceras))


def test_sin_proxies_x_forwarded_for_no_cuenta(settings):
    assert _ip(settings, 0, HTTP_X_FORWARDED_FOR="198.51.100.9") == "10.0.0.1"


@pytest.mark.parametrize(
    ("proxies", "cadena"),
    [
        (1, IP),
        (1, f"198.51.100.9, {IP}"),  # the client wrote the first address itself
        (2, f"198.51.100.9, 198.51.100.10, {IP}, 10.0.0.2"),
    ],
)
def test_con_proxies_cuenta_la_direccion_que_anoto_el_proxy_mas_externo(settings, proxies, cadena):
    assert _ip(settings, proxies, HTTP_X_FORWARDED_FOR=cadena) == IP


def test_otras_cabeceras_de_ip_no_cuentan_aunque_haya_proxies(settings):
    ip = _ip(
        settings,
        1,
        HTTP_X_FORWARDED_FOR=IP,
        HTTP_X_REAL_IP="198.51.100.9",
        HTTP_CLIENT_IP="198.51.100.9",
        HTTP_CF_CONNECTING_IP="198.51.100.9",
        HTTP_FORWARDED="for=198.51.100.9",
    )
    assert ip == IP
    assert _ip(settings, 1, HTTP_X_REAL_IP="198.51.100.9") == "10.0.0.1"


def test_una_cadena_mas_corta_que_los_proxies_usa_la_conexion(settings):
    # Someone reached the inner proxy directly: what the header says is not ours.
    assert _ip(settings, 2, HTTP_X_FORWARDED_FOR="198.51.100.9") == "10.0.0.1"


# Form limits ------------------------------------------------------------------


@pytest.fixture
def evento(home_page):
    cache.clear()
    red = RedIndexPageFactory(parent=home_page)
    EventoIndexPageFactory(parent=home_page)
    yield crear_evento(municipalidad(red, "13128"), title="Taller abierto", cupos=50)
    cache.clear()


@pytest.fixture
def reloj(monkeypatch):
    """django-ratelimit's clock, moved by hand."""
    ahora = {"t": 1_800_000_000.0}
    monkeypatch.setattr(ratelimit_core, "time", types.SimpleNamespace(time=lambda: ahora["t"]))
    return ahora


def unete(client, **extra):
    # An invalid RUT: answered 422 and nothing saved, but it counts as a submission.
    return client.post(UNETE, {"nombre": "Junta", "rut": "hola"}, **extra).status_code


def inscribir(client, evento, **extra):
    return client.post(evento.url, datos_formulario(email="no-es-correo"), **extra).status_code


def test_el_envio_que_pasa_el_limite_se_rechaza_con_el_aviso(client, evento, settings):
    settings.RED_UNETE_MAX_ENVIOS = 3
    assert [unete(client) for _ in range(3)] == [422, 422, 422]
    rechazo = client.post(UNETE, {"nombre": "Junta", "rut": "hola"})
    assert rechazo.status_code == 429
    assert "Recibimos demasiadas solicitudes desde su conexión" in rechazo.content.decode()


def test_la_ventana_no_se_alarga_con_cada_envio(client, evento, settings, reloj):
    settings.RED_UNETE_MAX_ENVIOS = 3
    settings.RED_UNETE_VENTANA_SEGUNDOS = ventana = 3600
    # Start right at the beginning of a window (django-ratelimit aligns windows
    # to the period, shifted per key), then spread the submissions over it.
    inicio = ratelimit_core._get_window("127.0.0.1", ventana) + 1
    for segundos in (0, 1000, 2000):
        reloj["t"] = inicio + segundos
        assert unete(client) == 422
    reloj["t"] = inicio + 3000
    assert unete(client) == 429
    # One window after the first submission, not after the last: free again.
    reloj["t"] = inicio + ventana
    assert unete(client) == 422


def test_el_limite_de_un_formulario_no_bloquea_otro(client, evento, settings):
    settings.RED_UNETE_MAX_ENVIOS = 2
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 2
    assert [unete(client) for _ in range(3)] == [422, 422, 429]
    assert [inscribir(client, evento) for _ in range(3)] == [422, 422, 429]
    respuesta = client.post(evento.url, datos_formulario(email="no-es-correo"))
    assert "Recibimos demasiados intentos de inscripción" in respuesta.content.decode()


def test_cambiar_x_forwarded_for_no_escapa_del_limite(client, evento, settings):
    settings.RED_PROXIES_DE_CONFIANZA = 1
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 2
    codigos = [
        inscribir(client, evento, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, {IP}") for n in range(3)
    ]
    assert codigos == [422, 422, 429]
    # Another client behind the same proxy has its own count.
    assert inscribir(client, evento, HTTP_X_FORWARDED_FOR="203.0.113.77") == 422
