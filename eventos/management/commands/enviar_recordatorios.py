"""Sends the reminder e-mail to confirmed registrants of the events of the next day.

Idempotent: each registration records when its reminder went out, so running
the command several times a day (or again after a failure) sends each one once.
Run it daily from cron, e.g. at 09:00 Santiago time.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from eventos.inscripciones import avisar
from eventos.models import Inscripcion


class Command(BaseCommand):
    help = "Envía el recordatorio a las personas inscritas en los eventos de mañana (idempotente)."

    def handle(self, *args, **options):
        ahora = timezone.now()
        # Until the end of tomorrow, Santiago time (the day before the event).
        manana = timezone.localdate(ahora) + datetime.timedelta(days=1)
        hasta = timezone.make_aware(datetime.datetime.combine(manana, datetime.time.max))
        pendientes = (
            Inscripcion.objects.confirmadas()
            .filter(
                recordatorio_enviado__isnull=True,
                anonimizada=False,
                evento__inicio__gt=ahora,
                evento__inicio__lte=hasta,
                evento__live=True,
            )
            .select_related("evento", "comuna")
        )
        n = 0
        for inscripcion in pendientes:
            # Marked first: a failed send is retried by the e-mail task itself.
            Inscripcion.objects.filter(pk=inscripcion.pk).update(
                recordatorio_enviado=timezone.now()
            )
            avisar(inscripcion, "recordatorio")
            n += 1
            self.stdout.write(f"  · recordatorio: {inscripcion.evento.title}")
        self.stdout.write(self.style.SUCCESS(f"Recordatorios enviados: {n}."))
