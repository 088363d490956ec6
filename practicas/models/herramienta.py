"""Shared tools (`/herramientas/`): guides, templates, methodologies, software,
datasets and training material that members publish for others to reuse.

A tool is a page below its member's page (ownership is the page tree). A
dataset also carries the DCAT fields that `/datos/catalogo.jsonld` publishes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.paginas import BasePage, ConLicencia, ContenidoDemo, IndiceDeSeccion
from nucleo.panels import panel_lenguaje_claro
from nucleo.traduccion import en_idioma

from ..api import PaginasPublicasAPI, api_nombres
from ..blocks import MaterialesBlock


class TipoHerramienta(models.TextChoices):
    GUIA = "guia", _("Guía")
    PLANTILLA = "plantilla", _("Plantilla")
    METODOLOGIA = "metodologia", _("Metodología")
    SOFTWARE = "software", _("Software")
    DATOS = "datos", _("Conjunto de datos")
    FORMACION = "formacion", _("Material de formación")


class Frecuencia(models.TextChoices):
    """Update frequencies, as the EU/DCAT frequency vocabulary names them."""

    CONTINUA = "CONT", _("Continua")
    DIARIA = "DAILY", _("Diaria")
    SEMANAL = "WEEKLY", _("Semanal")
    MENSUAL = "MONTHLY", _("Mensual")
    TRIMESTRAL = "QUARTERLY", _("Trimestral")
    ANUAL = "ANNUAL", _("Anual")
    IRREGULAR = "IRREG", _("Irregular")
    NUNCA = "NEVER", _("No se actualiza")


class Formato(models.Model):
    """A file format (PDF, CSV, XLSX…): a fixed list loaded by a migration."""

    campo_en_datos = "codigo"  # its key in the open-data files

    codigo = models.CharField(_("código"), max_length=12, unique=True)
    nombre = models.CharField(_("nombre"), max_length=80)
    media_type = models.CharField(_("tipo de medio (MIME)"), max_length=120, blank=True)

    class Meta:
        ordering = ["codigo"]
        verbose_name = _("formato")
        verbose_name_plural = _("formatos")

    def __str__(self):
        return self.codigo


class HerramientaTag(TaggedItemBase):
    content_object = ParentalKey(
        "practicas.HerramientaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class HerramientaIndexPage(IndiceDeSeccion, BasePage):
    """`/herramientas/`: the library of every live tool of the site."""

    translatable_fields = [*BasePage.campos_traducibles_de_pagina, TranslatableField("intro")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("biblioteca de herramientas")

    def get_context(self, request, *args, **kwargs):
        from ..biblioteca import BibliotecaHerramientas, herramientas_publicas, solo_en_espanol

        context = super().get_context(request, *args, **kwargs)
        context["biblioteca"] = BibliotecaHerramientas(request, locale=self.locale).resolver()
        context["solo_en_espanol"] = solo_en_espanol(self, request, herramientas_publicas)
        return context


class HerramientaPage(ConLicencia, ContenidoDemo, BasePage):
    """A reusable tool: what it is, how to use it, its files or links and licence."""

    tipo = models.CharField(_("tipo"), max_length=12, choices=TipoHerramienta.choices)
    resumen = models.TextField(
        _("resumen"),
        max_length=400,
        help_text=_("En lenguaje claro: qué es y para qué sirve (máximo 400 caracteres)."),
    )
    descripcion = RichTextField(
        _("descripción"),
        blank=True,
        features=["h3", "bold", "italic", "link", "ul", "ol"],
        help_text=_("Cómo se usa, quién la hizo y qué se necesita para aplicarla."),
    )
    materiales = StreamField(
        MaterialesBlock(),
        verbose_name=_("archivos y enlaces"),
        blank=True,
    )
    formatos = ParentalManyToManyField(
        Formato, verbose_name=_("formatos"), blank=True, related_name="herramientas"
    )
    practicas = ParentalManyToManyField(
        "practicas.PracticaPage",
        verbose_name=_("prácticas relacionadas"),
        blank=True,
        related_name="herramientas",
    )
    ejes = ParentalManyToManyField(
        "practicas.Eje", verbose_name=_("ejes"), blank=True, related_name="herramientas"
    )
    tags = ClusterTaggableManager(
        through=HerramientaTag,
        blank=True,
        verbose_name=_("etiquetas"),
        help_text=_("Palabras libres para encontrarla, separadas por comas."),
    )
    # DCAT fields, for datasets.
    frecuencia = models.CharField(
        _("frecuencia de actualización"), max_length=10, choices=Frecuencia.choices, blank=True
    )
    cobertura_inicio = models.DateField(_("cobertura temporal: desde"), null=True, blank=True)
    cobertura_fin = models.DateField(_("cobertura temporal: hasta"), null=True, blank=True)
    comunas = ParentalManyToManyField(
        "red.Comuna",
        verbose_name=_("cobertura espacial (comunas)"),
        blank=True,
        related_name="herramientas",
    )
    url_descarga = models.URLField(
        _("dirección de descarga"),
        blank=True,
        help_text=_("Para conjuntos de datos: el enlace directo al archivo."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("tipo"),
        FieldPanel("resumen"),
        FieldPanel("descripcion"),
        panel_lenguaje_claro(["resumen", "descripcion"]),
        FieldPanel("materiales"),
        FieldRowPanel([FieldPanel("licencia"), FieldPanel("formatos")]),
        MultiFieldPanel(
            [FieldPanel("ejes"), FieldPanel("tags"), FieldPanel("practicas")],
            heading=_("Clasificación"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("url_descarga"),
                FieldPanel("frecuencia"),
                FieldRowPanel([FieldPanel("cobertura_inicio"), FieldPanel("cobertura_fin")]),
                FieldPanel("comunas"),
            ],
            heading=_("Conjunto de datos (DCAT)"),
        ),
        FieldPanel("es_demo"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("resumen", boost=2),
        index.SearchField("descripcion"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("ejes", [index.SearchField("nombre")]),
        index.FilterField("tipo"),
    ]

    api_fields = [
        APIField("tipo"),
        APIField("resumen"),
        APIField("descripcion"),
        APIField("licencia"),
        APIField("formatos", serializer=api_nombres("codigo")),
        APIField("ejes", serializer=api_nombres("slug")),
        APIField("tags"),
        APIField("practicas", serializer=PaginasPublicasAPI(read_only=True)),
        APIField("frecuencia"),
        APIField("cobertura_inicio"),
        APIField("cobertura_fin"),
        APIField("comunas", serializer=api_nombres("cut")),
        APIField("url_descarga"),
    ]

    # What wagtail-localize would translate by default, written out.
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        SynchronizedField("tipo"),
        TranslatableField("resumen"),
        TranslatableField("descripcion"),
        TranslatableField("materiales"),
        SynchronizedField("licencia"),
        SynchronizedField("frecuencia"),
        SynchronizedField("cobertura_inicio"),
        SynchronizedField("cobertura_fin"),
        SynchronizedField("url_descarga"),
        SynchronizedField("es_demo"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
    ]

    parent_page_types = ["red.MiembroPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("herramienta")
        verbose_name_plural = _("herramientas")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # As with practices: index again once modelcluster has committed tags and axes.
        index.insert_or_update_object(self)

    def get_context(self, request, *args, **kwargs):
        from red.models import MiembroPage

        from ..biblioteca import preparar_listado

        context = super().get_context(request, *args, **kwargs)
        # Read through the relations (not a prefetch) so that previews of unsaved
        # changes show what the editor chose.
        ruta = self.path[: -self.steplen] if self.path else None
        self.miembro = MiembroPage.objects.filter(path=ruta).first() if ruta else None
        self.lista_ejes = en_idioma(self.ejes.all(), self.locale_id)
        self.lista_etiquetas = list(self.tags.all())
        self.lista_formatos = list(self.formatos.all())
        practicas = self.practicas.live().public().order_by("title") if self.pk else []
        context["practicas_relacionadas"] = preparar_listado(practicas)
        context["cobertura"] = list(self.comunas.all())
        return context
