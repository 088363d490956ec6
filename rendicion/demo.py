"""Demo content: the Gobierno de Santiago's real program and a fictional pilot one.

The governor's 80 commitments come from red/data/programa_gobierno_2025_2029.csv
(the performance report of the Open Government action plan). The report says 19
are fulfilled but not which: every commitment stays "sin información" and the
program shows the report's own summary as a sourced statement. The second
program, of the Municipalidad de Renca, is invented (es_demo) to show the
timeline, the charts and the feed working.
"""

import csv
import datetime
from pathlib import Path

from django.utils import timezone
from django.utils.text import slugify

from nucleo.demo import asegurar_pagina
from red.models import Comuna, MiembroPage

from .models import GUIA_SLUG, CambioEstado, CompromisoPage, Estado, ProgramaPage

PROGRAMA_CSV = (
    Path(__file__).resolve().parent.parent / "red" / "data" / "programa_gobierno_2025_2029.csv"
)
FUENTE = (
    "Informe de desempeño Compromisos Programa de Gobierno 2025-2029, en el Plan de Acción "
    "de Gobierno Abierto del Gobierno de Santiago"
)
CRITERIO = "Según la inversión aprobada y/o acción realizada, según la naturaleza del compromiso."


def _programa_gobierno():
    gobierno = MiembroPage.objects.filter(slug="gobierno-de-santiago").first()
    if gobierno is None:
        return None
    programa = asegurar_pagina(
        gobierno,
        ProgramaPage,
        slug="programa-2025-2029",
        title="Programa de Gobierno 2025-2029",
        autoridad="Gobernador Regional de Santiago",
        periodo_inicio=2025,
        periodo_fin=2029,
        resumen=(
            "Los 80 compromisos del programa del Gobernador Regional, uno por uno. El estado de "
            "cada compromiso se publicará con su evidencia a medida que se informe."
        ),
        criterio=CRITERIO,
        declaracion=(
            "El Programa de Gobierno para los años 2025-2029 contiene un total de 80 "
            "iniciativas, de las cuales se han cumplido 19, según el criterio a la inversión "
            "aprobada y/o acción realizada, según la naturaleza del compromiso."
        ),
        declaracion_fuente=FUENTE,
    )
    existentes = set(CompromisoPage.objects.child_of(programa).values_list("slug", flat=True))
    with PROGRAMA_CSV.open(encoding="utf-8") as archivo:
        for fila in csv.DictReader(archivo):
            slug = slugify(f"{fila['eje']}-{fila['numero']}")[:80]
            if slug in existentes:
                continue
            compromiso = CompromisoPage(
                slug=slug,
                title=fila["compromiso"][:255],
                eje=fila["eje"],
                numero=int(fila["numero"]),
                subeje=fila["sub_eje_impreso_en_la_fila"],
                promesa=fila["compromiso"],
                toda_la_region=True,
            )
            programa.add_child(instance=compromiso)
            compromiso.save_revision().publish()
    return programa


PILOTO = [
    # (slug, title, eje, número, promesa, [(días atrás, estado, avance, nota)])
    (
        "plazas-iluminadas",
        "Iluminar 40 plazas de barrio",
        "SEGURIDAD",
        1,
        "Cambiar a luminarias LED las plazas de 40 barrios para que se puedan usar de noche.",
        [
            (300, Estado.EN_DISENO, 10, "Se definió la lista de plazas con las juntas de vecinos."),
            (120, Estado.EN_EJECUCION, 55, "Se iluminaron 22 de las 40 plazas."),
            (20, Estado.CUMPLIDO, 100, "Se iluminaron las 40 plazas."),
        ],
    ),
    (
        "consejo-de-ninos",
        "Consejo comunal de niñas, niños y adolescentes",
        "PARTICIPACIÓN",
        1,
        "Crear un consejo de niñas, niños y adolescentes que opine sobre los proyectos comunales.",
        [(200, Estado.EN_EJECUCION, 40, "Se eligieron representantes en 12 colegios.")],
    ),
    (
        "reciclaje-puerta-a-puerta",
        "Reciclaje puerta a puerta",
        "MEDIO AMBIENTE",
        1,
        "Retirar reciclables una vez por semana en todas las viviendas de la comuna.",
        [
            (250, Estado.NO_INICIADO, 0, "La licitación se declaró desierta."),
            (60, Estado.PARCIALMENTE_CUMPLIDO, 60, "El retiro llega a 6 de 10 sectores."),
        ],
    ),
    (
        "cuentas-publicas-barriales",
        "Cuentas públicas en cada barrio",
        "PARTICIPACIÓN",
        2,
        "Hacer cada año una cuenta pública en cada una de las 9 unidades vecinales.",
        [],
    ),
]


