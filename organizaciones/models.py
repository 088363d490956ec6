"""The catastro: the register of the territory's citizen organizations, comuna by comuna.

Organizations are plain models (there are thousands; they are data, not
pages). Each one has a comuna of domicile (where its legal personality is
registered: the municipality of that comuna verifies it) and the comunas
where it works. Only the public fields (`CAMPOS_PUBLICOS`) ever leave through
a public page, a download or the map; the contact is for the coordination and
the municipality of its comuna only.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nucleo.rut import formatear_rut
from red.directorio import normalizar

# A verification is valid for a year; then the organization must be revalidated.
DIAS_VIGENCIA_VERIFICACION = 365


class TipoOrganizacion(models.Model):
    """An editable kind of organization (junta de vecinos, ONG, fundación…)."""

    nombre = models.CharField(_("nombre"), max_length=100, unique=True)
    nombre_en = models.CharField(_("nombre en inglés"), max_length=100, blank=True)
    slug = models.SlugField(max_length=100, unique=True)
    orden = models.PositiveSmallIntegerField(_("orden"), default=100)

    class Meta:
        ordering = ["orden", "nombre"]
        verbose_name = _("tipo de organización")
        verbose_name_plural = _("tipos de organización")

    def __str__(self):
        return self.nombre_traducido()

    def nombre_traducido(self):
        if self.nombre_en and (get_language() or "").startswith("en"):
            return self.nombre_en
        return self.nombre


class EstadoOrganizacion(models.TextChoices):
    PENDIENTE = "pendiente", _("Pendiente de verificación")
    VERIFICADA = "verificada", _("Verificada")
    RECHAZADA = "rechazada", _("Rechazada")
    VENCIDA = "vencida", _("Vencida")


class OrigenOrganizacion(models.TextChoices):
    FORMULARIO = "formulario", _("Formulario público")
    IMPORTACION = "importacion", _("Importación de un registro municipal")
    ADMINISTRACION = "administracion", _("Administración")
    DEMO = "demo", _("Demostración")


class OrganizacionQuerySet(models.QuerySet):
    def publicas(self):
        """What the public sees: pending, verified and lapsed organizations.

        A rejected registration is not listed (it may be spam or a mistake); its
        reason goes to the representative by e-mail and stays in the admin.
        """
        return self.exclude(estado=EstadoOrganizacion.RECHAZADA)

    def de_comunas(self, comunas):
        """Those whose comuna of domicile is one of `comunas` (the municipality's own)."""
        return self.filter(comuna__in=comunas)

    def buscar(self, texto):
        return self.filter(nombre_busqueda__contains=normalizar(texto))


class Organizacion(models.Model):
    """One citizen organization of the territory."""

    campo_en_datos = "pk"

    nombre = models.CharField(_("nombre"), max_length=200)
    nombre_busqueda = models.CharField(max_length=200, editable=False, db_index=True)
    slug = models.SlugField(max_length=80, editable=False)
    rut = models.CharField(
        _("RUT"),
        max_length=12,
        unique=True,
        help_text=_("Con el dígito verificador, por ejemplo 65.123.456-7."),
    )
    tipo = models.ForeignKey(
        TipoOrganizacion,
        verbose_name=_("tipo"),
        on_delete=models.PROTECT,
        related_name="organizaciones",
    )
    comuna = models.ForeignKey(
        "red.Comuna",
        verbose_name=_("comuna del domicilio"),
        on_delete=models.PROTECT,
        related_name="organizaciones_domiciliadas",
        help_text=_(
            "Donde está inscrita su personalidad jurídica: la municipalidad de esta comuna "
            "la verifica."
        ),
    )
    comunas = models.ManyToManyField(
        "red.Comuna",
        verbose_name=_("comunas donde trabaja"),
        related_name="organizaciones",
        blank=True,
    )
    descripcion = models.TextField(_("descripción pública"), max_length=2000, blank=True)
    registro = models.CharField(
        _("registro de la personalidad jurídica"),
        max_length=150,
        blank=True,
        help_text=_(
            "Por ejemplo: Registro Nacional de Personas Jurídicas sin Fines de Lucro "
            "(Registro Civil) o Secretaría Municipal."
        ),
    )
    numero_registro = models.CharField(_("número de inscripción"), max_length=50, blank=True)
    directiva_vence = models.DateField(
        _("vencimiento de la directiva"),
        null=True,
        blank=True,
        help_text=_("Fecha en que termina el periodo de la directiva vigente."),
    )

    # Private: never public.
    contacto_nombre = models.CharField(_("nombre del representante"), max_length=120)
    contacto_email = models.EmailField(_("correo del representante"), max_length=254)
    contacto_telefono = models.CharField(_("teléfono del representante"), max_length=30, blank=True)
    consentimiento = models.BooleanField(_("consentimiento de datos personales"), default=False)

    estado = models.CharField(
        _("estado"),
        max_length=10,
        choices=EstadoOrganizacion.choices,
        default=EstadoOrganizacion.PENDIENTE,
        db_index=True,
    )
    verificada_por = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revisada por"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verificada = models.DateTimeField(_("fecha de la revisión"), null=True, blank=True)
    verificada_por_entidad = models.CharField(
        _("institución que la revisó"),
        max_length=150,
        blank=True,
        help_text=_("Lo que ve el público: la municipalidad o la Coordinación, no la persona."),
    )
    evidencia = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("documento revisado"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidencia_nota = models.TextField(_("qué se revisó"), max_length=2000, blank=True)
    motivo_rechazo = models.TextField(_("motivo del rechazo"), max_length=2000, blank=True)
    motivo_vencimiento = models.CharField(_("motivo del vencimiento"), max_length=200, blank=True)
    recordatorio_enviado = models.DateTimeField(
        _("recordatorio de revalidación enviado"), null=True, blank=True
    )
    origen = models.CharField(
        _("origen"),
        max_length=15,
        choices=OrigenOrganizacion.choices,
        default=OrigenOrganizacion.FORMULARIO,
    )
    miembro = models.ForeignKey(
        "red.MiembroPage",
        verbose_name=_("miembro de la Red"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organizaciones_catastro",
        help_text=_("Si la organización también es miembro de la Red."),
    )
    es_demo = models.BooleanField(_("de demostración"), default=False)
    creada = models.DateTimeField(_("registrada"), auto_now_add=True)
    actualizada = models.DateTimeField(_("actualizada"), auto_now=True)

    objects = OrganizacionQuerySet.as_manager()

    class Meta:
        ordering = ["nombre_busqueda", "pk"]
        verbose_name = _("organización del catastro")
        verbose_name_plural = _("organizaciones del catastro")
        permissions = [
            ("verificar_organizacion", _("Puede verificar o rechazar organizaciones")),
        ]
        indexes = [models.Index(fields=["comuna", "estado"])]

    def __str__(self):
        return self.nombre

    def save(self, *args, **kwargs):
        self.nombre_busqueda = normalizar(self.nombre)[:200]
        self.slug = (slugify(self.nombre) or "organizacion")[:80]
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "nombre_busqueda", "slug"}
        super().save(*args, **kwargs)

    @property
    def rut_formateado(self):
        return formatear_rut(self.rut)

    @property
    def ruta(self):
        """The organization's route below the directory page."""
        return f"{self.pk}-{self.slug}/"

    def vence_verificacion(self):
        if self.verificada is None:
            return None
        return self.verificada + timedelta(days=DIAS_VIGENCIA_VERIFICACION)

    def directiva_vencida(self, hoy=None):
        hoy = hoy or timezone.localdate()
        return self.directiva_vence is not None and self.directiva_vence < hoy


# The fields any visitor may see (the page, the directory, the downloads).
CAMPOS_PUBLICOS = (
    "pk",
    "nombre",
    "slug",
    "rut",
    "tipo__nombre",
    "comuna__cut",
    "comuna__nombre",
    "descripcion",
    "registro",
    "numero_registro",
    "directiva_vence",
    "estado",
    "verificada",
    "verificada_por_entidad",
    "es_demo",
    "creada",
    "actualizada",
)


from .pagina import OrganizacionesIndexPage  # noqa: E402, F401
