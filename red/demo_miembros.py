"""Demo of members and review: the review workflow, the editor group and collection
of every demo member, two editor accounts (Renca and Maipú), a coordinator and a
pending application. Local demo only: the passwords are printed."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .grupos import GRUPO_COORDINACION, asegurar_flujo_revision, configurar_miembro
from .models import Comuna, MiembroPage
from .solicitudes import SolicitudIngreso

# username, password, member slug (None: coordination), first name
CUENTAS = [
    ("coordinacion", "coordinacion", None, "Camila"),
    ("editora-renca", "editora-renca", "municipalidad-de-renca", "Rita"),
    ("editor-maipu", "editor-maipu", "municipalidad-de-maipu", "Mario"),
]


def cargar(comando):
    asegurar_flujo_revision()
    comando.paso("flujo «Revisión de la Coordinación» asignado a /red/")
    grupos = {}
    for miembro in MiembroPage.objects.filter(locale__language_code="es", es_demo=True):
        grupos[miembro.slug], _coleccion = configurar_miembro(miembro)
    comando.paso(f"grupos de editores y colecciones: {len(grupos)} miembros")

    User = get_user_model()
    for usuario, clave, slug, nombre in CUENTAS:
        cuenta, creada = User.objects.get_or_create(
            username=usuario,
            defaults={"email": f"{usuario}@demo.invalid", "first_name": nombre},
        )
        if creada:
            cuenta.set_password(clave)
            cuenta.save()
        grupo = grupos[slug] if slug else Group.objects.get(name=GRUPO_COORDINACION)
        cuenta.groups.add(grupo)
        comando.paso(f"usuario {usuario} / contraseña {clave} ({grupo.name})")

    solicitud, creada = SolicitudIngreso.objects.get_or_create(
        rut="65100100-5",
        defaults={
            "nombre": "Fundación Barrios Abiertos (demostración)",
            "tipo": "organizacion",
            "contacto_nombre": "Daniela Soto",
            "contacto_email": "daniela@demo.invalid",
            "que_compartir": "Talleres de acceso a la información pública en juntas de vecinos.",
            "consentimiento": True,
        },
    )
    if creada:
        solicitud.comunas.set(Comuna.objects.filter(cut__in=["13101", "13128"]))
    comando.paso("solicitud de ingreso pendiente: Fundación Barrios Abiertos")
