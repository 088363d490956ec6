"""Replications: the members that repeated a practice, which show how practices spread."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .practica import PracticaPage


class EstadoReplicacion(models.TextChoices):
    REPLICADA = "replicada", _("Replicada")
    EN_PROCESO = "en_proceso", _("En proceso")


class Replicacion(Orderable):
    """A member that repeated (or is repeating) a practice in its own comuna."""

    practica = ParentalKey(PracticaPage, on_delete=models.CASCADE, related_name="replicaciones")
    miembro = models.ForeignKey(
        "red.MiembroPage",
        verbose_name=_("miembro que la replica"),
        on_delete=models.CASCADE,
        related_name="replicaciones",
    )
    comuna = models.ForeignKey(
        "red.Comuna",
        verbose_name=_("comuna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Si lo deja vacío se usa la comuna de la municipalidad."),
    )
    estado = models.CharField(
        _("estado"),
        max_length=12,
        choices=EstadoReplicacion.choices,
        default=EstadoReplicacion.EN_PROCESO,
    )
    fecha = models.DateField(_("fecha"), null=True, blank=True)
    nota = models.TextField(
        _("nota"), max_length=500, blank=True, help_text=_("Qué adaptaron o qué aprendieron.")
    )
    practica_propia = models.ForeignKey(
        PracticaPage,
        verbose_name=_("su propia práctica"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Opcional: la página donde ese miembro cuenta su versión."),
    )

    panels = [
        PageChooserPanel("miembro", "red.MiembroPage"),
        FieldRowPanel([FieldPanel("estado"), FieldPanel("fecha"), FieldPanel("comuna")]),
        FieldPanel("nota"),
        PageChooserPanel("practica_propia", "practicas.PracticaPage"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("replicación")
        verbose_name_plural = _("replicaciones")

    def __str__(self):
        return f"{self.miembro} → {self.practica}"

    def save(self, *args, **kwargs):
        if self.comuna_id is None and self.miembro_id and self.miembro.comuna_id:
            self.comuna_id = self.miembro.comuna_id
        super().save(*args, **kwargs)
