"""Who follows a program or a commitment by e-mail, and which changes were announced.

Apart from the content models because nothing public reads them (docs/rendicion.md);
rendicion/models.py imports them so that Django registers them with the app.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Suscripcion(models.Model):
    """Someone who follows a program (every commitment) or one commitment by e-mail.

    Double opt-in: nothing is sent but the confirmation until `confirmada` is set.
    The address is seen by nobody: no admin, export, feed, API or search reads
    this table (docs/rendicion.md); unsubscribing deletes the row.
    """

    programa = models.ForeignKey(
        "rendicion.ProgramaPage", on_delete=models.CASCADE, related_name="suscripciones"
    )
    compromiso = models.ForeignKey(
        "rendicion.CompromisoPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="suscripciones",
        help_text=_("Vacío: sigue todo el programa."),
    )
    email = models.EmailField(_("correo electrónico"))
    codigo = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    creada = models.DateTimeField(default=timezone.now, editable=False)
    confirmada = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("suscripción")
        verbose_name_plural = _("suscripciones")
        constraints = [
            models.UniqueConstraint(
                fields=["programa", "compromiso", "email"], name="rendicion_sigue_una_vez"
            ),
            models.UniqueConstraint(
                fields=["programa", "email"],
                condition=models.Q(compromiso__isnull=True),
                name="rendicion_sigue_el_programa_una_vez",
            ),
        ]

    def __str__(self):
        return f"Suscripción {self.pk}"


class AvisoDeCambio(models.Model):
    """A timeline entry whose e-mail to followers went out (or was due when published).

    Kept apart from `CambioEstado` on purpose: a page's child rows are rewritten from
    its revision on every publish, which would clear a mark stored on them.
    """

    cambio = models.OneToOneField(
        "rendicion.CambioEstado", on_delete=models.CASCADE, related_name="aviso", primary_key=True
    )
    avisado = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("aviso de cambio")
        verbose_name_plural = _("avisos de cambios")

    def __str__(self):
        return f"Aviso del cambio {self.cambio_id}"
