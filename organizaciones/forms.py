"""The public registration form and the admin's verify / reject forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nucleo.rut import normalizar_rut
from nucleo.widgets import CasillasAgrupadas
from red.forms import CampoLinea, sin_caracteres_de_control, una_sola_linea
from red.models import Comuna

from .models import EstadoOrganizacion, Organizacion, OrigenOrganizacion, TipoOrganizacion

MENSAJE_LARGO = _("Use como máximo %(limit_value)d caracteres.")
COMUNA_INVALIDA = _("Esa comuna no es una de las 52 comunas de la Región Metropolitana.")
# The same words whoever registered it: nothing about the other registration.
RUT_YA_REGISTRADO = _(
    "Ese RUT ya está en el catastro. Si usted representa a la organización y sus datos "
    "no están al día, escriba a la municipalidad de su comuna o a la Coordinación de la Red."
)


def rut_valido(valor):
    """The normalized RUT; ValidationError with the Spanish message when it is not valid."""
    return normalizar_rut(valor)


class RegistroOrganizacionForm(forms.Form):
    """`/red/organizaciones/registrar/`: an organization registers itself (status pendiente)."""

    nombre = CampoLinea(
        label=_("Nombre de la organización"),
        max_length=200,
        requerido=_("Escriba el nombre de la organización."),
        help_text=_("Tal como aparece en su certificado de personalidad jurídica."),
    )
    rut = CampoLinea(
        label=_("RUT de la organización"),
        max_length=20,
        requerido=_("Escriba el RUT de la organización, con su dígito verificador."),
        help_text=_("Con o sin puntos, con el dígito verificador: por ejemplo 65.123.456-7."),
    )
    tipo = forms.ModelChoiceField(
        label=_("Tipo de organización"),
        queryset=TipoOrganizacion.objects.all(),
        to_field_name="slug",
        empty_label=_("Elija un tipo"),
        error_messages={
            "required": _("Elija el tipo de organización."),
            "invalid_choice": _("Elija uno de los tipos de la lista."),
        },
    )
    comuna = forms.ModelChoiceField(
        label=_("Comuna del domicilio de la organización"),
        queryset=Comuna.objects.all(),
        to_field_name="cut",
        empty_label=_("Elija una comuna"),
        help_text=_("La municipalidad de esta comuna revisará el registro."),
        error_messages={
            "required": _("Elija la comuna del domicilio de la organización."),
            "invalid_choice": COMUNA_INVALIDA,
        },
    )
    comunas = forms.ModelMultipleChoiceField(
        label=_("Otras comunas donde trabaja (opcional)"),
        queryset=Comuna.objects.all(),
        to_field_name="cut",
        required=False,
        widget=CasillasAgrupadas,
        error_messages={"invalid_choice": COMUNA_INVALIDA, "invalid_pk_value": COMUNA_INVALIDA},
    )
    registro = CampoLinea(
        label=_("Dónde está inscrita su personalidad jurídica (opcional)"),
        max_length=150,
        requerido="",
        required=False,
        help_text=_("Por ejemplo: Registro Civil o Secretaría Municipal de Renca."),
    )
    numero_registro = CampoLinea(
        label=_("Número de inscripción (opcional)"),
        max_length=50,
        requerido="",
        required=False,
    )
    directiva_vence = forms.DateField(
        label=_("Fecha en que termina el periodo de la directiva (opcional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Escriba la fecha como año-mes-día, por ejemplo 2027-03-31."),
        error_messages={"invalid": _("Escriba la fecha como año-mes-día, por ejemplo 2027-03-31.")},
    )
    descripcion = forms.CharField(
        label=_("Qué hace la organización (opcional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[sin_caracteres_de_control],
        help_text=_("Se publica en el directorio. Máximo 2000 caracteres."),
        error_messages={"max_length": MENSAJE_LARGO},
    )
    contacto_nombre = CampoLinea(
        label=_("Nombre de quien representa a la organización"),
        max_length=120,
        requerido=_("Escriba el nombre de quien representa a la organización."),
    )
    contacto_email = forms.EmailField(
        label=_("Correo de quien representa a la organización"),
        max_length=254,
        help_text=_("No se publica. Le escribiremos aquí para confirmar y revalidar el registro."),
        error_messages={
            "required": _("Escriba el correo de quien representa a la organización."),
            "invalid": _("Escriba un correo válido, por ejemplo nombre@organizacion.cl."),
            "max_length": MENSAJE_LARGO,
        },
    )
    contacto_telefono = CampoLinea(
        label=_("Teléfono (opcional)"),
        max_length=30,
        requerido="",
        required=False,
        help_text=_("No se publica."),
    )
    consentimiento = forms.BooleanField(
        label=_(
            "Autorizo a la Coordinación de la Red (Gobierno de Santiago) y a la municipalidad "
            "de la comuna a tratar los datos de contacto de este formulario solo para verificar "
            "y mantener al día el registro de la organización (Ley 19.628). Los datos de "
            "contacto no se publican."
        ),
        error_messages={
            "required": _(
                "Para registrar la organización debe autorizar el tratamiento de los datos "
                "de contacto."
            )
        },
    )
    # Honeypot, as in the join form: hidden from people; bots fill it.
    sitio_web = forms.CharField(
        label=_("Deje este campo vacío"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_rut(self):
        rut = rut_valido(self.cleaned_data["rut"])
        if Organizacion.objects.filter(rut=rut).exists():
            raise ValidationError(RUT_YA_REGISTRADO, code="registrado")
        return rut

    def es_bot(self):
        return bool(self.data.get("sitio_web"))

    def guardar(self):
        datos = self.cleaned_data
        organizacion = Organizacion(
            nombre=datos["nombre"].strip(),
            rut=datos["rut"],
            tipo=datos["tipo"],
            comuna=datos["comuna"],
            registro=datos["registro"].strip(),
            numero_registro=datos["numero_registro"].strip(),
            directiva_vence=datos["directiva_vence"],
            descripcion=datos["descripcion"].strip(),
            contacto_nombre=datos["contacto_nombre"].strip(),
            contacto_email=datos["contacto_email"],
            contacto_telefono=datos["contacto_telefono"].strip(),
            consentimiento=True,
            estado=EstadoOrganizacion.PENDIENTE,
            origen=OrigenOrganizacion.FORMULARIO,
        )
        # What an anonymous visitor sends never makes the site's cache cold
        # (docs/cache.md): the directory shows it when its cached page expires.
        organizacion.sin_invalidar_cache = True
        organizacion.save()
        organizacion.comunas.set({datos["comuna"], *datos["comunas"]})
        return organizacion


class VerificacionForm(forms.Form):
    """What the reviewer checked: a note (required) and the document (optional)."""

    evidencia_nota = forms.CharField(
        label=_("Qué revisó"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[sin_caracteres_de_control],
        help_text=_(
            "Por ejemplo: «Certificado de vigencia del Registro Civil, emitido el 3 de marzo "
            "de 2025; directiva vigente hasta 2027»."
        ),
        error_messages={
            "required": _("Escriba qué revisó para verificar la organización."),
            "max_length": MENSAJE_LARGO,
        },
    )
    evidencia = forms.ModelChoiceField(
        label=_("Documento revisado (opcional)"),
        queryset=None,
        required=False,
        help_text=_("Súbalo antes a «Documentos», en la colección de su municipalidad."),
    )
    directiva_vence = forms.DateField(
        label=_("Vencimiento de la directiva"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Escriba la fecha como año-mes-día, por ejemplo 2027-03-31.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        from wagtail.documents import get_document_model
        from wagtail.permissions import policy_registry

        documentos = policy_registry.get_by_type(get_document_model())
        self.fields["evidencia"].queryset = (
            documentos.instances_user_has_permission_for(user, "choose")
            if user is not None
            else get_document_model().objects.none()
        ).order_by("-created_at")


class RechazoForm(forms.Form):
    motivo_rechazo = forms.CharField(
        label=_("Motivo del rechazo"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        validators=[sin_caracteres_de_control],
        help_text=_("Se envía a quien representa a la organización. Escríbalo en lenguaje claro."),
        error_messages={
            "required": _("Escriba el motivo del rechazo: se envía a la organización."),
            "max_length": MENSAJE_LARGO,
        },
    )


__all__ = ["RegistroOrganizacionForm", "VerificacionForm", "RechazoForm", "una_sola_linea"]
