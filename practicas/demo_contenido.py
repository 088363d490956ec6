"""The texts of the demo practices (practicas/demo.py loads them): written for this
demo site from the Gobierno de Santiago's Open Government action plan."""

import csv
import datetime
from collections import Counter
from pathlib import Path

from django.conf import settings

PROGRAMA_CSV = (
    Path(__file__).resolve().parent.parent / "red" / "data" / "programa_gobierno_2025_2029.csv"
)
AVISO = "Texto de demostración escrito para este sitio de prueba a partir del Plan de Acción."
LEY_TRANSPARENCIA = {
    "norma": "Ley 20.285 sobre acceso a la información pública",
    "detalle": "Transparencia activa (artículo 7)",
    "url": "https://www.bcn.cl/leychile/navegar?idNorma=276363",
}
LEY_PARTICIPACION = {
    "norma": "Ley 20.500 sobre asociaciones y participación ciudadana en la gestión pública",
    "detalle": "",
    "url": "https://www.bcn.cl/leychile/navegar?idNorma=1023143",
}


def _indicadores_programa():
    """One indicator per axis of the governor's program, counted from its CSV."""
    with PROGRAMA_CSV.open(encoding="utf-8") as archivo:
        por_eje = Counter(fila["eje"] for fila in csv.DictReader(archivo))
    bloques = [
        (
            "indicador",
            {
                "nombre": "Compromisos del Programa de Gobierno publicados en datos abiertos",
                "valor": str(sum(por_eje.values())),
                "linea_base": "",
                "periodo": "2025–2029",
                "fuente": "Programa de Gobierno 2025-2029: /datos/compromisos.csv",
                "fuente_url": settings.WAGTAILADMIN_BASE_URL + "/datos/compromisos.csv",
            },
        )
    ]
    for eje, n in por_eje.most_common():
        bloques.append(
            (
                "indicador",
                {
                    "nombre": f"Compromisos del eje {eje.capitalize()}",
                    "valor": str(n),
                    "linea_base": "",
                    "periodo": "2025–2029",
                    "fuente": "Programa de Gobierno 2025-2029",
                    "fuente_url": "",
                },
            )
        )
    return bloques


def _pasos(*pasos):
    return [("paso", {"titulo": titulo, "descripcion": texto}) for titulo, texto in pasos]


