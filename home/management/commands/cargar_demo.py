"""Loads the demo content of the site. Idempotent: running it twice changes nothing.

Each app contributes its own part through a `demo` module with a `cargar(comando)`
function; they run in the order below because later parts live under pages
created by earlier ones.
"""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.models import HomePage

DEMO_MODULES = [
    "home.demo",  # locales, home page, site settings, content pages
    "red.demo",  # network directory and its members
    "red.demo_miembros",  # review workflow, editor groups, demo editors, an application
    "organizaciones.demo",  # the catastro: /red/organizaciones/ and ~300 fictional organizations
    "practicas.demo",  # practices, the library and replications between members
    "eventos.demo",  # the calendar, upcoming and past events, registrations
    "practicas.demo_herramientas",  # shared tools (one a dataset) and the open-data page
    "rendicion.demo",  # the governor's program (80 commitments) and a fictional pilot one
    "practicas.demo_en",  # English axes and SDG targets (wagtail-localize)
    "home.demo_en",  # English versions of the main pages (wagtail-localize): it
    # translates pages from every other module
    "rendicion.demo_en",  # the governor's program in English, under the page home.demo_en made
]


class Command(BaseCommand):
    help = "Carga el contenido de demostración del sitio (idempotente)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--si-vacio",
            action="store_true",
            help="Solo carga si el sitio aún no tiene página de inicio (lo usa `make run`).",
        )
        parser.add_argument(
            "--omitir",
            action="append",
            default=[],
            choices=DEMO_MODULES,
            metavar="MODULO",
            help="No carga ese módulo (se puede repetir); los tests de navegador omiten "
            "rendicion.demo_en, que tarda más que todo el resto junto.",
        )

    def handle(self, *args, **options):
        if settings.RED_ENTORNO == "produccion":
            raise CommandError("cargar_demo no se ejecuta con la configuración de producción.")
        if options["si_vacio"] and HomePage.objects.exists():
            self.stdout.write("El sitio ya tiene contenido: no se carga la demostración.")
            return
        for dotted in DEMO_MODULES:
            if dotted in options["omitir"]:
                continue
            self.stdout.write(f"→ {dotted}")
            with transaction.atomic():
                import_module(dotted).cargar(self)
        self.stdout.write(self.style.SUCCESS("Contenido de demostración listo."))

    def paso(self, mensaje):
        """Prints one line of progress."""
        self.stdout.write(f"  · {mensaje}")
