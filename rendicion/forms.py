"""The admin form of a commitment: saved timeline entries are never deleted."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nucleo.forms import PaginaForm


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
