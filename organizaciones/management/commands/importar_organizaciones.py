"""importar_organizaciones ARCHIVO.csv --comuna CUT --usuario USERNAME [--guardar]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from organizaciones.importar import ImportacionNoPermitida, importar
from red.models import Comuna


class Command(BaseCommand):
    help = (
        "Importa el registro municipal de organizaciones de una comuna (CSV). Sin --guardar "
        "solo revisa el archivo; con errores no guarda nada."
    )

    def add_arguments(self, parser):
        parser.add_argument("archivo")
        parser.add_argument("--comuna", required=True, help="Código CUT de la comuna.")
        parser.add_argument("--usuario", required=True, help="Usuario que importa.")
        parser.add_argument("--guardar", action="store_true", help="Guarda si no hay errores.")

    def handle(self, *args, archivo, comuna, usuario, guardar, **options):
        try:
            comuna_obj = Comuna.objects.get(cut=comuna)
        except Comuna.DoesNotExist as exc:
            raise CommandError(f"{comuna} no es el código CUT de una comuna de la región.") from exc
        try:
            usuario_obj = get_user_model().objects.get(username=usuario, is_active=True)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No hay un usuario activo «{usuario}».") from exc
        ruta = Path(archivo)
        if not ruta.is_file():
            raise CommandError(f"No se encuentra el archivo {archivo}.")
        try:
            resultado = importar(
                ruta.read_bytes(), comuna_obj, usuario_obj, guardar, nombre_archivo=ruta.name
            )
        except ImportacionNoPermitida as exc:
            raise CommandError(str(exc)) from exc
        for linea, campo, mensaje in resultado.errores:
            self.stdout.write(f"línea {linea}, {campo}: {mensaje}")
        resumen = (
            f"{resultado.creadas} nuevas, {resultado.actualizadas} ya estaban (se actualizan), "
            f"{resultado.fusionadas} filas repetidas fusionadas por RUT"
        )
        if resultado.errores:
            raise CommandError(
                f"{len(resultado.errores)} errores: no se guardó nada. "
                f"Corrija el archivo ({resumen})."
            )
        if resultado.guardado:
            self.stdout.write(self.style.SUCCESS(f"Guardado: {resumen}."))
        else:
            self.stdout.write(f"Revisión sin errores: {resumen}. Para guardar, agregue --guardar.")