def _programa_piloto():
    renca = MiembroPage.objects.filter(slug="municipalidad-de-renca").first()
    if renca is None:
        return None
    programa = asegurar_pagina(
        renca,
        ProgramaPage,
        slug="programa-demostracion",
        title="Programa comunal de demostración 2024-2028",
        autoridad="Alcaldía (ficticia, solo para la demostración)",
        periodo_inicio=2024,
        periodo_fin=2028,
        resumen="Un programa inventado para mostrar cómo se ve la rendición de cuentas.",
        criterio="Cumplido: la acción prometida se terminó y se puede verificar.",
        es_demo=True,
    )
    renca_comuna = Comuna.objects.filter(cut="13128").first()
    hoy = timezone.localdate()
    for slug, title, eje, numero, promesa, historial in PILOTO:
        if CompromisoPage.objects.child_of(programa).filter(slug=slug).exists():
            continue
        compromiso = CompromisoPage(
            slug=slug,
            title=title,
            eje=eje,
            numero=numero,
            promesa=promesa,
            unidad="Dirección de Desarrollo Comunitario (ficticia)",
            es_demo=True,
            presupuesto_aprobado=120_000_000 if numero == 1 else None,
        )
        if renca_comuna:
            compromiso.comunas = [renca_comuna]
        for dias, estado, avance, nota in historial:
            compromiso.cambios.add(
                CambioEstado(
                    fecha=hoy - datetime.timedelta(days=dias),
                    estado=estado,
                    avance=avance,
                    nota=nota,
                    evidencia_enlace="https://example.org/demo/acta-ficticia.pdf",
                )
            )
        programa.add_child(instance=compromiso)
        compromiso.save_revision().publish()
    return programa


def cargar(comando):
    if _guia():
        comando.paso("guía de rendición de cuentas del programa de gobierno (herramienta)")
    if _programa_gobierno():
        comando.paso("programa de gobierno 2025-2029 con sus 80 compromisos (sin información)")
    if _programa_piloto():
        comando.paso("programa ficticio de demostración de un municipio piloto")


GUIA = {
    "slug": GUIA_SLUG,
    "title": (
        "Guía de transparencia proactiva y rendición de cuentas para el programa de gobierno "
        "de una autoridad electa"
    ),
    "tipo": "guia",
    "resumen": (
        "Cómo una gobernación o una alcaldía publica su programa compromiso por compromiso, "
        "con su estado, su evidencia y datos abiertos, paso a paso en este sitio."
    ),
    "descripcion": (
        "<h3>1. Elija compromisos que se puedan verificar</h3>"
        "<p>Escriba cada compromiso como una acción con un resultado que cualquiera pueda "
        "comprobar: qué se hará, dónde y para quién. «Iluminar 40 plazas de barrio» se puede "
        "verificar; «mejorar la seguridad» no. Si un compromiso del programa es amplio, "
        "divídalo en partes que se puedan comprobar por separado.</p>"
        "<h3>2. Use una escala de estados conocida</h3>"
        "<p>El sitio separa el avance del resultado. Avance: sin información, no iniciado, "
        "en diseño, en ejecución. Resultado: cumplido, parcialmente cumplido, no cumplido. "
        "Diga en palabras simples cuándo un compromiso se da por cumplido (el criterio de "
        "cumplimiento) y publíquelo junto al programa.</p>"
        "<h3>3. Cada cambio de estado lleva su evidencia</h3>"
        "<p>Un acta, un decreto, un convenio firmado, fotos de la obra terminada o un conjunto "
        "de datos. El sitio no acepta un cambio de estado sin evidencia ni con una fecha "
        "futura. Si se equivoca, no borre: agregue una entrada nueva que diga qué corrige.</p>"
        "<h3>4. Actualice con un ritmo fijo</h3>"
        "<p>Revise todos los compromisos al menos cada tres meses y publique los cambios el "
        "mismo mes en que ocurren. Quien sigue el programa por correo recibe un aviso cada "
        "vez que usted publica un cambio.</p>"
        "<h3>5. Abra su programa en este sitio</h3>"
        "<ol>"
        "<li>Entre al administrador con su cuenta de editor de su miembro de la Red.</li>"
        "<li>En la página de su miembro, elija «Agregar página hija» y luego «Programa de "
        "gobierno»: autoridad, período, resumen y criterio de cumplimiento.</li>"
        "<li>Cargue los compromisos uno a uno o todos a la vez: en el programa, «Exportar "
        "compromisos (CSV)», complete la planilla sin cambiar sus columnas e «Importar "
        "compromisos (CSV)», primero con «Solo probar».</li>"
        "<li>Envíe a revisión: la Coordinación de la Red revisa y publica.</li>"
        "<li>Difunda la página del programa, su resumen imprimible para las cuentas públicas "
        "presenciales y sus datos abiertos (/datos/compromisos.csv).</li>"
        "</ol>"
    ),
    "ejes": ["rendicion-de-cuentas", "transparencia"],
}


def _guia():
    """The guide, a tool of the Gobierno de Santiago that every program links to."""
    from practicas.models import Eje, HerramientaPage

    gobierno = MiembroPage.objects.filter(slug="gobierno-de-santiago").first()
    if gobierno is None:
        return None
    existente = HerramientaPage.objects.child_of(gobierno).filter(slug=GUIA_SLUG).first()
    if existente:
        return existente
    datos = dict(GUIA)
    ejes = list(Eje.objects.filter(locale=gobierno.locale, slug__in=datos.pop("ejes")))
    guia = HerramientaPage(ejes=ejes, **datos)
    guia.tags.add("rendición de cuentas", "programa de gobierno")
    gobierno.add_child(instance=guia)
    guia.save_revision().publish()
    return guia
