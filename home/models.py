"""Home page, generic content pages and site-wide settings."""

import time

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from nucleo.blocks import BaseStreamBlock
from nucleo.cache import en_cache
from nucleo.consultas import sin_restricciones
from nucleo.paginas import BasePage
from nucleo.panels import panel_lenguaje_claro


class HomePage(BasePage):
    """The front page: what the network is, live figures, the map and a call to join."""

    lista_otras_paginas = True  # its CDN copy is purged when any page is published

    intro = models.TextField(
        _("introducción"),
        max_length=400,
        help_text=_("Qué es la Red, en una o dos frases de lenguaje claro."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("página de inicio")

    def get_context(self, request, *args, **kwargs):

        from nucleo.traduccion import idioma_actual
        from red.mapa import mapa_de_comunas

        context = super().get_context(request, *args, **kwargs)
        # The map is drawn only when its cached fragment is missing.
        context["mapa"] = SimpleLazyObject(mapa_de_comunas)
        context["mapa_clave"] = "red"
        context["cifras"] = en_cache("cifras", cifras_de_la_red, idioma_actual())
        # The next events are kept a minute at most, so that one that ends drops off.
        context["minuto"] = int(time.time()) // 60
        return context


def cifras_de_la_red():
    """The figures of the home page (members, comunas taking part)."""
    from red.mapa import municipalidades_miembro
    from red.models import Comuna, MiembroPage

    return {
        "miembros": MiembroPage.objects.live()
        .filter(sin_restricciones())
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .count(),
        "comunas_participantes": len(municipalidades_miembro()),
        "comunas_total": Comuna.objects.count(),
    }


class ContentPage(BasePage):
    """A generic page: about the network, data policy, privacy, accessibility."""

    intro = models.TextField(_("introducción"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        panel_lenguaje_claro(["intro", "body"]),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("página de contenido")
        verbose_name_plural = _("páginas de contenido")


@register_setting(icon="site")
class ConfiguracionSitio(BaseSiteSetting):
    """Contact details and links shown in the footer of every page."""

    correo_contacto = models.EmailField(
        _("correo de contacto"), default="gobiernoabierto@gobiernosantiago.cl"
    )
    direccion = models.CharField(
        _("dirección"), max_length=200, default="Bandera 46, Santiago, Región Metropolitana"
    )
    aviso_footer = RichTextField(_("aviso al pie"), blank=True, features=["bold", "italic", "link"])
    pagina_privacidad = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("página de privacidad"),
    )
    pagina_accesibilidad = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("declaración de accesibilidad"),
    )

    panels = [
        MultiFieldPanel([FieldPanel("correo_contacto"), FieldPanel("direccion")], _("Contacto")),
        FieldPanel("aviso_footer"),
        FieldPanel("pagina_privacidad"),
        FieldPanel("pagina_accesibilidad"),
    ]

    class Meta:
        verbose_name = _("configuración del sitio")


# --- Lenguaje claro: the jargon list (owned by the plain-language work) ---------


class TerminoJerga(TranslatableMixin, models.Model):
    """A bureaucratic expression and a plainer alternative, editable by the coordination.

    The readability panel of the page editor flags every term of the Spanish list
    (see home/lenguaje_claro.py).
    """

    termino = models.CharField(
        _("término"),
        max_length=100,
        help_text=_(
            "La expresión que conviene evitar: «en virtud de». Un * al final encuentra "
            "cualquier terminación: «efectu*» encuentra efectuar, efectuó, efectuado."
        ),
    )
    alternativa = models.CharField(
        _("alternativa más clara"),
        max_length=200,
        help_text=_("Lo que el editor puede escribir en su lugar: «por»."),
    )
    nota = models.TextField(
        _("nota"),
        blank=True,
        help_text=_("Opcional: cuándo sí se justifica el término o un ejemplo de uso."),
    )

    panels = [FieldPanel("termino"), FieldPanel("alternativa"), FieldPanel("nota")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("término de jerga")
        verbose_name_plural = _("jerga administrativa")
        ordering = ["termino"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "termino"], name="termino_jerga_unico_por_idioma"
            )
        ]

    def __str__(self):
        return f"{self.termino} → {self.alternativa}"
