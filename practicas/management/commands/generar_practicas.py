"""Creates N synthetic practices for load tests, in bulk.

Every synthetic practice says so in its title and summary and has es_demo set.
Pages are spread over the existing members (run `cargar_demo` first), with
random axes, comunas, SDG targets, tags and a few replications, so that the
library's filters and facets have realistic work to do. Refused in production.
"""

import datetime
import random
import time
import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from practicas.models import (
    Eje,
    EstadoPractica,
    MetaODS,
    PracticaPage,
    PracticaTag,
    Replicacion,
)
from red.models import Comuna, MiembroPage

TEMAS = [
    "presupuesto participativo",
    "cuenta pública",
    "datos abiertos",
    "lobby",
    "compras públicas",
    "consejo de la sociedad civil",
    "cabildos",
    "lenguaje claro",
    "transparencia activa",
    "mesas territoriales",
    "declaraciones de patrimonio",
    "consultas ciudadanas",
    "portal de datos",
    "juntas de vecinos",
    "participación juvenil",
    "personas mayores",
    "medio ambiente",
    "seguridad",
    "salud primaria",
    "educación cívica",
]
LOTE = 500


class Command(BaseCommand):
    help = "Crea N prácticas sintéticas (marcadas como tales) para pruebas de carga."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, required=True, help="Cuántas prácticas crear.")
        parser.add_argument("--semilla", type=int, default=20252029, help="Semilla aleatoria.")

    def handle(self, *args, n, semilla, **options):
        if settings.RED_ENTORNO == "produccion":
            raise CommandError(
                "generar_practicas no se ejecuta con la configuración de producción."
            )
        if n < 1:
            raise CommandError("--n debe ser un número positivo.")
        miembros = list(MiembroPage.objects.order_by("path"))
        if not miembros:
            raise CommandError(
                "No hay miembros de la Red: ejecute primero `manage.py cargar_demo`."
            )
        self.azar = random.Random(semilla)  # nosec B311 # synthetic data, not security
        inicio = time.monotonic()
        creadas = 0
        while creadas < n:
            cuantas = min(LOTE, n - creadas)
            with transaction.atomic():
                self._lote(miembros, cuantas, creadas)
            creadas += cuantas
            self.stdout.write(
                f"  · {creadas}/{n} prácticas sintéticas ({time.monotonic() - inicio:.1f} s)"
            )
        self.stdout.write(self.style.SUCCESS(f"Listo: {n} prácticas sintéticas creadas."))

    def _lote(self, miembros, cuantas, desde):
        azar = self.azar
        tipo = ContentType.objects.get_for_model(PracticaPage)
        ejes = list(Eje.objects.filter(locale=miembros[0].locale_id))
        metas = list(MetaODS.objects.filter(locale=miembros[0].locale_id))
        comunas = list(Comuna.objects.all())
        etiquetas = [Tag.objects.get_or_create(name=t)[0] for t in TEMAS]
        ahora = timezone.now()
        ultimo = {
            fila["path"]: fila["ultimo"]
            for fila in Page.objects.filter(depth__in={m.depth + 1 for m in miembros})
            .values("path")
            .annotate(ultimo=Max("path"))
            .values("path", "ultimo")
        }
        siguiente = {}
        for miembro in miembros:
            hijos = [ruta for ruta in ultimo if ruta.startswith(miembro.path)]
            siguiente[miembro.pk] = Page._str2int(max(hijos)[-Page.steplen :]) + 1 if hijos else 1

        paginas, temas = [], []
        for i in range(cuantas):
            numero = desde + i + 1
            miembro = miembros[azar.randrange(len(miembros))]
            tema = azar.choice(TEMAS)
            paso = siguiente[miembro.pk]
            siguiente[miembro.pk] += 1
            slug = f"sintetica-{uuid.uuid4().hex[:12]}"
            titulo = f"[Sintética] Práctica {numero}: {tema}"
            paginas.append(
                Page(
                    title=titulo,
                    draft_title=titulo,
                    slug=slug,
                    content_type=tipo,
                    path=Page._get_path(miembro.path, miembro.depth + 1, paso),
                    depth=miembro.depth + 1,
                    numchild=0,
                    url_path=f"{miembro.url_path}{slug}/",
                    locale_id=miembro.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=ahora,
                    last_published_at=ahora,
                    live_revision=None,
                )
            )
            temas.append(tema)
        Page.objects.bulk_create(paginas)

        practicas = []
        for pagina, tema in zip(paginas, temas, strict=True):
            practica = PracticaPage(
                page_ptr_id=pagina.pk,
                resumen=(
                    f"Práctica sintética generada para pruebas de carga sobre {tema}. "
                    "No describe una experiencia real."
                ),
                problema="<p>Contenido sintético para pruebas de carga.</p>",
                estado=azar.choice(EstadoPractica.values),
                fecha_inicio=datetime.date(azar.randint(2018, 2025), azar.randint(1, 12), 1),
                es_demo=True,
            )
            practica.save_base(raw=True)
            practicas.append(practica)

        Through = PracticaPage.ejes.through
        Through.objects.bulk_create(
            Through(practicapage_id=p.pk, eje_id=e.pk)
            for p in practicas
            for e in azar.sample(ejes, azar.randint(1, 2))
        )
        Through = PracticaPage.comunas.through
        Through.objects.bulk_create(
            Through(practicapage_id=p.pk, comuna_id=c.pk)
            for p in practicas
            for c in azar.sample(comunas, azar.randint(1, 3))
        )
        Through = PracticaPage.metas_ods.through
        Through.objects.bulk_create(
            Through(practicapage_id=p.pk, metaods_id=m.pk)
            for p in practicas
            for m in azar.sample(metas, azar.randint(1, 2))
        )
        PracticaTag.objects.bulk_create(
            PracticaTag(content_object_id=p.pk, tag_id=t.pk)
            for p in practicas
            for t in azar.sample(etiquetas, azar.randint(1, 3))
        )
        Replicacion.objects.bulk_create(
            Replicacion(
                practica_id=p.pk,
                miembro_id=m.pk,
                comuna_id=m.comuna_id,
                estado=azar.choice(["replicada", "en_proceso"]),
                sort_order=orden,
                nota="Replicación sintética.",
            )
            for p in practicas
            if azar.random() < 0.3
            for orden, m in enumerate(azar.sample(miembros, min(len(miembros), azar.randint(1, 3))))
        )
        for miembro in miembros:
            Page.objects.filter(pk=miembro.pk).update(
                numchild=Page.objects.filter(
                    path__startswith=miembro.path, depth=miembro.depth + 1
                ).count()
            )
        get_search_backend().add_bulk(
            PracticaPage,
            list(
                PracticaPage.objects.filter(pk__in=[p.pk for p in practicas]).prefetch_related(
                    "tags", "ejes", "comunas"
                )
            ),
        )
