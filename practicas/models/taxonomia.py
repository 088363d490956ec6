"""The axes of open government and the SDG targets that classify practices, tools and events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Eje(TranslatableMixin, models.Model):
    """An axis of open government (Transparencia, Participación ciudadana…)."""

    campo_en_datos = "slug"  # its key in the open-data files

    nombre = models.CharField(_("nombre"), max_length=80)
    slug = models.SlugField(max_length=80)
    descripcion = models.TextField(_("descripción"), blank=True)

    panels = [FieldPanel("nombre"), FieldPanel("slug"), FieldPanel("descripcion")]

    # The slug is the axis in URLs (`?eje=transparencia`): the same in every
    # language, so a link or a filter works whichever version a page points to.
    translatable_fields = [
        TranslatableField("nombre"),
        SynchronizedField("slug"),
        TranslatableField("descripcion"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["nombre"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
        verbose_name = _("eje")
        verbose_name_plural = _("ejes")

    def __str__(self):
        return self.nombre


@register_snippet
class MetaODS(TranslatableMixin, models.Model):
    """A target of Sustainable Development Goals 16 and 17 (e.g. 16.6)."""

    campo_en_datos = "codigo"  # its key in the open-data files

    codigo = models.CharField(_("código"), max_length=8, help_text=_("Por ejemplo: 16.6"))
    nombre = models.TextField(_("nombre oficial"))

    panels = [FieldPanel("codigo"), FieldPanel("nombre")]
    translatable_fields = [SynchronizedField("codigo"), TranslatableField("nombre")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["codigo"]
        unique_together = [("translation_key", "locale"), ("codigo", "locale")]
        verbose_name = _("meta ODS")
        verbose_name_plural = _("metas ODS")

    def __str__(self):
        return f"{self.codigo} {self.nombre}"
