"""Changes of status, with who, when and why, and the e-mails they send.

pendiente → verificada | rechazada   (the municipality of its comuna, or the coordination)
verificada → vencida                 (`vencer_organizaciones`: board term ended, or a year
                                      since the last verification)
vencida | rechazada → verificada     (a new verification, with new evidence)
verificada → rechazada               (a verification found wrong)

Every change is written to Wagtail's audit log (ModelLogEntry) as well.
"""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.log_actions import log

from nucleo.correo import enviar_correo

from .models import EstadoOrganizacion, Organizacion


class CambioNoPermitido(Exception):
    """The organization is not in a status this change starts from."""


def entidad_de(user, organizacion):
    """Who the public sees as the reviewer: the municipality of the comuna or the coordination."""
    from .permisos import comunas_del_usuario

    # Stored once, in Spanish, whatever the language of the reviewer's admin.
    with override(settings.LANGUAGE_CODE):
        if comunas_del_usuario(user) is None:
            return str(_("Coordinación de la Red"))
        return _("Municipalidad de %(comuna)s") % {"comuna": organizacion.comuna.nombre}


@transaction.atomic
def verificar(organizacion, user, nota, documento=None, directiva_vence=None):
    org = Organizacion.objects.select_for_update().get(pk=organizacion.pk)
    org.estado = EstadoOrganizacion.VERIFICADA
    org.verificada_por = user
    org.verificada = timezone.now()
    org.verificada_por_entidad = entidad_de(user, org)
    org.evidencia = documento
    org.evidencia_nota = nota
    org.motivo_rechazo = ""
    org.motivo_vencimiento = ""
    org.recordatorio_enviado = None
    if directiva_vence:
        org.directiva_vence = directiva_vence
    org.save()
    log(instance=org, action="organizaciones.verificada", user=user)
    return org


@transaction.atomic
def rechazar(organizacion, user, motivo):
    org = Organizacion.objects.select_for_update().get(pk=organizacion.pk)
    if org.estado == EstadoOrganizacion.RECHAZADA:
        raise CambioNoPermitido
    org.estado = EstadoOrganizacion.RECHAZADA
    org.verificada_por = user
    org.verificada = timezone.now()
    org.verificada_por_entidad = entidad_de(user, org)
    org.motivo_rechazo = motivo
    org.save()
    log(instance=org, action="organizaciones.rechazada", user=user)
    contexto = {"organizacion": org, "base_url": settings.WAGTAILADMIN_BASE_URL}
    transaction.on_commit(
        lambda: enviar_correo.enqueue(
            _("Su registro en el catastro de organizaciones no fue aprobado"),
            render_to_string("organizaciones/correos/rechazada.txt", contexto),
            [org.contacto_email],
        )
    )
    return org


def avisar_registro(organizacion):
    """Confirmation to the representative: the organization's name and what happens next.

    Nothing in it can be used by someone who typed another person's address: no
    link to act on, no data beyond what the public directory shows.
    """
    contexto = {"organizacion": organizacion, "base_url": settings.WAGTAILADMIN_BASE_URL}
    enviar_correo.enqueue(
        _("Recibimos el registro de su organización en el catastro"),
        render_to_string("organizaciones/correos/registro_recibido.txt", contexto),
        [organizacion.contacto_email],
    )
