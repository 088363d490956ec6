"""An elected authority's program, commitment by commitment, with a public timeline.

Ownership is the page tree (docs/rendicion.md): a `ProgramaPage` lives under
its member's page, so the member's editors get the same per-member page
permissions as for practices and events (red/grupos.py), and nobody else
edits it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.paginas import BasePage, ContenidoDemo

from .estados import COLORES_ESTADO, Estado  # noqa: F401 - the scale, importable from here
from .forms import CompromisoForm
from .suscripciones import AvisoDeCambio, Suscripcion  # noqa: F401 - registers the models

# The guide every program links to: a tool of the tools library, found by its slug
# (rendicion/demo.py publishes it under the Gobierno de Santiago).
GUIA_SLUG = "guia-rendicion-de-cuentas-programa-de-gobierno"


class ProgramaPage(RoutablePageMixin, ContenidoDemo, BasePage):
    """The program of an elected authority (a governor, a mayor) for its period."""

    autoridad = models.CharField(
        _("autoridad que se compromete"),
        max_length=200,
        help_text=_("Ej.: «Gobernador Regional de Santiago»."),
    )
    periodo_inicio = models.PositiveSmallIntegerField(_("inicio del período (año)"))
    periodo_fin = models.PositiveSmallIntegerField(_("término del período (año)"))
    resumen = models.TextField(_("resumen"), max_length=600, blank=True)
    criterio = models.TextField(
        _("criterio de cumplimiento"),
        max_length=800,
        help_text=_("En palabras simples: cuándo un compromiso se da por cumplido."),
    )
    declaracion = models.TextField(
        _("declaración de balance"),
        max_length=800,
        blank=True,
        help_text=_(
            "Lo que la autoridad declaró sobre el avance, tal cual, con su fecha y fuente."
        ),
    )
    declaracion_fecha = models.DateField(_("fecha de la declaración"), null=True, blank=True)
    declaracion_fuente = models.CharField(_("fuente de la declaración"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("autoridad"),
        FieldRowPanel([FieldPanel("periodo_inicio"), FieldPanel("periodo_fin")]),
        FieldPanel("resumen"),
        FieldPanel("criterio"),
        MultiFieldPanel(
            [
                FieldPanel("declaracion"),
                FieldPanel("declaracion_fecha"),
                FieldPanel("declaracion_fuente"),
            ],
            heading=_("Balance declarado"),
        ),
        FieldPanel("es_demo"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("autoridad"),
        index.SearchField("resumen"),
    ]
    api_fields = [
        APIField("autoridad"),
        APIField("periodo_inicio"),
        APIField("periodo_fin"),
        APIField("criterio"),
        APIField("declaracion"),
        APIField("declaracion_fecha"),
        APIField("declaracion_fuente"),
    ]

    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        TranslatableField("autoridad"),
        SynchronizedField("periodo_inicio"),
        SynchronizedField("periodo_fin"),
        TranslatableField("resumen"),
        TranslatableField("criterio"),
        TranslatableField("declaracion"),
        SynchronizedField("declaracion_fecha"),
        SynchronizedField("declaracion_fuente"),
        SynchronizedField("es_demo"),
    ]

    parent_page_types = ["red.MiembroPage"]
    subpage_types = ["rendicion.CompromisoPage"]

    class Meta:
        verbose_name = _("programa de gobierno")
        verbose_name_plural = _("programas de gobierno")

    def clean(self):
        super().clean()
        if self.periodo_inicio and self.periodo_fin and self.periodo_fin < self.periodo_inicio:
            raise ValidationError(
                {"periodo_fin": _("El término del período no puede ser anterior a su inicio.")}
            )
        if self.declaracion and not self.declaracion_fuente:
            raise ValidationError(
                {"declaracion_fuente": _("Una declaración de balance necesita su fuente.")}
            )

    def compromisos(self):
        return CompromisoPage.objects.child_of(self).live().public()

    def guia(self):
        """The guide in this program's language, or in Spanish (one query)."""
        from practicas.models import HerramientaPage

        guias = HerramientaPage.objects.live().public().filter(slug=GUIA_SLUG)
        return (
            guias.filter(locale=self.locale).first()
            or guias.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        )

    def get_context(self, request, *args, **kwargs):
        from .vistas import clave_de_filtros, datos_del_programa

        context = super().get_context(request, *args, **kwargs)
        context["datos"] = datos_del_programa(self, request)
        context["clave_filtros"] = clave_de_filtros(request)
        return context

    @path("resumen/", name="resumen")
    def resumen_imprimible(self, request):
        from .vistas import datos_del_programa

        context = self.get_context(request)
        context["datos"] = datos_del_programa(self, request, filtrar=False)
        return self.render(
            request, context_overrides=context, template="rendicion/programa_resumen.html"
        )

    @path("cambios/", name="cambios")
    def que_cambio(self, request):
        from .feeds import ultimos_cambios

        context = self.get_context(request)
        context["cambios"] = ultimos_cambios(self)
        return self.render(
            request, context_overrides=context, template="rendicion/programa_cambios.html"
        )

    @path("seguir/", name="seguir")
    def seguir(self, request):
        from .vistas_seguir import seguir

        return seguir(self, request)

    @path("cambios/feed/", name="cambios_feed")
    def cambios_feed(self, request):
        from .feeds import CambiosFeed

        return CambiosFeed(self)(request)


