"""generar_organizaciones --n N: synthetic organizations for load tests (marked as such)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from nucleo.cache import invalidar_paginas
from nucleo.rut import digito_verificador
from organizaciones.models import (
    EstadoOrganizacion,
    Organizacion,
    OrigenOrganizacion,
    TipoOrganizacion,
)
from red.directorio import normalizar
from red.models import Comuna

PRIMER_RUT = 50_000_000
BLOQUE = 2000
ESTADOS = [EstadoOrganizacion.VERIFICADA, EstadoOrganizacion.PENDIENTE, EstadoOrganizacion.VENCIDA]


class Command(BaseCommand):
    help = "Crea N organizaciones sintéticas (marcadas «sintética» y de demostración)."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, required=True)

    def handle(self, *args, n, **options):
        tipos = list(TipoOrganizacion.objects.all())
        comunas = list(Comuna.objects.values_list("pk", flat=True))
        inicio = PRIMER_RUT + Organizacion.objects.filter(rut__startswith="5").count()
        through = Organizacion.comunas.through
        ahora = timezone.now()
        hechas = 0
        while hechas < n:
            lote = []
            for i in range(hechas, min(n, hechas + BLOQUE)):
                numero = inicio + i
                nombre = f"Organización sintética {numero}"
                lote.append(
                    Organizacion(
                        nombre=nombre,
                        nombre_busqueda=normalizar(nombre),
                        slug=slugify(nombre),
                        rut=f"{numero}-{digito_verificador(numero)}",
                        tipo=tipos[i % len(tipos)],
                        comuna_id=comunas[i % len(comunas)],
                        descripcion="Organización sintética para pruebas de carga.",
                        contacto_nombre="Sintético",
                        contacto_email=f"sintetica{numero}@demo.invalid",
                        estado=ESTADOS[i % len(ESTADOS)],
                        verificada=ahora,
                        origen=OrigenOrganizacion.DEMO,
                        es_demo=True,
                    )
                )
            with transaction.atomic():
                creadas = Organizacion.objects.bulk_create(lote)
                through.objects.bulk_create(
                    through(organizacion_id=o.pk, comuna_id=o.comuna_id) for o in creadas
                )
            hechas += len(lote)
            self.stdout.write(f"{hechas}/{n} organizaciones")
        invalidar_paginas()