def practicas_de_la_demo():
    return [
        {
            "miembro": "gobierno-de-santiago",
            "slug": "participacion-vinculante-en-proyectos",
            "title": (
                "Participación ciudadana vinculante en los proyectos postulados para tu comuna"
            ),
            "resumen": (
                "Un modelo para que la ciudadanía organizada dé una opinión vinculante sobre "
                "los proyectos que su comuna postula a financiamiento del Gobierno de Santiago."
            ),
            "problema": (
                "<p>La participación vinculante aún no está consolidada en todos los ciclos de "
                "acción pública: faltan mecanismos claros, articulación entre actores y "
                "conocimiento compartido.</p>"
            ),
            "cuerpo": [
                (
                    "paragraph",
                    "<p>Se co-identifican con la ciudadanía los temas de interés "
                    "público, se diseñan metodologías de votación y deliberación y se abren "
                    "canales digitales y presenciales.</p>",
                ),
                ("paragraph", f"<p><em>{AVISO}</em></p>"),
            ],
            "pasos": _pasos(
                (
                    "Catastrar las organizaciones del territorio",
                    "Con el registro municipal de organizaciones (Ley 20.500).",
                ),
                (
                    "Definir qué decisiones serán vinculantes",
                    "Y publicarlo antes de abrir la consulta.",
                ),
                (
                    "Abrir canales digitales y presenciales",
                    "Con apoyo para quienes no usan internet.",
                ),
                ("Publicar los resultados y lo que se hará con ellos", ""),
            ),
            "base_legal": [("norma", LEY_PARTICIPACION)],
            "dificultad": "alta",
            "costo_aproximado": "Equipo de participación y plataforma de votación",
            "tiempo_implementacion": "6 a 9 meses",
            "estado": "piloto",
            "fecha_inicio": datetime.date(2025, 6, 1),
            "ejes": ["participacion-ciudadana", "colaboracion-y-co-creacion"],
            "ods": ["16.7", "17.17"],
            "tags": ["participación vinculante", "inversión regional", "votación"],
            "comunas": "__todas__",
            "destacada": True,
        },
        {
            "miembro": "gobierno-de-santiago",
            "slug": "rendicion-de-cuentas-programa-de-gobierno",
            "title": (
                "Rendición de cuentas del Programa de Gobierno con lenguaje claro y datos abiertos"
            ),
            "resumen": (
                "El avance de los 80 compromisos del programa del Gobernador, publicado con "
                "infografías en lenguaje claro y como datos abiertos que cualquiera puede "
                "reutilizar."
            ),
            "problema": (
                "<p>La información de gestión se publica en formatos técnicos, comprensibles solo "
                "para especialistas, y la ciudadanía no puede seguir el cumplimiento de lo "
                "prometido.</p>"
            ),
            "cuerpo": [
                (
                    "paragraph",
                    "<p>Se levantan los canales de rendición de cuentas por territorio, "
                    "se publican infografías de los compromisos cumplidos y una guía de "
                    "transparencia proactiva para otras autoridades electas.</p>",
                ),
                ("paragraph", f"<p><em>{AVISO}</em></p>"),
            ],
            "resultados": _indicadores_programa(),
            "pasos": _pasos(
                (
                    "Ordenar los compromisos en una planilla abierta",
                    "Un compromiso por fila, con eje y estado.",
                ),
                ("Definir el criterio de cumplimiento", "Inversión aprobada o acción realizada."),
                ("Publicar infografías en lenguaje claro", ""),
                ("Actualizar cada trimestre", ""),
            ),
            "base_legal": [("norma", LEY_TRANSPARENCIA)],
            "dificultad": "media",
            "costo_aproximado": "Sin costo adicional: equipo de estudios y comunicaciones",
            "tiempo_implementacion": "3 meses",
            "estado": "en_marcha",
            "fecha_inicio": datetime.date(2025, 3, 1),
            "ejes": ["rendicion-de-cuentas", "transparencia", "datos-abiertos"],
            "ods": ["16.6", "16.10"],
            "tags": ["lenguaje claro", "programa de gobierno", "infografías"],
            "comunas": "__todas__",
            "destacada": True,
        },
        {
            "miembro": "gobierno-de-santiago",
            "slug": "transparencia-proactiva-datos-abiertos",
            "title": "Transparencia proactiva con datos abiertos y accesibles para todos y todas",
            "resumen": (
                "Una Política de Datos Abiertos y un portal de visualización con formatos "
                "amigables, para publicar lo que la ciudadanía pide más allá de la Ley de "
                "Transparencia."
            ),
            "problema": (
                "<p>La información pública se entrega en formatos poco amigables y excesivamente "
                "técnicos, lo que resta legitimidad y desincentiva su uso.</p>"
            ),
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "pasos": _pasos(
                (
                    "Diseñar la política de datos abiertos",
                    "Principios, estándares, responsables y frecuencia.",
                ),
                (
                    "Preguntar qué datos interesan",
                    "Con mecanismos democráticos y canales físicos y digitales.",
                ),
                ("Publicar en CSV y JSON con licencia abierta", ""),
            ),
            "base_legal": [("norma", LEY_TRANSPARENCIA)],
            "dificultad": "media",
            "estado": "en_marcha",
            "fecha_inicio": datetime.date(2025, 9, 1),
            "ejes": ["transparencia", "datos-abiertos"],
            "ods": ["16.6", "16.10"],
            "tags": ["datos abiertos", "lenguaje claro", "portal"],
            "comunas": "__todas__",
        },
        {
            "miembro": "gobierno-de-santiago",
            "slug": "red-regional-de-gobierno-abierto",
            "title": "Conformación de la Red Regional de Gobierno Abierto",
            "resumen": (
                "Una red del gobierno regional, los municipios y la sociedad civil para compartir "
                "prácticas, datos y herramientas de gobierno abierto, partiendo por cuatro "
                "comunas piloto."
            ),
            "problema": (
                "<p>Existen esfuerzos aislados, con débil coordinación territorial, y ninguna red "
                "que permita compartir prácticas, datos y herramientas.</p>"
            ),
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "pasos": _pasos(
                (
                    "Convocar a municipios piloto y sociedad civil",
                    "Renca, Peñalolén, San Joaquín, Maipú y el Consejo Regional.",
                ),
                ("Co-crear una definición regional de gobierno abierto", ""),
                ("Abrir espacios estables de formación e intercambio", ""),
            ),
            "dificultad": "media",
            "estado": "piloto",
            "fecha_inicio": datetime.date(2025, 9, 1),
            "ejes": ["colaboracion-y-co-creacion", "integridad-publica"],
            "ods": ["16.6", "17.17"],
            "tags": ["red", "formación"],
            "comunas": ["13128", "13122", "13129", "13119"],
        },
        {
            "miembro": "municipalidad-de-renca",
            "slug": "presupuesto-participativo-mixto",
            "title": "Presupuesto participativo con votación digital y presencial",
            "resumen": (
                "Vecinas y vecinos proponen y votan proyectos de barrio, en línea o en sedes "
                "vecinales, y siguen su ejecución en un tablero público."
            ),
            "problema": "<p>Las votaciones solo en línea dejaban fuera a personas mayores.</p>",
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "resultados": [
                (
                    "indicador",
                    {
                        "nombre": "Personas que votaron",
                        "valor": "9.800",
                        "linea_base": "3.100",
                        "periodo": "2025",
                        "fuente": "Registro de votación municipal (dato ilustrativo)",
                        "fuente_url": "",
                    },
                ),
            ],
            "pasos": _pasos(
                ("Definir el monto y las reglas", ""),
                ("Recibir y revisar propuestas", ""),
                ("Votar en línea y en sedes", ""),
            ),
            "base_legal": [("norma", LEY_PARTICIPACION)],
            "dificultad": "media",
            "costo_aproximado": "5 % del presupuesto de inversión comunal",
            "tiempo_implementacion": "5 meses",
            "estado": "en_marcha",
            "fecha_inicio": datetime.date(2024, 3, 1),
            "ejes": ["participacion-ciudadana"],
            "ods": ["16.7"],
            "tags": ["presupuesto participativo", "votación", "personas mayores"],
            "comunas": ["13128"],
            "destacada": True,
        },
        {
            "miembro": "municipalidad-de-penalolen",
            "slug": "cuenta-publica-en-lenguaje-claro",
            "title": "Cuenta pública participativa en lenguaje claro",
            "resumen": (
                "La cuenta pública del municipio se prepara con preguntas de las juntas de vecinos "
                "y se publica en una versión corta, en lenguaje claro, con sus datos."
            ),
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "pasos": _pasos(
                ("Recoger preguntas de las juntas de vecinos", ""),
                ("Responderlas en la cuenta", ""),
                ("Publicar la versión corta y los datos", ""),
            ),
            "base_legal": [("norma", LEY_TRANSPARENCIA)],
            "dificultad": "baja",
            "costo_aproximado": "Sin costo adicional",
            "tiempo_implementacion": "2 meses",
            "estado": "en_marcha",
            "fecha_inicio": datetime.date(2024, 4, 1),
            "ejes": ["rendicion-de-cuentas", "participacion-ciudadana"],
            "ods": ["16.6", "16.7"],
            "tags": ["lenguaje claro", "cuenta pública"],
            "comunas": ["13122"],
        },
        {
            "miembro": "municipalidad-de-san-joaquin",
            "slug": "datos-abiertos-de-patentes-y-permisos",
            "title": "Datos abiertos de patentes comerciales y permisos de edificación",
            "resumen": (
                "El municipio publica cada mes, en CSV, las patentes y permisos que otorga, para "
                "que vecinos, periodistas y emprendedores puedan revisarlos."
            ),
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "dificultad": "baja",
            "estado": "en_marcha",
            "fecha_inicio": datetime.date(2025, 1, 15),
            "ejes": ["datos-abiertos", "transparencia", "integridad-publica"],
            "ods": ["16.5", "16.10"],
            "tags": ["datos abiertos", "permisos", "patentes"],
            "comunas": ["13129"],
        },
        {
            "miembro": "municipalidad-de-maipu",
            "slug": "mesas-territoriales-de-co-creacion",
            "title": "Mesas territoriales de co-creación con juntas de vecinos",
            "resumen": (
                "Equipos municipales y dirigentes vecinales diseñan juntos soluciones a problemas "
                "del barrio, con compromisos públicos y seguimiento trimestral."
            ),
            "cuerpo": [("paragraph", f"<p><em>{AVISO}</em></p>")],
            "dificultad": "media",
            "estado": "finalizada",
            "fecha_inicio": datetime.date(2023, 8, 1),
            "fecha_termino": datetime.date(2025, 7, 31),
            "ejes": ["colaboracion-y-co-creacion", "participacion-ciudadana"],
            "ods": ["16.7", "17.17"],
            "tags": ["co-creación", "juntas de vecinos"],
            "comunas": ["13119"],
        },
    ]


# (practice, replicating member, status, date, own practice slug or None)
REPLICACIONES = [
    (
        "presupuesto-participativo-mixto",
        "municipalidad-de-maipu",
        "replicada",
        datetime.date(2025, 4, 1),
        None,
    ),
    (
        "presupuesto-participativo-mixto",
        "municipalidad-de-san-joaquin",
        "en_proceso",
        datetime.date(2025, 10, 1),
        None,
    ),
    (
        "cuenta-publica-en-lenguaje-claro",
        "municipalidad-de-renca",
        "replicada",
        datetime.date(2025, 5, 1),
        None,
    ),
    (
        "transparencia-proactiva-datos-abiertos",
        "municipalidad-de-san-joaquin",
        "replicada",
        datetime.date(2025, 1, 15),
        "datos-abiertos-de-patentes-y-permisos",
    ),
    (
        "participacion-vinculante-en-proyectos",
        "municipalidad-de-penalolen",
        "en_proceso",
        datetime.date(2025, 11, 1),
        None,
    ),
    (
        "rendicion-de-cuentas-programa-de-gobierno",
        "municipalidad-de-penalolen",
        "replicada",
        datetime.date(2025, 8, 1),
        "cuenta-publica-en-lenguaje-claro",
    ),
]
