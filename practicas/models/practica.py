"""Practices: case studies written so that another member can repeat them, and their library."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.paginas import (
    BasePage,
    ConLicencia,
    ContactoInstitucional,
    ContenidoDemo,
    IndiceDeSeccion,
    campo_demo,
)
from nucleo.panels import panel_lenguaje_claro

from ..api import PaginasPublicasAPI, ReplicacionesAPI, api_nombres
from ..blocks import (
    BaseLegalBlock,
    MaterialesBlock,
    PasoBlock,
    PracticaStreamBlock,
    ResultadosBlock,
)
from .taxonomia import Eje, MetaODS

TEXTO_SIMPLE = ["bold", "italic", "link", "ul", "ol"]


class PracticaTag(TaggedItemBase):
    content_object = ParentalKey(
        "practicas.PracticaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticaIndexPage(IndiceDeSeccion, BasePage):
    """`/practicas/`: the library of every live practice of the site."""

    translatable_fields = [*BasePage.campos_traducibles_de_pagina, TranslatableField("intro")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("biblioteca de prácticas")

    def get_context(self, request, *args, **kwargs):
        from ..biblioteca import Biblioteca, practicas_publicas, solo_en_espanol

        context = super().get_context(request, *args, **kwargs)
        context["biblioteca"] = Biblioteca(request, locale=self.locale).resolver()
        context["solo_en_espanol"] = solo_en_espanol(self, request, practicas_publicas)
        return context


class EstadoPractica(models.TextChoices):
    PILOTO = "piloto", _("En piloto")
    EN_MARCHA = "en_marcha", _("En marcha")
    FINALIZADA = "finalizada", _("Finalizada")


class Dificultad(models.TextChoices):
    BAJA = "baja", _("Baja: un equipo municipal puede hacerla solo")
    MEDIA = "media", _("Media: requiere coordinar varias unidades")
    ALTA = "alta", _("Alta: requiere presupuesto, convenios o cambios normativos")


class PracticaPage(ContactoInstitucional, ConLicencia, ContenidoDemo, BasePage):
    """A case study written so that another member can repeat it."""

    resumen = models.TextField(
        _("resumen"),
        max_length=400,
        validators=[MaxLengthValidator(400)],
        help_text=_("En lenguaje claro: qué se hizo y para quién (máximo 400 caracteres)."),
    )
    problema = RichTextField(
        _("el problema"),
        features=TEXTO_SIMPLE,
        blank=True,
        help_text=_("Qué problema de la comuna o de la ciudadanía quería resolver."),
    )
    cuerpo = StreamField(
        PracticaStreamBlock(),
        verbose_name=_("qué se hizo"),
        blank=True,
        help_text=_("Cuente cómo se hizo: etapas, quiénes participaron, qué funcionó y qué no."),
    )
    resultados = StreamField(
        ResultadosBlock(),
        verbose_name=_("resultados"),
        blank=True,
        help_text=_("Qué cambió. Cada indicador con su fuente, para que se pueda verificar."),
    )
    pasos = StreamField(
        [("paso", PasoBlock())],
        verbose_name=_("pasos para replicarla"),
        blank=True,
        help_text=_("Los pasos, en orden, que otra comuna u organización debería seguir."),
    )
    recursos = RichTextField(
        _("recursos necesarios"),
        features=TEXTO_SIMPLE,
        blank=True,
        help_text=_("Personas, equipos, espacios, software o convenios que se necesitan."),
    )
    costo_aproximado = models.CharField(
        _("costo aproximado"),
        max_length=120,
        blank=True,
        help_text=_("Ej.: «Sin costo adicional» o «$5 millones al año»."),
    )
    tiempo_implementacion = models.CharField(
        _("tiempo de implementación"),
        max_length=120,
        blank=True,
        help_text=_("Ej.: «3 meses de preparación y 1 mes de votación»."),
    )
    dificultad = models.CharField(
        _("dificultad"), max_length=10, choices=Dificultad.choices, blank=True
    )
    base_legal = StreamField(
        [("norma", BaseLegalBlock())],
        verbose_name=_("base legal"),
        blank=True,
        help_text=_("Las leyes o normas que la respaldan, como la Ley 20.285 o la Ley 20.500."),
    )
    estado = models.CharField(
        _("estado"), max_length=12, choices=EstadoPractica.choices, default=EstadoPractica.EN_MARCHA
    )
    fecha_inicio = models.DateField(_("fecha de inicio"), null=True, blank=True)
    fecha_termino = models.DateField(
        _("fecha de término"),
        null=True,
        blank=True,
        help_text=_("Déjela vacía si sigue en marcha."),
    )
    comunas = ParentalManyToManyField(
        "red.Comuna",
        verbose_name=_("comunas donde se aplica"),
        blank=True,
        related_name="practicas",
    )
    ejes = ParentalManyToManyField(Eje, verbose_name=_("ejes"), blank=True)
    metas_ods = ParentalManyToManyField(MetaODS, verbose_name=_("metas ODS"), blank=True)
    tags = ClusterTaggableManager(
        through=PracticaTag,
        blank=True,
        verbose_name=_("etiquetas"),
        help_text=_("Palabras libres para encontrarla, separadas por comas."),
    )
    imagen = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen principal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imagen_texto_alternativo = models.CharField(
        _("texto alternativo de la imagen"),
        max_length=250,
        blank=True,
        help_text=_("Describa lo que muestra la imagen para quien no puede verla. Obligatorio."),
    )
    materiales = StreamField(
        MaterialesBlock(),
        verbose_name=_("documentos y enlaces"),
        blank=True,
        help_text=_(
            "Bases, actas, formularios, presentaciones o sitios que sirvan para replicarla."
        ),
    )
    destacada = models.BooleanField(
        _("destacada en la portada"),
        default=False,
        help_text=_("Solo el equipo de coordinación de la Red debería marcarla."),
    )
    es_demo = campo_demo(_("Marca las prácticas inventadas para la demostración del sitio."))

    content_panels = BasePage.content_panels + [
        FieldPanel("resumen"),
        FieldPanel("problema"),
        FieldPanel("cuerpo"),
        MultiFieldPanel(
            [FieldPanel("imagen"), FieldPanel("imagen_texto_alternativo")],
            heading=_("Imagen principal"),
        ),
        panel_lenguaje_claro(["resumen", "problema", "cuerpo"]),
    ]
    resultados_panels = [FieldPanel("resultados")]
    replicar_panels = [
        FieldPanel("pasos"),
        FieldPanel("recursos"),
        FieldRowPanel(
            [
                FieldPanel("costo_aproximado"),
                FieldPanel("tiempo_implementacion"),
                FieldPanel("dificultad"),
            ]
        ),
        FieldPanel("base_legal"),
        FieldPanel("materiales"),
    ]
    clasificacion_panels = [
        FieldRowPanel(
            [FieldPanel("estado"), FieldPanel("fecha_inicio"), FieldPanel("fecha_termino")]
        ),
        FieldPanel("comunas"),
        FieldPanel("ejes"),
        FieldPanel("metas_ods"),
        FieldPanel("tags"),
    ]
    replicaciones_panels = [
        InlinePanel(
            "replicaciones",
            heading=_("Miembros que la replicaron o la están replicando"),
            label=_("Replicación"),
        )
    ]
    contacto_panels = [
        ContactoInstitucional.panel_contacto(),
        FieldPanel("licencia"),
        FieldPanel("destacada"),
        FieldPanel("es_demo"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("La práctica")),
            ObjectList(resultados_panels, heading=_("Resultados")),
            ObjectList(replicar_panels, heading=_("Cómo replicarla")),
            ObjectList(clasificacion_panels, heading=_("Clasificación")),
            ObjectList(replicaciones_panels, heading=_("Replicaciones")),
            ObjectList(contacto_panels, heading=_("Contacto y licencia")),
            ObjectList(BasePage.promote_panels, heading=_("Promoción")),
            ObjectList(BasePage.settings_panels, heading=_("Configuración")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("resumen", boost=2),
        index.SearchField("problema"),
        index.SearchField("cuerpo"),
        index.SearchField("resultados"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields("ejes", [index.SearchField("nombre")]),
        index.RelatedFields("comunas", [index.SearchField("nombre")]),
        index.FilterField("estado"),
        index.FilterField("fecha_inicio"),
    ]

    api_fields = [
        APIField("resumen"),
        APIField("problema"),
        APIField("estado"),
        APIField("fecha_inicio"),
        APIField("fecha_termino"),
        APIField("dificultad"),
        APIField("licencia"),
        APIField("ejes", serializer=api_nombres("slug")),
        APIField("tags"),
        APIField("comunas", serializer=api_nombres("cut")),
        APIField("metas_ods", serializer=api_nombres("codigo")),
        APIField("replicaciones", serializer=ReplicacionesAPI(read_only=True)),
        APIField("herramientas", serializer=PaginasPublicasAPI(read_only=True)),
    ]

    # What wagtail-localize would translate by default, written out: texts are
    # translated; choices, dates, the image, flags and relations are kept in sync.
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        TranslatableField("resumen"),
        TranslatableField("problema"),
        TranslatableField("cuerpo"),
        TranslatableField("resultados"),
        TranslatableField("pasos"),
        TranslatableField("recursos"),
        TranslatableField("costo_aproximado"),
        TranslatableField("tiempo_implementacion"),
        SynchronizedField("dificultad"),
        TranslatableField("base_legal"),
        SynchronizedField("estado"),
        SynchronizedField("fecha_inicio"),
        SynchronizedField("fecha_termino"),
        SynchronizedField("imagen"),
        TranslatableField("imagen_texto_alternativo"),
        TranslatableField("materiales"),
        *ContactoInstitucional.campos_traducibles_de_contacto,
        SynchronizedField("licencia"),
        SynchronizedField("destacada"),
        SynchronizedField("es_demo"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
        SynchronizedField("replicaciones"),
    ]

    parent_page_types = ["red.MiembroPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("práctica")
        verbose_name_plural = _("prácticas")

    def clean(self):
        super().clean()
        if self.imagen_id and not self.imagen_texto_alternativo.strip():
            raise ValidationError(
                {"imagen_texto_alternativo": _("Escriba el texto alternativo de la imagen.")}
            )
        if self.fecha_inicio and self.fecha_termino and self.fecha_termino < self.fecha_inicio:
            raise ValidationError(
                {"fecha_termino": _("La fecha de término no puede ser anterior a la de inicio.")}
            )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # The post_save signal indexed the page before modelcluster committed its
        # tags, axes and comunas; index it again so that search finds them.
        index.insert_or_update_object(self)

    def get_context(self, request, *args, **kwargs):
        from ..views import contexto_practica

        context = super().get_context(request, *args, **kwargs)
        context.update(contexto_practica(self, request))
        return context
