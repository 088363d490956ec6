"""Creates N synthetic events for load tests (`make bench` asks for 200).

Every synthetic event says so in its title and summary and has es_demo set.
Events are spread over the existing members (run `cargar_demo` first): half
upcoming, half past, with random kinds, formats, comunas, places and axes, so
that the calendar's filters and places-left counts have work to do. Refused in
production. Pages go through Wagtail's tree (`add_child`): 200 take seconds.
"""

import datetime
import random
import time
import uuid

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from practicas.models import Eje
from red.models import Comuna, MiembroPage

from ...models import EventoPage, Modalidad, TipoEvento

TEMAS = [
    "datos abiertos municipales",
    "presupuesto participativo",
    "lenguaje claro",
    "cuentas públicas participativas",
    "transparencia activa",
    "consejos de la sociedad civil",
    "ley de lobby",
    "compras públicas",
]


class Command(BaseCommand):
    help = "Crea N eventos sintéticos (marcados como tales) para pruebas de carga."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, required=True, help="Cuántos eventos crear.")
        parser.add_argument("--semilla", type=int, default=20252029, help="Semilla aleatoria.")

    def handle(self, *args, n, semilla, **options):
        if settings.RED_ENTORNO == "produccion":
            raise CommandError("generar_eventos no se ejecuta con la configuración de producción.")
        if n < 1:
            raise CommandError("--n debe ser un número positivo.")
        miembros = list(
            MiembroPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
                "path"
            )
        )
        if not miembros:
            raise CommandError(
                "No hay miembros de la Red: ejecute primero `manage.py cargar_demo`."
            )
        azar = random.Random(semilla)  # nosec B311 # synthetic data, not security
        comunas = list(Comuna.objects.all())
        ejes = list(Eje.objects.filter(locale=miembros[0].locale_id))
        hoy = timezone.localdate()
        inicio = time.monotonic()
        for numero in range(1, n + 1):
            miembro = miembros[azar.randrange(len(miembros))]
            tema = azar.choice(TEMAS)
            dias = azar.randint(1, 180) * (1 if numero % 2 else -1)
            comienzo = timezone.make_aware(
                datetime.datetime.combine(
                    hoy + datetime.timedelta(days=dias), datetime.time(azar.choice([9, 10, 15]))
                )
            )
            modalidad = azar.choice(Modalidad.values)
            evento = EventoPage(
                title=f"[Sintético] Evento {numero}: {tema}",
                slug=f"evento-sintetico-{uuid.uuid4().hex[:12]}",
                resumen=f"Evento sintético para pruebas de carga sobre {tema}.",
                tipo=azar.choice(TipoEvento.values),
                modalidad=modalidad,
                inicio=comienzo,
                fin=comienzo + datetime.timedelta(hours=azar.choice([2, 3, 4])),
                lugar="" if modalidad == Modalidad.EN_LINEA else "Salón municipal",
                comuna=azar.choice(comunas),
                enlace_en_linea=(
                    "" if modalidad == Modalidad.PRESENCIAL else "https://reunion.example/sala"
                ),
                cupos=azar.choice([10, 20, 40, 80]),
                lista_espera=azar.random() < 0.5,
                es_demo=True,
            )
            with transaction.atomic():
                miembro.add_child(instance=evento)
                evento.ejes.set(azar.sample(ejes, k=min(len(ejes), azar.randint(1, 2))))
                evento.save()
            if numero % 50 == 0 or numero == n:
                self.stdout.write(
                    f"  · {numero}/{n} eventos sintéticos ({time.monotonic() - inicio:.1f} s)"
                )
        self.stdout.write(self.style.SUCCESS(f"Listo: {n} eventos sintéticos creados."))
