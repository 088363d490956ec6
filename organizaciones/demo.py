"""Demo of the catastro: the directory page under /red/ and ~300 fictional organizations
in the four pilot comunas, with every status. Every name ends in «(ficticia)» and
every row is marked `es_demo`. Idempotent: organizations are created once (bulk)."""

import random
from datetime import timedelta
from importlib import import_module

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from nucleo.cache import invalidar_paginas
from nucleo.demo import asegurar_pagina, pagina_de_inicio
from nucleo.rut import digito_verificador
from red.models import Comuna, RedIndexPage

from .models import EstadoOrganizacion, Organizacion, OrigenOrganizacion, TipoOrganizacion
from .pagina import OrganizacionesIndexPage

# CUT, how many organizations, the demo account that verifies them
COMUNAS = [
    ("13128", 110, "editora-renca"),  # Renca
    ("13122", 70, "coordinacion"),  # Peñalolén
    ("13129", 50, "coordinacion"),  # San Joaquín
    ("13119", 70, "editor-maipu"),  # Maipú
]
NOMBRES = {
    "junta-de-vecinos": "Junta de Vecinos Villa {n}",
    "union-comunal": "Unión Comunal de Juntas de Vecinos {n}",
    "organizacion-funcional": "Comité de Adelanto {n}",
    "club-deportivo": "Club Deportivo {n}",
    "centro-cultural": "Centro Cultural {n}",
    "interes-publico": "Agrupación Ciudadana {n}",
    "ong": "ONG Territorio {n}",
    "fundacion": "Fundación {n}",
    "corporacion": "Corporación de Desarrollo {n}",
    "otra": "Colectivo {n}",
}
LUGARES = [
    "Los Aromos",
    "El Esfuerzo",
    "Las Acacias",
    "San Luis",
    "La Esperanza",
    "Los Álamos",
    "El Progreso",
    "Nueva Aurora",
    "Los Copihues",
    "Santa Emilia",
    "El Bosque",
    "Lo Herrera",
    "Las Palmeras",
    "Los Quillayes",
    "Jardín Alto",
    "La Araucanía",
]
ESTADOS = [
    *[EstadoOrganizacion.VERIFICADA] * 6,
    *[EstadoOrganizacion.PENDIENTE] * 3,
    EstadoOrganizacion.VENCIDA,
    EstadoOrganizacion.RECHAZADA,
]
PRIMER_RUT = 65_900_000


def cargar(comando):
    import_module("organizaciones.migrations.0002_tipos").crear(apps, None)
    red = RedIndexPage.objects.child_of(pagina_de_inicio()).get(slug="red")
    asegurar_pagina(
        red,
        OrganizacionesIndexPage,
        "organizaciones",
        title="Catastro de organizaciones",
        intro="<p>Las organizaciones ciudadanas de los territorios, comuna por comuna.</p>",
    )
    comando.paso("página /red/organizaciones/")
    if Organizacion.objects.filter(es_demo=True).exists():
        comando.paso("organizaciones de demostración: ya estaban")
        return

    # The same demo every time: not a secret.
    aleatorio = random.Random(15)  # noqa: S311 # nosec B311
    tipos = list(TipoOrganizacion.objects.all())
    usuarios = {u.username: u for u in get_user_model().objects.all()}
    ahora = timezone.now()
    hoy = timezone.localdate()
    nuevas, comunas_de = [], []
    numero = PRIMER_RUT
    for cut, total, cuenta in COMUNAS:
        comuna = Comuna.objects.get(cut=cut)
        revisor = usuarios.get(cuenta)
        entidad = (
            "Coordinación de la Red" if cuenta == "coordinacion" else f"Municipalidad de {comuna}"
        )
        for i in range(total):
            numero += 1
            tipo = tipos[i % len(tipos)]
            lugar = LUGARES[i % len(LUGARES)]
            nombre = NOMBRES.get(tipo.slug, "Organización {n}").format(n=f"{lugar} {i + 1}")
            estado = ESTADOS[aleatorio.randrange(len(ESTADOS))]
            revisada = ahora - timedelta(days=aleatorio.randrange(10, 300))
            org = Organizacion(
                nombre=f"{nombre} (ficticia)",
                rut=f"{numero}-{digito_verificador(numero)}",
                tipo=tipo,
                comuna=comuna,
                descripcion=(
                    f"Organización inventada para la demostración del catastro en {comuna}."
                ),
                registro="Registro Nacional de Personas Jurídicas sin Fines de Lucro",
                numero_registro=str(100000 + numero % 100000),
                directiva_vence=hoy + timedelta(days=aleatorio.randrange(-60, 900)),
                contacto_nombre=f"Representante {i + 1} (ficticio)",
                contacto_email=f"representante{numero}@demo.invalid",
                consentimiento=True,
                estado=estado,
                origen=OrigenOrganizacion.DEMO,
                es_demo=True,
            )
            if estado != EstadoOrganizacion.PENDIENTE:
                org.verificada, org.verificada_por = revisada, revisor
                org.verificada_por_entidad = entidad
                org.evidencia_nota = "Certificado de vigencia (demostración)."
            if estado == EstadoOrganizacion.RECHAZADA:
                org.motivo_rechazo = "El RUT no corresponde a una organización (demostración)."
            if estado == EstadoOrganizacion.VENCIDA:
                org.directiva_vence = hoy - timedelta(days=aleatorio.randrange(1, 200))
                org.motivo_vencimiento = "Terminó el periodo de la directiva."
            org.nombre_busqueda, org.slug = _claves(org)
            nuevas.append(org)
            otras = [c for c, _t, _u in COMUNAS if c != cut and aleatorio.random() < 0.15]
            comunas_de.append([cut, *otras[:1]])
    creadas = Organizacion.objects.bulk_create(nuevas)
    por_cut = dict(Comuna.objects.values_list("cut", "pk"))
    through = Organizacion.comunas.through
    through.objects.bulk_create(
        through(organizacion_id=org.pk, comuna_id=por_cut[cut])
        for org, cuts in zip(creadas, comunas_de, strict=True)
        for cut in cuts
    )
    invalidar_paginas()
    comando.paso(f"{len(creadas)} organizaciones ficticias en las cuatro comunas piloto")


def _claves(org):
    """What `Organizacion.save()` fills, for bulk_create (which does not call it)."""
    from django.utils.text import slugify

    from red.directorio import normalizar

    return normalizar(org.nombre)[:200], (slugify(org.nombre) or "organizacion")[:80]
