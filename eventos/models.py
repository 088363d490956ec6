"""Training and exchange events of the network and their calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from home.models import BasePage


class EventoIndexPage(BasePage):
    """`/eventos/`: the calendar of the network's events."""

    intro = models.TextField(_("introducción"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("calendario de eventos")


class EventoPage(BasePage):
    """A training or exchange event that organizations register for."""

    resumen = models.TextField(_("resumen"), max_length=400)
    inicio = models.DateTimeField(_("inicio"))
    fin = models.DateTimeField(_("término"))
    es_demo = models.BooleanField(_("contenido de demostración"), default=False)

    content_panels = BasePage.content_panels + [
        FieldPanel("resumen"),
        FieldPanel("inicio"),
        FieldPanel("fin"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("resumen")]

    parent_page_types = ["red.MiembroPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")
