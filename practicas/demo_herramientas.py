"""Demo tools (one of them a dataset) and the open-data page `/datos/`.

Every tool is marked es_demo: texts and links were written for this demo site.
"""

import datetime
from importlib import import_module

from django.apps import apps

from nucleo.demo import asegurar_pagina, pagina_de_inicio
from red.datos import DatosPage
from red.models import Comuna, MiembroPage

from .models import Eje, Formato, HerramientaIndexPage, HerramientaPage, PracticaPage

HERRAMIENTAS = [
    {
        "miembro": "municipalidad-de-renca",
        "slug": "guia-presupuesto-participativo",
        "title": "Guía para organizar un presupuesto participativo",
        "tipo": "guia",
        "resumen": (
            "Paso a paso para que vecinas y vecinos propongan y voten proyectos del barrio, "
            "con plazos, formularios y cómo contar los votos."
        ),
        "formatos": ["PDF", "DOCX"],
        "ejes": ["participacion-ciudadana"],
        "tags": ["presupuesto", "votación"],
        "practicas": ["presupuesto-participativo-mixto"],
    },
    {
        "miembro": "municipalidad-de-penalolen",
        "slug": "plantilla-cuenta-publica-lenguaje-claro",
        "title": "Plantilla de cuenta pública en lenguaje claro",
        "tipo": "plantilla",
        "resumen": (
            "Un documento listo para completar con las cifras del año, escrito en frases cortas."
        ),
        "formatos": ["DOCX", "ODT"],
        "ejes": ["rendicion-de-cuentas"],
        "tags": ["lenguaje claro"],
        "practicas": ["cuenta-publica-en-lenguaje-claro"],
    },
    {
        "miembro": "municipalidad-de-maipu",
        "slug": "patentes-comerciales-maipu",
        "title": "Patentes comerciales de Maipú",
        "tipo": "datos",
        "resumen": (
            "Las patentes comerciales vigentes de la comuna, con giro, dirección y fecha "
            "de otorgamiento, actualizadas cada mes."
        ),
        "formatos": ["CSV", "JSON"],
        "ejes": ["datos-abiertos", "transparencia"],
        "tags": ["patentes", "comercio"],
        "practicas": ["datos-abiertos-de-patentes-y-permisos"],
        "frecuencia": "MONTHLY",
        "cobertura_inicio": datetime.date(2020, 1, 1),
        "comunas": ["13119"],
        "url_descarga": "https://example.org/demo/maipu/patentes.csv",
    },
    {
        "miembro": "gobierno-de-santiago",
        "slug": "curso-gobierno-abierto-municipal",
        "title": "Curso de gobierno abierto para equipos municipales",
        "tipo": "formacion",
        "resumen": "Cuatro sesiones con presentaciones y ejercicios para formar a los equipos.",
        "formatos": ["PPTX", "PDF"],
        "ejes": ["transparencia", "participacion-ciudadana"],
        "tags": ["formación"],
        "practicas": [],
    },
]


def cargar(comando):
    home = pagina_de_inicio()
    asegurar_pagina(
        home,
        HerramientaIndexPage,
        slug="herramientas",
        title="Herramientas",
        intro=(
            "Guías, plantillas, datos y cursos que los miembros de la Red comparten "
            "para reutilizar."
        ),
    )
    comando.paso("biblioteca de herramientas: /herramientas/")
    asegurar_pagina(
        home,
        DatosPage,
        slug="datos",
        title="Datos abiertos",
        intro=(
            "<p>Todo lo que publica la Red se puede descargar y reutilizar, "
            "con licencia CC BY 4.0.</p>"
        ),
    )
    comando.paso("datos abiertos: /datos/")

    # The formats come from a data migration; tests that flush the database lose them.
    import_module("practicas.migrations.0006_herramientas").cargar_formatos(apps, None)
    ejes = {e.slug: e for e in Eje.objects.filter(locale=home.locale)}
    formatos = {f.codigo: f for f in Formato.objects.all()}
    miembros = {m.slug: m for m in MiembroPage.objects.filter(locale=home.locale)}
    practicas = {p.slug: p for p in PracticaPage.objects.filter(locale=home.locale)}
    for datos in HERRAMIENTAS:
        datos = dict(datos)
        miembro = miembros.get(datos.pop("miembro"))
        if (
            miembro is None
            or HerramientaPage.objects.child_of(miembro).filter(slug=datos["slug"]).exists()
        ):
            continue
        etiquetas = datos.pop("tags")
        herramienta = HerramientaPage(
            ejes=[ejes[s] for s in datos.pop("ejes") if s in ejes],
            formatos=[formatos[c] for c in datos.pop("formatos")],
            practicas=[practicas[s] for s in datos.pop("practicas") if s in practicas],
            comunas=list(Comuna.objects.filter(cut__in=datos.pop("comunas", []))),
            es_demo=True,
            **datos,
        )
        herramienta.tags.add(*etiquetas)
        miembro.add_child(instance=herramienta)
        herramienta.save_revision().publish()
        comando.paso(f"herramienta: {herramienta.title}")
