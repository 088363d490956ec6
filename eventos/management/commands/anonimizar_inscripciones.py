"""Removes registrants' personal data a number of days after their event.

Keeps what the counts need (status, attendance, participant kind, comuna and
member organization) and blanks name, e-mail, free-text organization and
accessibility needs. Days: --dias, or settings.RED_DIAS_ANONIMIZACION.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from eventos.models import Inscripcion


class Command(BaseCommand):
    help = "Anonimiza los datos personales de las inscripciones de eventos ya pasados."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dias",
            type=int,
            default=None,
            help="Días después del término del evento (por defecto RED_DIAS_ANONIMIZACION).",
        )

    def handle(self, *args, **options):
        dias = options["dias"]
        if dias is None:
            dias = settings.RED_DIAS_ANONIMIZACION
        if dias < 0:
            raise CommandError("--dias no puede ser negativo.")
        limite = timezone.now() - datetime.timedelta(days=dias)
        pendientes = Inscripcion.objects.filter(anonimizada=False, evento__fin__lt=limite)
        total = 0
        for evento_id in pendientes.values_list("evento_id", flat=True).distinct():
            n = pendientes.filter(evento_id=evento_id).update(
                nombre="",
                email="",
                organizacion="",
                necesidades_accesibilidad="",
                anonimizada=True,
                actualizada=timezone.now(),
            )
            total += n
            self.stdout.write(f"  · evento {evento_id}: {n} inscripciones anonimizadas")
        self.stdout.write(
            self.style.SUCCESS(
                f"Inscripciones anonimizadas: {total} (eventos terminados hace más de {dias} días)."
            )
        )
