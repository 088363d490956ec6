"""Widgets of the public forms."""

from django import forms


class _UnGrupoAnunciaElError:
    """Django marks every option of an invalid choice aria-invalid, so a screen reader
    says «no válido» 52 times in a list of comunas. The options go without it: the
    template's fieldset carries the error once (its legend and aria-describedby)."""

    def optgroups(self, name, value, attrs=None):
        attrs = {k: v for k, v in (attrs or {}).items() if k != "aria-invalid"}
        return super().optgroups(name, value, attrs)


class CasillasAgrupadas(_UnGrupoAnunciaElError, forms.CheckboxSelectMultiple):
    pass


class OpcionesAgrupadas(_UnGrupoAnunciaElError, forms.RadioSelect):
    pass
