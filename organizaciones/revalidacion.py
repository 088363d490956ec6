"""Yearly revalidation: the reminder before a verification lapses, and the lapse itself.

A verified organization lapses (`vencida`) when its board's term has ended or
its last verification is older than DIAS_VIGENCIA_VERIFICACION days. Its
representative is reminded once, `dias_aviso` days before the earlier of the
two dates (or at the lapse, if the reminder was never sent); a new
verification clears the reminder for the next year.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.log_actions import log

from nucleo.cache import invalidar_paginas
from nucleo.correo import enviar_correo

from .models import DIAS_VIGENCIA_VERIFICACION, EstadoOrganizacion, Organizacion


def _por_vencer(hasta_fecha, hasta_momento):
    return Organizacion.objects.filter(estado=EstadoOrganizacion.VERIFICADA).filter(
        Q(directiva_vence__lt=hasta_fecha) | Q(verificada__lt=hasta_momento)
    )


def recordar_revalidacion(dias_aviso=30):
    """Sends the reminder to organizations lapsing within `dias_aviso` days; once each."""
    ahora = timezone.now()
    limite = ahora - timedelta(days=DIAS_VIGENCIA_VERIFICACION - dias_aviso)
    pendientes = _por_vencer(timezone.localdate() + timedelta(days=dias_aviso), limite).filter(
        recordatorio_enviado__isnull=True
    )
    enviados = 0
    for org in pendientes.select_related("comuna").iterator():
        if org.contacto_email:
            with override(settings.LANGUAGE_CODE):
                enviar_correo.enqueue(
                    _("Revalide el registro de su organización en el catastro"),
                    render_to_string(
                        "organizaciones/correos/revalidacion.txt",
                        {"organizacion": org, "base_url": settings.WAGTAILADMIN_BASE_URL},
                    ),
                    [org.contacto_email],
                )
            enviados += 1
        Organizacion.objects.filter(pk=org.pk).update(recordatorio_enviado=ahora)
    return enviados


def vencer():
    """Marks lapsed organizations `vencida`; returns (by board term, by year without review)."""
    hoy = timezone.localdate()
    hace_un_ano = timezone.now() - timedelta(days=DIAS_VIGENCIA_VERIFICACION)
    verificadas = Organizacion.objects.filter(estado=EstadoOrganizacion.VERIFICADA)
    por_directiva = list(verificadas.filter(directiva_vence__lt=hoy))
    por_plazo = list(
        verificadas.filter(verificada__lt=hace_un_ano).exclude(directiva_vence__lt=hoy)
    )
    for lista, motivo in (
        (por_directiva, "Terminó el periodo de la directiva."),
        (por_plazo, "Pasó un año desde la última verificación."),
    ):
        for org in lista:
            org.estado = EstadoOrganizacion.VENCIDA
            org.motivo_vencimiento = motivo
            org.save(update_fields=["estado", "motivo_vencimiento", "actualizada"])
            log(instance=org, action="organizaciones.vencida")
    if por_directiva or por_plazo:
        invalidar_paginas()
    return len(por_directiva), len(por_plazo)
