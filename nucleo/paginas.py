"""The abstract page every page type of the site builds on, and its mixins."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, PageViewRestriction

from .consultas import rutas_restringidas
from .forms import PaginaForm


class BasePage(Page):
    """What every page of the site shares: a short plain-language intro for listings."""

    base_form_class = PaginaForm

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the breadcrumbs fragment is not kept.
        context["breadcrumbs"] = SimpleLazyObject(
            lambda: list(self.get_ancestors().filter(depth__gt=1).specific())
        )
        return context

    def get_view_restrictions(self):
        # Wagtail asks the database for the ancestors and their restrictions on
        # every request; the kept paths say at once that most pages have none.
        if self.alias_of_id or self.path.startswith(rutas_restringidas()):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
