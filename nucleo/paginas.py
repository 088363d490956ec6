"""The abstract page every page type of the site builds on, and its mixins.

The mixins hold the fields that several page types write the same way (an
institutional contact, a licence, the demo flag). They are plain abstract
models: a concrete page lists the ones it needs before `BasePage`, and
declares its own `translatable_fields` (see docs/arquitectura.md, "Mixins de
página").
"""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .consultas import rutas_restringidas
from .forms import PaginaForm
from .texto import una_linea


class BasePage(Page):
    """What every page of the site shares: a short plain-language intro for listings."""

    base_form_class = PaginaForm

    # What wagtail-localize translates of Wagtail's own page fields; each page
    # type starts its `translatable_fields` with these.
    campos_traducibles_de_pagina = [
        TranslatableField("title"),
        TranslatableField("slug"),
        SynchronizedField("show_in_menus"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
    ]

    class Meta:
        abstract = True

    def limpiar_lineas(self):
        """Titles and every other one-line field lose line breaks and control characters.

        Run before validation (the admin's revisions) and before every save (the
        API, commands, code): a CR/LF in a title must never reach an iCal file,
        an e-mail subject or a header.
        """
        for campo in self._meta.concrete_fields:
            if isinstance(campo, models.CharField) and not campo.choices:
                valor = getattr(self, campo.attname)
                limpio = una_linea(valor)
                if limpio != valor:
                    setattr(self, campo.attname, limpio)

    def full_clean(self, *args, **kwargs):
        self.limpiar_lineas()
        return super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        self.limpiar_lineas()
        return super().save(*args, **kwargs)

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


class IndiceDeSeccion(models.Model):
    """The one listing page of a section (`/practicas/`, `/eventos/`…): an intro, no children.

    Its CDN copy is purged whenever any page is published, since any page may
    appear in it. Each section says where its index lives (`parent_page_types`).
    """

    lista_otras_paginas = True

    intro = models.TextField(_("introducción"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class ContactoInstitucional(models.Model):
    """An institutional contact (a unit, never a person's own address or phone)."""

    contacto_nombre = models.CharField(
        _("unidad o persona de contacto"),
        max_length=120,
        blank=True,
        help_text=_("Un contacto institucional, no personal: ej. «Dirección de Participación»."),
    )
    contacto_email = models.EmailField(_("correo institucional"), blank=True)
    contacto_telefono = models.CharField(_("teléfono institucional"), max_length=30, blank=True)

    # The name of a unit is translated; an address and a phone number are not.
    campos_traducibles_de_contacto = [
        TranslatableField("contacto_nombre"),
        SynchronizedField("contacto_email"),
        SynchronizedField("contacto_telefono"),
    ]

    class Meta:
        abstract = True

    @staticmethod
    def panel_contacto(*antes):
        """The editor's "Contacto institucional" box, after the given panels."""
        return MultiFieldPanel(
            [
                *antes,
                FieldPanel("contacto_nombre"),
                FieldPanel("contacto_email"),
                FieldPanel("contacto_telefono"),
            ],
            heading=_("Contacto institucional"),
        )


class Licencia(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Atribución 4.0 (CC BY 4.0)")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Atribución-CompartirIgual 4.0 (CC BY-SA 4.0)")
    CC0 = "CC0-1.0", _("Dominio público (CC0 1.0)")


LICENCIA_URL = {
    Licencia.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.es",
    Licencia.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.es",
    Licencia.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.es",
}


class ConLicencia(models.Model):
    """Content others may reuse, under an open licence (CC BY 4.0 unless the editor says)."""

    licencia = models.CharField(
        _("licencia"), max_length=16, choices=Licencia.choices, default=Licencia.CC_BY
    )

    class Meta:
        abstract = True

    @property
    def licencia_url(self):
        return LICENCIA_URL.get(self.licencia, "")


def campo_demo(help_text=""):
    """The demo flag; a page type may say in its help text what it marks."""
    return models.BooleanField(_("contenido de demostración"), default=False, help_text=help_text)


class ContenidoDemo(models.Model):
    """Marks invented content, so that the demo can be told apart and removed."""

    es_demo = campo_demo()

    class Meta:
        abstract = True
