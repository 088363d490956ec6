"""Demo content: the calendar, upcoming and past events of the demo members, registrations.

Dates are relative to the day the demo is loaded, so there are always upcoming
events. Registrants are invented (example.org addresses); no e-mail is sent.
"""

import datetime

from django.utils import timezone

from nucleo.demo import asegurar_pagina, pagina_de_inicio
from practicas.models import Eje, PracticaPage
from red.models import Comuna, MiembroPage

from .models import (
    EstadoInscripcion,
    EventoIndexPage,
    EventoPage,
    Inscripcion,
    Modalidad,
    TipoEvento,
    TipoParticipante,
)

AVISO = "Evento ficticio de la demostración del sitio."


def _fecha(dias, hora, minutos=0):
    dia = timezone.localdate() + datetime.timedelta(days=dias)
    return timezone.make_aware(datetime.datetime.combine(dia, datetime.time(hora, minutos)))


def _agenda(*puntos):
    return [
        ("punto", {"hora": datetime.time(*hora), "titulo": titulo, "expositor": expositor})
        for hora, titulo, expositor in puntos
    ]


def _eventos():
    return [
        {
            "miembro": "gobierno-de-santiago",
            "slug": "taller-datos-abiertos-municipales",
            "title": "Taller: datos abiertos municipales paso a paso",
            "resumen": (
                "Cómo elegir, limpiar y publicar los primeros conjuntos de datos de una "
                "municipalidad, con ejemplos de la región."
            ),
            "tipo": TipoEvento.TALLER,
            "modalidad": Modalidad.PRESENCIAL,
            "inicio": _fecha(12, 9, 30),
            "fin": _fecha(12, 13, 0),
            "lugar": "Salón Gobierno de Santiago",
            "direccion": "Bandera 46",
            "comuna": "13101",
            "cupos": 25,
            "accesibilidad": (
                "Acceso sin escaleras por Bandera. Baño accesible en el primer piso."
            ),
            "publico_objetivo": "Equipos municipales de transparencia, informática y planes.",
            "ejes": ["datos-abiertos", "transparencia"],
            "agenda": _agenda(
                ((9, 30), "Bienvenida", "Equipo de Gobierno Abierto"),
                ((10, 0), "Qué datos publicar primero", ""),
                ((11, 30), "Manos a la obra: una planilla de patentes", ""),
            ),
            "inscritos": 8,
        },
        {
            "miembro": "municipalidad-de-renca",
            "slug": "encuentro-presupuestos-participativos",
            "title": "Encuentro de intercambio: presupuestos participativos",
            "resumen": (
                "Municipios y organizaciones comparten qué funcionó y qué no en sus "
                "presupuestos participativos."
            ),
            "tipo": TipoEvento.ENCUENTRO,
            "modalidad": Modalidad.HIBRIDA,
            "inicio": _fecha(20, 15, 0),
            "fin": _fecha(20, 18, 0),
            "lugar": "Centro cultural de Renca",
            "direccion": "Av. Domingo Santa María 3949",
            "comuna": "13128",
            "enlace_en_linea": "https://reuniones.example.org/renca-presupuestos",
            "cupos": 4,
            "lista_espera": True,
            "publico_objetivo": "Municipalidades y organizaciones territoriales.",
            "ejes": ["participacion-ciudadana"],
            "inscritos": 5,
        },
        {
            "miembro": "consejo-regional-sociedad-civil",
            "slug": "webinar-ley-20500",
            "title": "Charla en línea: la Ley 20.500 para dirigentes",
            "resumen": "Derechos de participación y cómo usarlos en el consejo comunal.",
            "tipo": TipoEvento.WEBINAR,
            "modalidad": Modalidad.EN_LINEA,
            "inicio": _fecha(30, 19, 0),
            "fin": _fecha(30, 20, 30),
            "enlace_en_linea": "https://reuniones.example.org/ley-20500",
            "cupos": 100,
            "lista_espera": False,
            "inscripcion_abre": _fecha(2, 9, 0),
            "publico_objetivo": "Dirigentes sociales y vecinales.",
            "ejes": ["participacion-ciudadana"],
            "inscritos": 0,
        },
        {
            "miembro": "municipalidad-de-penalolen",
            "slug": "capacitacion-rendicion-de-cuentas",
            "title": "Capacitación: rendición de cuentas en lenguaje claro",
            "resumen": "Cómo escribir una cuenta pública que la ciudadanía entienda.",
            "tipo": TipoEvento.CAPACITACION,
            "modalidad": Modalidad.PRESENCIAL,
            "inicio": _fecha(-40, 10, 0),
            "fin": _fecha(-40, 13, 0),
            "lugar": "Biblioteca municipal",
            "direccion": "Av. Grecia 8735",
            "comuna": "13122",
            "cupos": 30,
            "ejes": ["rendicion-de-cuentas"],
            "inscritos": 12,
            "materiales": [
                ("enlace", {"texto": "Grabación del taller", "url": "https://video.example.org/rc"})
            ],
        },
        {
            "miembro": "municipalidad-de-maipu",
            "slug": "seminario-gobierno-abierto-local",
            "title": "Seminario: gobierno abierto local en la región",
            "resumen": "Balance del primer año de la Red con los municipios piloto.",
            "tipo": TipoEvento.SEMINARIO,
            "modalidad": Modalidad.PRESENCIAL,
            "inicio": _fecha(-10, 9, 0),
            "fin": _fecha(-10, 17, 0),
            "lugar": "Teatro municipal",
            "direccion": "Av. 5 de Abril 0260",
            "comuna": "13119",
            "cupos": 80,
            "ejes": ["transparencia", "participacion-ciudadana"],
            "inscritos": 20,
        },
    ]


