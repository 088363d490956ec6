"""The published status scale of a commitment and its colours (docs/rendicion.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Estado(models.TextChoices):
    """The published scale: progress states first, then the verdicts (docs/rendicion.md)."""

    SIN_INFORMACION = "sin_informacion", _("Sin información")
    NO_INICIADO = "no_iniciado", _("No iniciado")
    EN_DISENO = "en_diseno", _("En diseño")
    EN_EJECUCION = "en_ejecucion", _("En ejecución")
    CUMPLIDO = "cumplido", _("Cumplido")
    PARCIALMENTE_CUMPLIDO = "parcialmente_cumplido", _("Parcialmente cumplido")
    NO_CUMPLIDO = "no_cumplido", _("No cumplido")


COLORES_ESTADO = {
    Estado.SIN_INFORMACION: "#6b6b6b",
    Estado.NO_INICIADO: "#8a4b00",
    Estado.EN_DISENO: "#5a3d8a",
    Estado.EN_EJECUCION: "#0b5cad",
    Estado.CUMPLIDO: "#1a6b2f",
    Estado.PARCIALMENTE_CUMPLIDO: "#6b5a00",
    Estado.NO_CUMPLIDO: "#a1142b",
}
