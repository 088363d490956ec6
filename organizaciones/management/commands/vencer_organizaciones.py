"""vencer_organizaciones: marks lapsed organizations `vencida` and sends the yearly
revalidation reminder once (idempotent; run it daily)."""

from django.core.management.base import BaseCommand

from organizaciones.revalidacion import recordar_revalidacion, vencer


class Command(BaseCommand):
    help = (
        "Marca como vencidas las organizaciones cuya directiva terminó o cuya verificación "
        "tiene más de un año, y envía una vez el recordatorio anual de revalidación."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dias-aviso",
            type=int,
            default=30,
            help="Días antes del vencimiento en que se envía el recordatorio (30).",
        )

    def handle(self, *args, dias_aviso, **options):
        recordadas = recordar_revalidacion(dias_aviso)
        self.stdout.write(f"Recordatorios de revalidación enviados: {recordadas}")
        por_directiva, por_plazo = vencer()
        self.stdout.write(f"Vencidas por fin del periodo de la directiva: {por_directiva}")
        self.stdout.write(f"Vencidas por pasar un año sin revalidar: {por_plazo}")
