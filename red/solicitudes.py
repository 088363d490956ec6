"""Applications to join the network (`/red/unete/`), reviewed by the coordination."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nucleo.rut import formatear_rut

from .models import TipoMiembro

# The regional government does not apply: it runs the network.
TIPOS_SOLICITUD = [(v, e) for v, e in TipoMiembro.choices if v != TipoMiembro.GOBIERNO_REGIONAL]


class EstadoSolicitud(models.TextChoices):
    PENDIENTE = "pendiente", _("Pendiente")
    APROBADA = "aprobada", _("Aprobada")
    RECHAZADA = "rechazada", _("Rechazada")


class SolicitudIngreso(models.Model):
    """One organization's or municipality's application to join the network."""

    nombre = models.CharField(_("nombre de la organización"), max_length=150)
    tipo = models.CharField(_("tipo"), max_length=20, choices=TIPOS_SOLICITUD)
    comunas = models.ManyToManyField(
        "red.Comuna", verbose_name=_("comunas"), related_name="solicitudes"
    )
    rut = models.CharField(_("RUT"), max_length=12, db_index=True)
    contacto_nombre = models.CharField(_("nombre de contacto"), max_length=120)
    contacto_email = models.EmailField(_("correo de contacto"), max_length=254)
    que_compartir = models.TextField(_("qué quieren compartir"), max_length=2000)
    consentimiento = models.BooleanField(_("consentimiento de datos personales"), default=False)
    estado = models.CharField(
        _("estado"),
        max_length=10,
        choices=EstadoSolicitud.choices,
        default=EstadoSolicitud.PENDIENTE,
        db_index=True,
    )
    motivo = models.TextField(_("motivo"), blank=True, max_length=2000)
    revisada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisada por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    creada = models.DateTimeField(_("recibida"), auto_now_add=True)
    revisada = models.DateTimeField(_("revisada"), null=True, blank=True)
    miembro = models.ForeignKey(
        "red.MiembroPage",
        verbose_name=_("miembro creado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="solicitudes",
    )

    class Meta:
        ordering = ["-creada"]
        verbose_name = _("solicitud de ingreso")
        verbose_name_plural = _("solicitudes de ingreso")
        permissions = [("revisar_solicitudingreso", _("Puede aprobar o rechazar solicitudes"))]

    def __str__(self):
        return self.nombre

    @property
    def rut_formateado(self):
        return formatear_rut(self.rut) if self.rut else ""

    @property
    def pendiente(self):
        return self.estado == EstadoSolicitud.PENDIENTE


class SolicitudYaRevisada(Exception):
    """Another coordinator approved or rejected it first."""


def _slug_libre(padre, nombre):
    from django.utils.text import slugify

    base = slugify(nombre)[:60].strip("-") or "miembro"
    slug, n = base, 2
    while padre.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _solicitud_pendiente(pk):
    solicitud = SolicitudIngreso.objects.select_for_update().get(pk=pk)
    if not solicitud.pendiente:
        raise SolicitudYaRevisada
    return solicitud


def aprobar(solicitud, revisor, nota=""):
    """Creates the member (published page, editor group, collection, editor account)
    and sends the invitation. Returns the approved application."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone
    from wagtail.log_actions import log

    from .grupos import configurar_miembro
    from .models import MiembroPage, RedIndexPage

    with transaction.atomic():
        solicitud = _solicitud_pendiente(solicitud.pk)
        directorio = RedIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
        comunas = list(solicitud.comunas.all())
        miembro = MiembroPage(
            title=solicitud.nombre,
            slug=_slug_libre(directorio, solicitud.nombre),
            tipo=solicitud.tipo,
            rut=solicitud.rut_formateado,
            contacto_nombre=solicitud.contacto_nombre,
            contacto_email=solicitud.contacto_email,
            fecha_ingreso=timezone.localdate(),
            owner=revisor,
        )
        if solicitud.tipo == TipoMiembro.MUNICIPALIDAD and len(comunas) == 1:
            miembro.comuna = comunas[0]
        directorio.add_child(instance=miembro)
        if miembro.comuna_id is None:
            miembro.comunas.set(comunas)
        miembro.save_revision(user=revisor, log_action=True).publish(user=revisor)
        grupo, _coleccion = configurar_miembro(miembro)

        User = get_user_model()
        usuario = User.objects.filter(email__iexact=solicitud.contacto_email).first()
        if usuario is None:
            usuario = User.objects.create_user(
                username=_usuario_libre(User, solicitud.contacto_email.lower()),
                email=solicitud.contacto_email,
                first_name=solicitud.contacto_nombre[:150],
                password=None,  # unusable until the contact sets their own
            )
        usuario.groups.add(grupo)

        solicitud.estado = EstadoSolicitud.APROBADA
        solicitud.motivo = nota
        solicitud.revisada_por = revisor
        solicitud.revisada = timezone.now()
        solicitud.miembro = miembro
        solicitud.save()
        log(
            instance=solicitud,
            action="red.solicitud.aprobada",
            user=revisor,
            data={"miembro": miembro.pk, "grupo": grupo.name},
        )
    # After the commit: the task must never send about something that was rolled back.
    _enviar_invitacion(solicitud, usuario)
    return solicitud


def _usuario_libre(User, base):
    """The e-mail as username, or with a number when someone already has it."""
    nombre, n = base[:150], 2
    while User.objects.filter(username__iexact=nombre).exists():
        sufijo = f"-{n}"
        nombre, n = base[: 150 - len(sufijo)] + sufijo, n + 1
    return nombre


def rechazar(solicitud, revisor, motivo):
    from django.db import transaction
    from django.utils import timezone
    from wagtail.log_actions import log

    with transaction.atomic():
        solicitud = _solicitud_pendiente(solicitud.pk)
        solicitud.estado = EstadoSolicitud.RECHAZADA
        solicitud.motivo = motivo
        solicitud.revisada_por = revisor
        solicitud.revisada = timezone.now()
        solicitud.save()
        log(
            instance=solicitud,
            action="red.solicitud.rechazada",
            user=revisor,
            data={"motivo": motivo},
        )
    _enviar_respuesta(
        solicitud,
        _("Su solicitud de ingreso a la Red Regional de Gobierno Abierto"),
        "red/correos/solicitud_rechazada.txt",
        {},
    )
    return solicitud


def enlace_para_crear_clave(usuario):
    """Absolute link to Wagtail's "set a new password" form for this user."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    ruta = reverse(
        "wagtailadmin_password_reset_confirm",
        args=(
            urlsafe_base64_encode(force_bytes(usuario.pk)),
            default_token_generator.make_token(usuario),
        ),
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + ruta


def _enviar_invitacion(solicitud, usuario):
    _enviar_respuesta(
        solicitud,
        _("Bienvenida a la Red Regional de Gobierno Abierto: cree su contraseña"),
        "red/correos/invitacion.txt",
        {"usuario": usuario, "enlace": enlace_para_crear_clave(usuario)},
    )


def _enviar_respuesta(solicitud, asunto, plantilla, extra):
    from django.template.loader import render_to_string
    from django.utils import translation

    from nucleo.correo import enviar_correo

    with translation.override(settings.LANGUAGE_CODE):
        cuerpo = render_to_string(
            plantilla,
            {"solicitud": solicitud, "base_url": settings.WAGTAILADMIN_BASE_URL, **extra},
        )
        asunto = str(asunto)
    enviar_correo.enqueue(asunto, cuerpo, [solicitud.contacto_email])
