"""Capacity is never exceeded when many people register at the same moment (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client

from eventos.models import EstadoInscripcion, Inscripcion

from .factories import crear_evento, datos_formulario

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Solo en PostgreSQL (DATABASE_URL=postgres://...): SQLite serializa las escrituras.",
    ),
]

PERSONAS = 12


@pytest.mark.parametrize("lista_espera", [True, False])
def test_concurrent_registrations_never_exceed_capacity(calendario, renca, lista_espera, settings):
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 1000
    evento = crear_evento(renca, cupos=3, lista_espera=lista_espera)
    url = evento.url
    datos = [datos_formulario(email=f"p{i}@example.org") for i in range(PERSONAS)]
    salida = threading.Barrier(PERSONAS)
    codigos = []

    def inscribir(i):
        try:
            cliente = Client(REMOTE_ADDR=f"10.0.0.{i}")
            salida.wait()
            codigos.append(cliente.post(url, datos[i]).status_code)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=inscribir, args=(i,)) for i in range(PERSONAS)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()

    assert len(codigos) == PERSONAS
    confirmadas = Inscripcion.objects.filter(evento=evento, estado=EstadoInscripcion.CONFIRMADA)
    assert confirmadas.count() == 3
    if lista_espera:
        assert sorted(codigos) == [303] * PERSONAS
        assert Inscripcion.objects.filter(estado=EstadoInscripcion.ESPERA).count() == PERSONAS - 3
    else:
        assert sorted(codigos) == [303] * 3 + [409] * (PERSONAS - 3)
        assert Inscripcion.objects.count() == 3


def test_concurrent_duplicates_keep_one_active_registration(calendario, renca, settings):
    settings.RED_EVENTOS_INSCRIPCIONES_POR_IP = 1000
    evento = crear_evento(renca, cupos=10)
    salida = threading.Barrier(6)
    codigos = []

    def inscribir(i):
        try:
            cliente = Client(REMOTE_ADDR=f"10.0.1.{i}")
            salida.wait()
            codigos.append(cliente.post(evento.url, datos_formulario()).status_code)
        finally:
            connections.close_all()

    hilos = [threading.Thread(target=inscribir, args=(i,)) for i in range(6)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    # Every attempt gets the same "Revise su correo" answer (issue 20, defect 4):
    # a duplicate must not reveal that the address is already registered.
    assert codigos == [303] * 6
    assert Inscripcion.objects.activas().filter(evento=evento).count() == 1
