"""The member directory of `/red/`: filters by kind and comuna, search by name.

The form is a plain GET form, so it works without JavaScript and every result
has its own address (`/red/?tipo=municipalidad&comuna=13128&nombre=renca`). An
invalid value never breaks the page: the directory shows everything that the
valid filters select and says which value it did not understand.
"""

import unicodedata

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nucleo.cache import en_cache

from .models import Comuna, TipoMiembro


def normalizar(texto):
    """Lower case without accents, so that "penalolen" finds "Peñalolén"."""
    descompuesto = unicodedata.normalize("NFKD", texto.casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


class FiltroDirectorioForm(forms.Form):
    nombre = forms.CharField(label=_("Nombre"), required=False, max_length=100, strip=True)
    tipo = forms.ChoiceField(
        label=_("Tipo de miembro"),
        required=False,
        choices=[("", _("Todos los tipos"))] + list(TipoMiembro.choices),
    )
    comuna = forms.ChoiceField(label=_("Comuna"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        comunas = en_cache(
            "comunas-directorio", lambda: list(Comuna.objects.values_list("cut", "nombre"))
        )
        self.fields["comuna"].choices = [("", _("Todas las comunas")), *comunas]
        self.fields["nombre"].widget.input_type = "search"
        self.fields["nombre"].widget.attrs.update({"autocomplete": "off"})

    def valores(self):
        """The valid values only; a bad one is dropped (and reported by `errors`)."""
        self.is_valid()
        return {
            nombre: self.cleaned_data.get(nombre, "")
            for nombre in self.fields
            if nombre not in self.errors
        }


def filtrar_miembros(miembros, valores):
    """Applies the directory filters to a MiembroPage queryset.

    The name search ignores case and accents on every database: it compares
    normalised titles in Python, which for a directory of a few hundred
    members costs one light query (ids and titles only).
    """
    if valores.get("tipo"):
        miembros = miembros.filter(tipo=valores["tipo"])
    if valores.get("comuna"):
        cut = valores["comuna"]
        miembros = miembros.filter(Q(comuna__cut=cut) | Q(comunas__cut=cut)).distinct()
    if valores.get("nombre"):
        buscado = normalizar(valores["nombre"])
        ids = [
            pk
            for pk, titulo in miembros.values_list("pk", "title")
            if buscado in normalizar(titulo)
        ]
        miembros = miembros.filter(pk__in=ids)
    return miembros
