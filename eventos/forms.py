"""The public registration form of an event."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from nucleo.consultas import sin_restricciones
from nucleo.texto import normalizar_email
from red.forms import una_sola_linea
from red.models import Comuna, MiembroPage

from .models import Inscripcion

# Hidden from people (CSS and aria-hidden); bots that fill every field fill it.
CAMPO_TRAMPA = "sitio_web"


class InscripcionForm(forms.ModelForm):
    miembro = forms.ModelChoiceField(
        label=_("Organización miembro de la Red"),
        queryset=MiembroPage.objects.none(),
        required=False,
        empty_label=_("— No es miembro o no está en la lista —"),
    )
    consentimiento = forms.BooleanField(
        label=_(
            "Acepto que la Red trate mis datos para gestionar esta inscripción, según la "
            "Ley 19.628 y la Ley 21.719 de protección de datos personales."
        ),
        required=True,
        error_messages={
            "required": _("Debe aceptar el tratamiento de sus datos para inscribirse.")
        },
    )
    sitio_web = forms.CharField(label=_("No llene este campo"), required=False)

    def clean_nombre(self):
        una_sola_linea(self.cleaned_data.get("nombre"))
        return self.cleaned_data.get("nombre")

    def clean_email(self):
        # Stored and compared without case, compatibility forms or invisible characters.
        return normalizar_email(self.cleaned_data.get("email"))

    def clean_organizacion(self):
        una_sola_linea(self.cleaned_data.get("organizacion"))
        return self.cleaned_data.get("organizacion")

    class Meta:
        model = Inscripcion
        fields = [
            "nombre",
            "email",
            "miembro",
            "organizacion",
            "comuna",
            "tipo_participante",
            "necesidades_accesibilidad",
            "consentimiento",
        ]
        labels = {
            "nombre": _("Nombre y apellido"),
            "organizacion": _("Otra organización o institución"),
            "necesidades_accesibilidad": _("¿Necesita algún apoyo de accesibilidad?"),
        }
        help_texts = {
            "email": _("Le enviaremos la confirmación y el enlace para cancelar."),
            "organizacion": _("Si no es miembro de la Red. Opcional."),
            "necesidades_accesibilidad": _(
                "Ej.: intérprete de lengua de señas, acceso sin escaleras. Opcional."
            ),
        }
        widgets = {"necesidades_accesibilidad": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["miembro"].queryset = (
            MiembroPage.objects.live()
            .filter(sin_restricciones())
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .order_by("title")
        )
        self.fields["comuna"].queryset = Comuna.objects.all()
        self.fields["comuna"].empty_label = _("— Elija su comuna —")
        self.fields["comuna"].required = True
        self.fields["tipo_participante"].choices = [("", _("— Elija una opción —"))] + list(
            self.fields["tipo_participante"].choices
        )[1:]
        self.fields["nombre"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organizacion"].widget.attrs["autocomplete"] = "organization"
        trampa = self.fields[CAMPO_TRAMPA].widget.attrs
        trampa.update({"autocomplete": "off", "tabindex": "-1"})

    def es_bot(self):
        return bool(self.data.get(CAMPO_TRAMPA))

    def datos(self):
        datos = {k: v for k, v in self.cleaned_data.items() if k != CAMPO_TRAMPA}
        return datos
