"""The page editor's form, shared by every page type of the site."""

from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin


class PaginaForm(WagtailAdminPageForm):
    """Offers the translatable snippets a page points to (axes, SDG targets) in the
    page's own language only: once they are translated, a Spanish page would
    otherwise list «Transparencia» and «Transparency» side by side.

    Whatever the page already points to stays on the list, so saving never drops
    a choice made before (wagtail-localize copies the Spanish ones into translations).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return
        for nombre, campo in self.fields.items():
            modelo = getattr(getattr(campo, "queryset", None), "model", None)
            if modelo is None or not issubclass(modelo, TranslatableMixin):
                continue
            if issubclass(modelo, Page) or not hasattr(campo, "label_from_instance"):
                continue
            elegidos = [getattr(o, "pk", o) for o in self.initial.get(nombre) or []]
            campo.queryset = campo.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=elegidos))
