"""Registrations for events: one person's place (or place on the waiting list) in one event.

Registrations are plain rows, never pages: they hold personal data and are
only seen by the organizers in the admin (eventos/wagtail_hooks.py).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EstadoInscripcion(models.TextChoices):
    CONFIRMADA = "confirmada", _("Confirmada")
    ESPERA = "espera", _("En lista de espera")
    CANCELADA = "cancelada", _("Cancelada")


class TipoParticipante(models.TextChoices):
    MUNICIPIO = "municipio", _("Funcionario o funcionaria municipal")
    GOBIERNO_REGIONAL = "gobierno_regional", _("Gobierno regional")
    SERVICIO_PUBLICO = "servicio_publico", _("Otro servicio público")
    ORGANIZACION = "organizacion", _("Organización de la sociedad civil")
    ACADEMIA = "academia", _("Academia")
    PERSONA = "persona", _("Persona a título individual")


class InscripcionQuerySet(models.QuerySet):
    def activas(self):
        return self.exclude(estado=EstadoInscripcion.CANCELADA)

    def confirmadas(self):
        return self.filter(estado=EstadoInscripcion.CONFIRMADA)

    def en_espera(self):
        return self.filter(estado=EstadoInscripcion.ESPERA).order_by("creada", "pk")


class Inscripcion(models.Model):
    """One person's registration for one event (personal data: see anonimizar_inscripciones)."""

    evento = models.ForeignKey(
        "eventos.EventoPage",
        verbose_name=_("evento"),
        on_delete=models.CASCADE,
        related_name="inscripciones",
    )
    # Random, never shown: the signed management link carries it instead of the id.
    codigo = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    nombre = models.CharField(_("nombre"), max_length=120)
    email = models.EmailField(_("correo electrónico"))
    miembro = models.ForeignKey(
        "red.MiembroPage",
        verbose_name=_("miembro de la Red"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organizacion = models.CharField(_("organización"), max_length=200, blank=True)
    comuna = models.ForeignKey(
        "red.Comuna",
        verbose_name=_("comuna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tipo_participante = models.CharField(
        _("tipo de participante"), max_length=20, choices=TipoParticipante.choices
    )
    necesidades_accesibilidad = models.TextField(
        _("necesidades de accesibilidad"), max_length=500, blank=True
    )
    consentimiento = models.BooleanField(_("consentimiento"), default=False)
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoInscripcion.choices, db_index=True
    )
    asistio = models.BooleanField(_("asistió"), default=False)
    creada = models.DateTimeField(_("inscrita el"), default=timezone.now, db_index=True)
    actualizada = models.DateTimeField(_("actualizada el"), auto_now=True)
    cancelada_en = models.DateTimeField(_("cancelada el"), null=True, blank=True)
    promovida_en = models.DateTimeField(
        _("promovida desde la lista de espera el"), null=True, blank=True
    )
    recordatorio_enviado = models.DateTimeField(_("recordatorio enviado el"), null=True, blank=True)
    anonimizada = models.BooleanField(_("anonimizada"), default=False)

    objects = InscripcionQuerySet.as_manager()

    class Meta:
        ordering = ["creada", "pk"]
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")
        constraints = [
            # One active registration per e-mail and event, also under concurrency.
            models.UniqueConstraint(
                fields=["evento", "email"],
                condition=~Q(estado="cancelada") & Q(anonimizada=False),
                name="eventos_una_inscripcion_activa_por_email",
            )
        ]

    def __str__(self):
        if self.anonimizada:
            return str(_("Inscripción anonimizada"))
        return f"{self.nombre} ({self.email})"

    @property
    def nombre_organizacion(self):
        return self.miembro.title if self.miembro_id else self.organizacion

    @property
    def posicion_espera(self):
        """1 for the first person on the waiting list; None when not waiting."""
        if self.estado != EstadoInscripcion.ESPERA:
            return None
        return (
            Inscripcion.objects.filter(evento_id=self.evento_id, estado=EstadoInscripcion.ESPERA)
            .filter(Q(creada__lt=self.creada) | Q(creada=self.creada, pk__lt=self.pk))
            .count()
            + 1
        )
