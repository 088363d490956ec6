"""The task worker of production: django-tasks-db's `db_worker`, that survives the database.

`db_worker` exits with an OperationalError a few seconds into a database
outage and stays dead (issue 20). This command runs the same worker loop (same
options) and, when the database stops answering (OperationalError,
InterfaceError), closes the connections, waits and starts the loop again:
1 s, 2 s, 4 s… up to `--espera-maxima` (60 s), back to 1 s once it has worked
for a while. Tasks already claimed are not lost: the ones still READY are taken
when the database is back. Production runs `python manage.py trabajador_tareas`
under systemd (docs/despliegue.md); a stop signal still ends it at once.
"""

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("nucleo.trabajador")

ERRORES_DE_BASE = (OperationalError, InterfaceError)


class TrabajadorResistente(db_worker.Worker):
    def __init__(self, *, espera_inicial, espera_maxima, **kwargs):
        super().__init__(**kwargs)
        self.espera_inicial = espera_inicial
        self.espera_maxima = espera_maxima
        self.caidas_seguidas = 0

    def espera(self):
        """Seconds before the next attempt: doubles with every failure in a row."""
        return min(self.espera_maxima, self.espera_inicial * 2**self.caidas_seguidas)

    def run(self):
        while True:
            inicio = time.monotonic()
            try:
                return super().run()
            except ERRORES_DE_BASE as exc:
                if not self.running:
                    return None
                if time.monotonic() - inicio > self.espera_maxima:
                    # It had been working: this is a new outage, start the backoff again.
                    self.caidas_seguidas = 0
                espera = self.espera()
                self.caidas_seguidas += 1
                logger.warning(
                    "La base de datos no responde (%s: %s); reintento en %s s",
                    exc.__class__.__name__,
                    exc,
                    espera,
                )
                for conexion in connections.all(initialized_only=True):
                    try:
                        conexion.close()
                    except ERRORES_DE_BASE:
                        logger.debug("La conexión ya estaba cerrada")
                self.startup_delay = False
                time.sleep(espera)

    def run_task(self, db_task_result):
        self.caidas_seguidas = 0
        return super().run_task(db_task_result)


class Command(db_worker.Command):
    help = (
        "Ejecuta las tareas en segundo plano (db_worker) y sobrevive a una caída de la base "
        "de datos, reintentando con espera exponencial."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--espera-inicial", type=float, default=1.0, help="Primera espera (segundos)."
        )
        parser.add_argument(
            "--espera-maxima", type=float, default=60.0, help="Espera máxima (segundos)."
        )

    def handle(self, *args, espera_inicial, espera_maxima, **options):
        original = db_worker.Worker

        def fabrica(**kwargs):
            return TrabajadorResistente(
                espera_inicial=espera_inicial, espera_maxima=espera_maxima, **kwargs
            )

        # db_worker's handle builds its Worker by name: build ours instead.
        db_worker.Worker = fabrica
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
