"""Creates a synthetic program with N commitments, for load tests.

The program says so in its title and has es_demo set; each commitment gets one to
three status changes with evidence, a few comunas or the whole region, and a budget
now and then, so that the program page's charts, map, filters and the open-data
files have realistic work to do. Refused in production.
"""

import datetime
import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from nucleo.demo import asegurar_pagina
from red.models import Comuna, MiembroPage
from rendicion.models import CambioEstado, CompromisoPage, Estado, ProgramaPage

SLUG = "programa-sintetico"
LOTE = 50
EJES = [
    "Participación ciudadana",
    "Transparencia y datos abiertos",
    "Medio ambiente",
    "Movilidad",
    "Seguridad",
    "Vivienda y barrios",
    "Salud",
    "Desarrollo económico",
]
# A commitment's possible histories: the states it goes through, with their progress.
TRAYECTORIAS = [
    [(Estado.NO_INICIADO, 0)],
    [(Estado.EN_DISENO, 10)],
    [(Estado.EN_DISENO, 10), (Estado.EN_EJECUCION, 45)],
    [(Estado.EN_DISENO, 15), (Estado.EN_EJECUCION, 60), (Estado.CUMPLIDO, 100)],
    [(Estado.EN_EJECUCION, 40), (Estado.PARCIALMENTE_CUMPLIDO, 70)],
    [(Estado.EN_DISENO, 5), (Estado.NO_CUMPLIDO, 5)],
]


class Command(BaseCommand):
    help = "Crea un programa sintético (marcado como tal) con N compromisos, para pruebas de carga."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, required=True, help="Cuántos compromisos crear.")
        parser.add_argument("--semilla", type=int, default=20252029, help="Semilla aleatoria.")

    def handle(self, *args, n, semilla, **options):
        if settings.RED_ENTORNO == "produccion":
            raise CommandError(
                "generar_compromisos no se ejecuta con la configuración de producción."
            )
        if n < 1:
            raise CommandError("--n debe ser un número positivo.")
        miembro = (
            MiembroPage.objects.filter(slug="gobierno-de-santiago").first()
            or MiembroPage.objects.order_by("path").first()
        )
        if miembro is None:
            raise CommandError(
                "No hay miembros de la Red: ejecute primero `manage.py cargar_demo`."
            )
        azar = random.Random(semilla)  # nosec B311 # synthetic data, not security
        comunas = list(Comuna.objects.all())
        programa = asegurar_pagina(
            miembro,
            ProgramaPage,
            slug=SLUG,
            title="Programa sintético para pruebas de carga",
            autoridad="Autoridad sintética",
            periodo_inicio=2025,
            periodo_fin=2029,
            resumen="Datos sintéticos para medir el sitio con un programa grande.",
            criterio="Sintético: no describe ningún programa real.",
            es_demo=True,
        )
        hechos = CompromisoPage.objects.child_of(programa).count()
        hoy = timezone.localdate()
        inicio = time.monotonic()
        # In batches, each in one transaction: a publish outside one regenerates the
        # open-data files on its commit, which with a large site costs seconds each.
        for desde in range(hechos, hechos + n, LOTE):
            with transaction.atomic():
                for i in range(desde, min(desde + LOTE, hechos + n)):
                    self._compromiso(programa, i, azar, comunas, hoy)
            hechos_ahora = min(desde + LOTE, hechos + n) - hechos
            self.stdout.write(
                f"  {hechos_ahora}/{n} compromisos ({time.monotonic() - inicio:.0f} s)"
            )
        self.stdout.write(self.style.SUCCESS(f"{n} compromisos sintéticos en {programa.url}"))

    def _compromiso(self, programa, i, azar, comunas, hoy):
        eje = EJES[i % len(EJES)]
        numero = i // len(EJES) + 1
        compromiso = CompromisoPage(
            slug=f"compromiso-sintetico-{i + 1}",
            title=f"Compromiso sintético {i + 1}: {eje.lower()} n.º {numero}",
            eje=eje,
            numero=numero,
            promesa=f"Compromiso sintético para pruebas de carga ({eje.lower()}).",
            unidad="Unidad sintética",
            es_demo=True,
            toda_la_region=azar.random() < 0.2,
            presupuesto_aprobado=azar.choice([None, 50_000_000, 250_000_000]),
        )
        if not compromiso.toda_la_region:
            compromiso.comunas = azar.sample(comunas, k=min(len(comunas), azar.randint(1, 4)))
        pasos = azar.choice(TRAYECTORIAS)
        for orden, (estado, avance) in enumerate(pasos):
            compromiso.cambios.add(
                CambioEstado(
                    fecha=hoy - datetime.timedelta(days=30 * (len(pasos) - orden)),
                    estado=estado,
                    avance=avance,
                    nota="Cambio sintético para pruebas de carga.",
                    evidencia_enlace="https://example.org/sintetico/acta.pdf",
                )
            )
        programa.add_child(instance=compromiso)
        compromiso.save_revision().publish()