class HitoBlock(blocks.StructBlock):
    fecha = blocks.DateBlock(label=_("fecha"))
    descripcion = blocks.CharBlock(label=_("hito"), max_length=200)
    logrado = blocks.BooleanBlock(label=_("logrado"), required=False)

    class Meta:
        label = _("hito")


class CompromisoPage(ContenidoDemo, BasePage):
    """One commitment of a program, with its current status (its latest timeline entry)."""

    base_form_class = CompromisoForm

    eje = models.CharField(_("eje"), max_length=120, help_text=_("Como en el programa."))
    subeje = models.CharField(_("subeje"), max_length=200, blank=True)
    numero = models.PositiveSmallIntegerField(_("número"), help_text=_("Número dentro del eje."))
    promesa = models.TextField(
        _("qué se prometió"), max_length=1200, help_text=_("En lenguaje claro.")
    )
    unidad = models.CharField(_("unidad responsable"), max_length=200, blank=True)
    toda_la_region = models.BooleanField(_("alcanza a toda la región"), default=False)
    comunas = ParentalManyToManyField(
        "red.Comuna", verbose_name=_("comunas alcanzadas"), blank=True, related_name="compromisos"
    )
    presupuesto_aprobado = models.PositiveBigIntegerField(
        _("presupuesto aprobado (CLP)"), null=True, blank=True
    )
    presupuesto_ejecutado = models.PositiveBigIntegerField(
        _("presupuesto ejecutado (CLP)"), null=True, blank=True
    )
    hitos = StreamField([("hito", HitoBlock())], verbose_name=_("hitos"), blank=True)
    practicas = ParentalManyToManyField(
        "practicas.PracticaPage",
        verbose_name=_("prácticas relacionadas"),
        blank=True,
        related_name="compromisos",
    )
    herramientas = ParentalManyToManyField(
        "practicas.HerramientaPage",
        verbose_name=_("herramientas relacionadas"),
        blank=True,
        related_name="compromisos",
    )
    eventos = ParentalManyToManyField(
        "eventos.EventoPage",
        verbose_name=_("eventos relacionados"),
        blank=True,
        related_name="compromisos",
    )
    # The latest timeline entry, kept on the page for lists, filters and open data.
    estado = models.CharField(
        _("estado actual"),
        max_length=24,
        choices=Estado.choices,
        default=Estado.SIN_INFORMACION,
        editable=False,
    )
    avance = models.PositiveSmallIntegerField(_("avance (%)"), default=0, editable=False)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("eje"), FieldPanel("subeje"), FieldPanel("numero")]),
        FieldPanel("promesa"),
        FieldPanel("unidad"),
        MultiFieldPanel(
            [FieldPanel("toda_la_region"), FieldPanel("comunas")], heading=_("Alcance")
        ),
        FieldRowPanel([FieldPanel("presupuesto_aprobado"), FieldPanel("presupuesto_ejecutado")]),
        FieldPanel("hitos"),
        InlinePanel("cambios", heading=_("Historial de estados"), label=_("cambio de estado")),
        FieldPanel("practicas"),
        FieldPanel("herramientas"),
        FieldPanel("eventos"),
        FieldPanel("es_demo"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("promesa", boost=2),
        index.SearchField("eje"),
        index.FilterField("estado"),
    ]
    api_fields = [
        APIField("eje"),
        APIField("subeje"),
        APIField("numero"),
        APIField("promesa"),
        APIField("estado"),
        APIField("avance"),
        APIField("unidad"),
        APIField("toda_la_region"),
        APIField("presupuesto_aprobado"),
        APIField("presupuesto_ejecutado"),
        APIField("hitos"),
        # The comunas by their official code (CUT), and the whole public timeline.
        APIField(
            "comunas",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="cut"),
        ),
        APIField("cambios"),
    ]

    # Texts are translated; the axis and number (the key of the CSV import), figures,
    # comunas, relations and the timeline (with its evidence) are kept in sync.
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        SynchronizedField("eje"),
        TranslatableField("subeje"),
        SynchronizedField("numero"),
        TranslatableField("promesa"),
        TranslatableField("unidad"),
        SynchronizedField("toda_la_region"),
        SynchronizedField("comunas"),
        SynchronizedField("presupuesto_aprobado"),
        SynchronizedField("presupuesto_ejecutado"),
        TranslatableField("hitos"),
        SynchronizedField("practicas"),
        SynchronizedField("herramientas"),
        SynchronizedField("eventos"),
        SynchronizedField("cambios"),
        SynchronizedField("es_demo"),
    ]

    parent_page_types = ["rendicion.ProgramaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        ordering = ["eje", "numero"]

    def clean(self):
        super().clean()
        if self.presupuesto_ejecutado and not self.presupuesto_aprobado:
            raise ValidationError(
                {"presupuesto_aprobado": _("Indique el presupuesto aprobado antes del ejecutado.")}
            )

    def entradas_vigentes(self):
        """The timeline without the entries that a later one corrects, oldest first."""
        entradas = list(self.cambios.all())
        corregidas = {e.corrige_id for e in entradas if e.corrige_id}
        return [e for e in entradas if e.pk not in corregidas]

    def actualizar_estado(self):
        vigentes = sorted(
            self.entradas_vigentes(), key=lambda e: (e.fecha, e.sort_order or 0, e.pk or 0)
        )
        if vigentes:
            self.estado, self.avance = vigentes[-1].estado, vigentes[-1].avance
        else:
            self.estado, self.avance = Estado.SIN_INFORMACION, 0

    def save(self, *args, **kwargs):
        self.actualizar_estado()
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .vistas import contexto_compromiso

        context = super().get_context(request, *args, **kwargs)
        context.update(contexto_compromiso(self))
        return context


class CambioEstado(Orderable):
    """One entry of a commitment's public timeline. Never rewritten: a correction is a new
    entry that points to the one it corrects (`corrige`)."""

    compromiso = ParentalKey(CompromisoPage, on_delete=models.CASCADE, related_name="cambios")
    fecha = models.DateField(_("fecha"))
    estado = models.CharField(_("estado"), max_length=24, choices=Estado.choices)
    avance = models.PositiveSmallIntegerField(
        _("avance (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    nota = models.TextField(_("nota en lenguaje claro"), max_length=800)
    evidencia_documento = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("evidencia: documento"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    evidencia_enlace = models.URLField(_("evidencia: enlace"), blank=True)
    evidencia_conjunto = models.ForeignKey(
        "practicas.HerramientaPage",
        verbose_name=_("evidencia: conjunto de datos"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    corrige = models.ForeignKey(
        "self",
        verbose_name=_("corrige la entrada"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="correcciones",
        help_text=_("Si esta entrada corrige una anterior, elíjala aquí; la anterior se conserva."),
    )
    registrado = models.DateTimeField(_("registrado"), default=timezone.now, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("fecha"), FieldPanel("estado"), FieldPanel("avance")]),
        FieldPanel("nota"),
        FieldRowPanel(
            [
                FieldPanel("evidencia_documento"),
                FieldPanel("evidencia_enlace"),
                FieldPanel("evidencia_conjunto"),
            ]
        ),
        FieldPanel("corrige"),
    ]

    api_fields = [
        APIField("fecha"),
        APIField("estado"),
        APIField("avance"),
        APIField("nota"),
        APIField("evidencia_url"),
        APIField("corrige_id"),
    ]

    CAMPOS_FIJOS = (
        "fecha",
        "estado",
        "avance",
        "nota",
        "evidencia_documento_id",
        "evidencia_enlace",
        "evidencia_conjunto_id",
        "corrige_id",
    )

    class Meta(Orderable.Meta):
        verbose_name = _("cambio de estado")
        verbose_name_plural = _("cambios de estado")

    def __str__(self):
        return f"{self.fecha:%d-%m-%Y} · {self.get_estado_display()} ({self.avance} %)"

    def clean(self):
        super().clean()
        errores = {}
        if self.fecha and self.fecha > timezone.localdate():
            errores["fecha"] = _("La fecha de un cambio de estado no puede estar en el futuro.")
        if not (self.evidencia_documento_id or self.evidencia_enlace or self.evidencia_conjunto_id):
            errores["evidencia_enlace"] = _(
                "Un cambio de estado necesita su evidencia: un documento, un enlace o un "
                "conjunto de datos."
            )
        if self.pk:
            anterior = CambioEstado.objects.filter(pk=self.pk).values(*self.CAMPOS_FIJOS).first()
            if anterior and any(anterior[c] != getattr(self, c) for c in self.CAMPOS_FIJOS):
                errores["nota"] = _(
                    "Una entrada del historial no se modifica: agregue una nueva entrada que "
                    "diga qué corrige."
                )
        if errores:
            raise ValidationError(errores)

    @property
    def evidencia_url(self):
        if self.evidencia_documento_id:
            return self.evidencia_documento.url
        if self.evidencia_conjunto_id:
            return self.evidencia_conjunto.url
        return self.evidencia_enlace
