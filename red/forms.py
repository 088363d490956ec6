"""Forms of the network: the public application to join, and the coordination's review."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nucleo.rut import normalizar_rut
from nucleo.widgets import CasillasAgrupadas, OpcionesAgrupadas

from .models import Comuna, MiembroPage, TipoMiembro
from .solicitudes import TIPOS_SOLICITUD, EstadoSolicitud, SolicitudIngreso

# Line breaks and other control characters: nothing that could end up as a new
# e-mail header or a forged log line.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_MULTILINEA = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def una_sola_linea(valor):
    if _CONTROL.search(valor or ""):
        raise ValidationError(
            _("Escriba este dato en una sola línea, sin saltos de línea."), code="una_linea"
        )


def sin_caracteres_de_control(valor):
    if _CONTROL_MULTILINEA.search(valor or ""):
        raise ValidationError(_("El texto tiene caracteres no permitidos."), code="control")


class CampoLinea(forms.CharField):
    """A one-line text field with its own Spanish messages."""

    def __init__(self, *, max_length, requerido, **kwargs):
        super().__init__(
            max_length=max_length,
            validators=[una_sola_linea],
            error_messages={
                "required": requerido,
                "max_length": _("Use como máximo %(limit_value)d caracteres."),
            },
            **kwargs,
        )


class SolicitudIngresoForm(forms.Form):
    """`/red/unete/`: an organization or municipality asks to join the network."""

    nombre = CampoLinea(
        label=_("Nombre de la organización o municipalidad"),
        max_length=150,
        requerido=_("Escriba el nombre de la organización o municipalidad."),
    )
    tipo = forms.ChoiceField(
        label=_("Tipo de organización"),
        choices=TIPOS_SOLICITUD,
        widget=OpcionesAgrupadas,
        error_messages={
            "required": _("Elija el tipo de organización."),
            "invalid_choice": _("Elija uno de los tipos de la lista."),
        },
    )
    comunas = forms.ModelMultipleChoiceField(
        label=_("Comuna o comunas donde trabaja"),
        queryset=Comuna.objects.all(),
        to_field_name="cut",
        widget=CasillasAgrupadas,
        help_text=_("Una municipalidad marca solo su comuna."),
        error_messages={
            "required": _("Marque al menos una comuna."),
            "invalid_choice": _(
                "Esa comuna no es una de las 52 comunas de la Región Metropolitana."
            ),
            "invalid_pk_value": _(
                "Esa comuna no es una de las 52 comunas de la Región Metropolitana."
            ),
        },
    )
    rut = CampoLinea(
        label=_("RUT de la organización"),
        max_length=20,
        requerido=_("Escriba el RUT de la organización, con su dígito verificador."),
        help_text=_("Con o sin puntos, con el dígito verificador: por ejemplo 69.070.100-6."),
    )
    contacto_nombre = CampoLinea(
        label=_("Nombre de la persona de contacto"),
        max_length=120,
        requerido=_("Escriba el nombre de la persona de contacto."),
    )
    contacto_email = forms.EmailField(
        label=_("Correo de la persona de contacto"),
        max_length=254,
        help_text=_("Le enviaremos aquí la respuesta y, si se aprueba, la invitación."),
        error_messages={
            "required": _("Escriba el correo de la persona de contacto."),
            "invalid": _("Escriba un correo válido, por ejemplo nombre@municipio.cl."),
            "max_length": _("Use como máximo %(limit_value)d caracteres."),
        },
    )
    que_compartir = forms.CharField(
        label=_("¿Qué quieren compartir con la Red?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[sin_caracteres_de_control],
        help_text=_("Prácticas, herramientas, datos o eventos (máximo 2000 caracteres)."),
        error_messages={
            "required": _("Cuéntenos brevemente qué quieren compartir."),
            "max_length": _("Use como máximo %(limit_value)d caracteres."),
        },
    )
    consentimiento = forms.BooleanField(
        label=_(
            "Autorizo a la Coordinación de la Red (Gobierno de Santiago) a tratar los datos "
            "de contacto de este formulario solo para responder esta solicitud y, si se "
            "aprueba, para administrar la cuenta de edición (Ley 19.628)."
        ),
        error_messages={
            "required": _(
                "Para enviar la solicitud debe autorizar el tratamiento de los datos de contacto."
            )
        },
    )
    # Honeypot: hidden from people (and from assistive technology); bots fill it.
    sitio_web = forms.CharField(
        label=_("Deje este campo vacío"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_rut(self):
        rut = normalizar_rut(self.cleaned_data["rut"])
        if SolicitudIngreso.objects.filter(rut=rut, estado=EstadoSolicitud.PENDIENTE).exists():
            raise ValidationError(
                _(
                    "Ya recibimos una solicitud con ese RUT y la Coordinación de la Red la está "
                    "revisando. Le escribiremos al correo de contacto de esa solicitud."
                ),
                code="pendiente",
            )
        if rut_de_miembro_existente(rut):
            raise ValidationError(
                _(
                    "Ese RUT ya es de un miembro de la Red. Si necesita una cuenta de edición, "
                    "escriba a la Coordinación de la Red."
                ),
                code="miembro",
            )
        return rut

    def clean(self):
        datos = super().clean()
        comunas = datos.get("comunas")
        if datos.get("tipo") == TipoMiembro.MUNICIPALIDAD and comunas:
            if len(comunas) > 1:
                self.add_error(
                    "comunas", _("Una municipalidad marca solo su comuna: deje marcada una.")
                )
            elif MiembroPage.objects.filter(comuna__in=comunas).exists():
                self.add_error(
                    "comunas",
                    _(
                        "La municipalidad de esa comuna ya es miembro de la Red. Si necesita "
                        "una cuenta de edición, escriba a la Coordinación de la Red."
                    ),
                )
        return datos

    def es_bot(self):
        return bool(self.data.get("sitio_web"))

    def guardar(self):
        datos = self.cleaned_data
        solicitud = SolicitudIngreso.objects.create(
            nombre=datos["nombre"].strip(),
            tipo=datos["tipo"],
            rut=datos["rut"],
            contacto_nombre=datos["contacto_nombre"].strip(),
            contacto_email=datos["contacto_email"],
            que_compartir=datos["que_compartir"].strip(),
            consentimiento=True,
        )
        solicitud.comunas.set(datos["comunas"])
        return solicitud


def rut_de_miembro_existente(rut):
    """True when a member page (or an approved application) already has this RUT."""
    if SolicitudIngreso.objects.filter(rut=rut, estado=EstadoSolicitud.APROBADA).exists():
        return True
    for escrito in MiembroPage.objects.exclude(rut="").values_list("rut", flat=True):
        try:
            if normalizar_rut(escrito) == rut:
                return True
        except ValidationError:
            continue
    return False


class RechazoForm(forms.Form):
    motivo = forms.CharField(
        label=_("Motivo del rechazo"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[sin_caracteres_de_control],
        help_text=_("Se envía a la persona de contacto. Escríbalo en lenguaje claro."),
        error_messages={
            "required": _("Escriba el motivo del rechazo: se envía a la persona de contacto."),
            "max_length": _("Use como máximo %(limit_value)d caracteres."),
        },
    )


class AprobacionForm(forms.Form):
    motivo = forms.CharField(
        label=_("Nota para la persona de contacto (opcional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[sin_caracteres_de_control],
        error_messages={"max_length": _("Use como máximo %(limit_value)d caracteres.")},
    )
