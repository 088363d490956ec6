"""The admin form of a commitment (saved timeline entries are never deleted) and the
public form to follow a program by e-mail."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nucleo.forms import PaginaForm
from nucleo.texto import normalizar_email


class CompromisoForm(PaginaForm):
    def clean(self):
        datos = super().clean()
        formset = self.formsets.get("cambios")
        if formset is not None and self.instance.pk:
            from .models import CambioEstado

            guardadas = set(
                CambioEstado.objects.filter(compromiso=self.instance).values_list("pk", flat=True)
            )
            conservadas = {
                f.instance.pk
                for f in formset.forms
                if f.instance.pk and not ("DELETE" in f.fields and f["DELETE"].value())
            }
            if guardadas - conservadas:
                raise ValidationError(
                    _(
                        "Una entrada del historial no se borra: agregue una nueva entrada que "
                        "diga qué corrige."
                    )
                )
        return datos


class SeguirForm(forms.Form):
    """Follow a program or a commitment: an address and consent, nothing else."""

    email = forms.EmailField(
        label=_("Su correo electrónico"),
        max_length=254,
        help_text=_(
            "Le enviaremos un enlace para confirmar. No mostramos ni compartimos su correo."
        ),
        error_messages={
            "required": _("Escriba su correo electrónico."),
            "invalid": _("Escriba un correo válido, por ejemplo nombre@ejemplo.cl."),
        },
    )
    consentimiento = forms.BooleanField(
        label=_(
            "Acepto que la Red guarde mi correo solo para avisarme de estos cambios, según la "
            "Ley 19.628 y la Ley 21.719 de protección de datos personales."
        ),
        error_messages={"required": _("Debe aceptar el uso de su correo para seguir los cambios.")},
    )
    # Hidden from people (CSS and aria-hidden); bots that fill every field fill it.
    sitio_web = forms.CharField(label=_("No llene este campo"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["sitio_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    def clean_email(self):
        # Stored and compared without case, compatibility forms or invisible characters.
        return normalizar_email(self.cleaned_data.get("email"))

    def es_bot(self):
        return bool(self.data.get("sitio_web"))
