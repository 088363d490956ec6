"""Sends the reminder e-mail to confirmed registrants of the events of tomorrow.

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
        # Events whose Santiago date is tomorrow. Days are bounded by local
        # midnights (23, 24 or 25 hours long around daylight-saving changes).
        manana = timezone.localdate(ahora) + datetime.timedelta(days=1)
        desde = timezone.make_aware(datetime.datetime.combine(manana, datetime.time.min))
        hasta = timezone.make_aware(
            datetime.datetime.combine(manana + datetime.timedelta(days=1), datetime.time.min)
        )
        pendientes = (
            Inscripcion.objects.confirmadas()
            .filter(
                recordatorio_enviado__isnull=True,
                anonimizada=False,
                evento__inicio__gte=max(desde, ahora),
                evento__inicio__lt=hasta,
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
