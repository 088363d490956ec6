"""Replicable open-government practices and the library that lists them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.paginas import BasePage
from nucleo.panels import panel_lenguaje_claro

from .blocks import BaseLegalBlock, MaterialesBlock, PasoBlock, PracticaStreamBlock, ResultadosBlock

TEXTO_SIMPLE = ["bold", "italic", "link", "ul", "ol"]


def api_nombres(campo):
    """API v2 serializer: a many-to-many relation as the list of one field of each item."""
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field=campo)


class PaginasPublicasAPI(serializers.Field):
    """API v2: the ids of related pages that are live and public (never a draft's id)."""

    def to_representation(self, value):
        return list(value.live().public().order_by("pk").values_list("pk", flat=True))


class ReplicacionesAPI(serializers.Field):
    """API v2: the replications of a practice, with the member's id and title."""

    def to_representation(self, value):
        return [
            {
                "miembro": r.miembro_id,
                "miembro_nombre": r.miembro.title,
                "comuna": r.comuna.cut if r.comuna_id else None,
                "estado": r.estado,
                "fecha": r.fecha.isoformat() if r.fecha else None,
            }
            for r in value.all().select_related("miembro", "comuna")
            if r.miembro.live
        ]


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


class PracticaTag(TaggedItemBase):
    content_object = ParentalKey(
        "practicas.PracticaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PracticaIndexPage(BasePage):
    """`/practicas/`: the library of every live practice of the site."""

    lista_otras_paginas = True  # its CDN copy is purged when any page is published

    intro = models.TextField(_("introducción"), max_length=400, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("biblioteca de prácticas")

    def get_context(self, request, *args, **kwargs):
        from .biblioteca import Biblioteca, practicas_publicas, solo_en_espanol

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


class Licencia(models.TextChoices):
    CC_BY = "CC-BY-4.0", _("Creative Commons Atribución 4.0 (CC BY 4.0)")
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Atribución-CompartirIgual 4.0 (CC BY-SA 4.0)")
    CC0 = "CC0-1.0", _("Dominio público (CC0 1.0)")


LICENCIA_URL = {
    Licencia.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.es",
    Licencia.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.es",
    Licencia.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.es",
}


class PracticaPage(BasePage):
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
    contacto_nombre = models.CharField(
        _("unidad o persona de contacto"),
        max_length=120,
        blank=True,
        help_text=_("Un contacto institucional, no personal: ej. «Dirección de Participación»."),
    )
    contacto_email = models.EmailField(_("correo institucional"), blank=True)
    contacto_telefono = models.CharField(_("teléfono institucional"), max_length=30, blank=True)
    licencia = models.CharField(
        _("licencia"), max_length=16, choices=Licencia.choices, default=Licencia.CC_BY
    )
    destacada = models.BooleanField(
        _("destacada en la portada"),
        default=False,
        help_text=_("Solo el equipo de coordinación de la Red debería marcarla."),
    )
    es_demo = models.BooleanField(
        _("contenido de demostración"),
        default=False,
        help_text=_("Marca las prácticas inventadas para la demostración del sitio."),
    )

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
        MultiFieldPanel(
            [
                FieldPanel("contacto_nombre"),
                FieldPanel("contacto_email"),
                FieldPanel("contacto_telefono"),
            ],
            heading=_("Contacto institucional"),
        ),
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

    @property
    def licencia_url(self):
        return LICENCIA_URL.get(self.licencia, "")

    def get_context(self, request, *args, **kwargs):
        from .views import contexto_practica

        context = super().get_context(request, *args, **kwargs)
        context.update(contexto_practica(self, request))
        return context


class EstadoReplicacion(models.TextChoices):
    REPLICADA = "replicada", _("Replicada")
    EN_PROCESO = "en_proceso", _("En proceso")


class Replicacion(Orderable):
    """A member that repeated (or is repeating) a practice in its own comuna."""

    practica = ParentalKey(PracticaPage, on_delete=models.CASCADE, related_name="replicaciones")
    miembro = models.ForeignKey(
        "red.MiembroPage",
        verbose_name=_("miembro que la replica"),
        on_delete=models.CASCADE,
        related_name="replicaciones",
    )
    comuna = models.ForeignKey(
        "red.Comuna",
        verbose_name=_("comuna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Si lo deja vacío se usa la comuna de la municipalidad."),
    )
    estado = models.CharField(
        _("estado"),
        max_length=12,
        choices=EstadoReplicacion.choices,
        default=EstadoReplicacion.EN_PROCESO,
    )
    fecha = models.DateField(_("fecha"), null=True, blank=True)
    nota = models.TextField(
        _("nota"), max_length=500, blank=True, help_text=_("Qué adaptaron o qué aprendieron.")
    )
    practica_propia = models.ForeignKey(
        PracticaPage,
        verbose_name=_("su propia práctica"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Opcional: la página donde ese miembro cuenta su versión."),
    )

    panels = [
        PageChooserPanel("miembro", "red.MiembroPage"),
        FieldRowPanel([FieldPanel("estado"), FieldPanel("fecha"), FieldPanel("comuna")]),
        FieldPanel("nota"),
        PageChooserPanel("practica_propia", "practicas.PracticaPage"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("replicación")
        verbose_name_plural = _("replicaciones")

    def __str__(self):
        return f"{self.miembro} → {self.practica}"

    def save(self, *args, **kwargs):
        if self.comuna_id is None and self.miembro_id and self.miembro.comuna_id:
            self.comuna_id = self.miembro.comuna_id
        super().save(*args, **kwargs)


# Shared tools live in their own module; imported here so that Django finds the models.
from .herramientas import (  # noqa: E402, F401
    Formato,
    HerramientaIndexPage,
    HerramientaPage,
    HerramientaTag,
    TipoHerramienta,
)