TIPOS = list(TipoParticipante.values)


def _inscribir(evento, n, miembros):
    if Inscripcion.objects.filter(evento=evento).exists():
        return
    for i in range(n):
        estado = EstadoInscripcion.CONFIRMADA if i < evento.cupos else EstadoInscripcion.ESPERA
        Inscripcion.objects.create(
            evento=evento,
            nombre=f"Persona de demostración {i + 1}",
            email=f"demo{i + 1}.{evento.slug}@example.org",
            miembro=miembros[i % len(miembros)] if i % 2 == 0 else None,
            organizacion="" if i % 2 == 0 else "Junta de vecinos de demostración",
            comuna=evento.comuna or Comuna.objects.get(cut="13101"),
            tipo_participante=TIPOS[i % len(TIPOS)],
            consentimiento=True,
            estado=estado,
            asistio=evento.ya_termino and i % 3 != 0,
        )


def cargar(comando):
    home = pagina_de_inicio()
    asegurar_pagina(
        home,
        EventoIndexPage,
        slug="eventos",
        title="Eventos",
        intro=(
            "Capacitaciones, talleres y encuentros de intercambio entre el gobierno regional, "
            "los municipios y la ciudadanía organizada. Inscríbase en línea."
        ),
    )
    comando.paso("calendario de eventos: /eventos/")
    miembros = {m.slug: m for m in MiembroPage.objects.filter(locale=home.locale)}
    lista_miembros = list(miembros.values())
    ejes = {e.slug: e for e in Eje.objects.filter(locale=home.locale)}
    practica = PracticaPage.objects.filter(locale=home.locale).first()
    for datos in _eventos():
        datos = dict(datos)
        miembro = miembros.get(datos.pop("miembro"))
        inscritos = datos.pop("inscritos")
        slugs_ejes = datos.pop("ejes")
        cut = datos.pop("comuna", None)
        if miembro is None:
            continue
        evento = EventoPage.objects.child_of(miembro).filter(slug=datos["slug"]).first()
        if evento is None:
            evento = EventoPage(
                comuna=Comuna.objects.get(cut=cut) if cut else None,
                ejes=[ejes[s] for s in slugs_ejes if s in ejes],
                practicas=[practica] if practica else [],
                descripcion=f"<p>{datos['resumen']}</p><p><em>{AVISO}</em></p>",
                es_demo=True,
                **datos,
            )
            evento.tags.add("demostración")
            miembro.add_child(instance=evento)
            evento.save_revision().publish()
            comando.paso(f"evento: {evento.title}")
        _inscribir(evento, inscritos, lista_miembros)
