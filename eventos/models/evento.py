"""Events: the calendar of the network and the training and exchange events in it.

An event is a page below the `MiembroPage` that organizes it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.paginas import BasePage, ContenidoDemo, IndiceDeSeccion
from nucleo.panels import panel_lenguaje_claro
from practicas.blocks import MaterialesBlock

from ..blocks import ExpositorBlock, PuntoAgendaBlock
from .inscripcion import EstadoInscripcion, Inscripcion


class TipoEvento(models.TextChoices):
    CAPACITACION = "capacitacion", _("Capacitación")
    ENCUENTRO = "encuentro", _("Encuentro de intercambio")
    TALLER = "taller", _("Taller")
    SEMINARIO = "seminario", _("Seminario")
    WEBINAR = "webinar", _("Charla en línea")


class Modalidad(models.TextChoices):
    PRESENCIAL = "presencial", _("Presencial")
    EN_LINEA = "en_linea", _("En línea")
    HIBRIDA = "hibrida", _("Híbrida")


class EventoIndexPage(RoutablePageMixin, IndiceDeSeccion, BasePage):
    """`/eventos/`: the calendar of the network's events, its feed and registration links."""

    translatable_fields = [*BasePage.campos_traducibles_de_pagina, TranslatableField("intro")]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("calendario de eventos")

    def get_cached_paths(self):
        # What a CDN purge of the calendar covers (wagtail.contrib.frontend_cache).
        return ["/", "calendario.ics"]  # the .ics address as linked (eventos/urls.py)

    @path("")
    def calendario(self, request):
        from ..calendario import contexto_calendario

        return self.render(request, context_overrides=contexto_calendario(self, request))

    @path("calendario.ics/")
    def calendario_ics(self, request):
        from ..ics import respuesta_calendario

        return respuesta_calendario(self, request)

    @re_path(r"^inscripcion/(?P<token>[\w-]+/[\w-]+/[\w-]+)/$")
    def gestionar_inscripcion(self, request, token):
        from ..views import gestionar_inscripcion

        return gestionar_inscripcion(self, request, token)


class EventoTag(TaggedItemBase):
    content_object = ParentalKey(
        "eventos.EventoPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventoPage(RoutablePageMixin, ContenidoDemo, BasePage):
    """A training or exchange event that organizations register for."""

    resumen = models.TextField(_("resumen"), max_length=400)
    tipo = models.CharField(
        _("tipo de evento"), max_length=16, choices=TipoEvento.choices, default=TipoEvento.TALLER
    )
    modalidad = models.CharField(
        _("modalidad"), max_length=12, choices=Modalidad.choices, default=Modalidad.PRESENCIAL
    )
    inicio = models.DateTimeField(_("inicio"), help_text=_("Hora de Santiago."))
    fin = models.DateTimeField(_("término"), help_text=_("Hora de Santiago."))
    descripcion = RichTextField(
        _("descripción"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    publico_objetivo = models.TextField(
        _("a quién está dirigido"),
        max_length=500,
        blank=True,
        help_text=_("Ej.: «Equipos municipales de participación y dirigentes vecinales»."),
    )
    lugar = models.CharField(_("lugar"), max_length=200, blank=True)
    direccion = models.CharField(_("dirección"), max_length=200, blank=True)
    comuna = models.ForeignKey(
        "red.Comuna",
        verbose_name=_("comuna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eventos",
    )
    accesibilidad = models.TextField(
        _("accesibilidad del lugar"),
        max_length=800,
        blank=True,
        help_text=_("Accesos, baños, intérprete de lengua de señas, subtítulos…"),
    )
    # Never shown on the public page, in search or in the API: it goes only in
    # the e-mails to confirmed registrants.
    enlace_en_linea = models.URLField(
        _("enlace de conexión"),
        blank=True,
        help_text=_("Solo se envía por correo a las personas inscritas; nunca se publica."),
    )
    cupos = models.PositiveIntegerField(_("cupos"), default=30)
    inscripcion_abre = models.DateTimeField(
        _("apertura de inscripciones"),
        null=True,
        blank=True,
        help_text=_("Vacío: abiertas desde que se publica."),
    )
    inscripcion_cierra = models.DateTimeField(
        _("cierre de inscripciones"),
        null=True,
        blank=True,
        help_text=_("Vacío: se cierran al comenzar el evento."),
    )
    lista_espera = models.BooleanField(
        _("lista de espera"),
        default=True,
        help_text=_(
            "Sin cupos, las personas quedan en espera y suben en orden si alguien cancela."
        ),
    )
    agenda = StreamField([("punto", PuntoAgendaBlock())], verbose_name=_("agenda"), blank=True)
    expositores = StreamField(
        [("expositor", ExpositorBlock())], verbose_name=_("expositores"), blank=True
    )
    ejes = ParentalManyToManyField(
        "practicas.Eje", verbose_name=_("ejes"), blank=True, related_name="eventos"
    )
    practicas = ParentalManyToManyField(
        "practicas.PracticaPage",
        verbose_name=_("prácticas relacionadas"),
        blank=True,
        related_name="eventos",
    )
    tags = ClusterTaggableManager(through=EventoTag, blank=True, verbose_name=_("etiquetas"))
    materiales = StreamField(
        MaterialesBlock(),
        verbose_name=_("materiales del evento"),
        blank=True,
        help_text=_("Después del evento: presentaciones, documentos y enlaces a las grabaciones."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("resumen"),
        FieldRowPanel([FieldPanel("tipo"), FieldPanel("modalidad")]),
        FieldRowPanel([FieldPanel("inicio"), FieldPanel("fin")]),
        FieldPanel("descripcion"),
        FieldPanel("publico_objetivo"),
        FieldPanel("agenda"),
        FieldPanel("expositores"),
        panel_lenguaje_claro(["resumen", "descripcion"]),
    ]
    lugar_panels = [
        MultiFieldPanel(
            [
                FieldPanel("lugar"),
                FieldPanel("direccion"),
                FieldPanel("comuna"),
                FieldPanel("accesibilidad"),
            ],
            heading=_("Lugar"),
        ),
        FieldPanel("enlace_en_linea"),
    ]
    inscripcion_panels = [
        FieldRowPanel([FieldPanel("cupos"), FieldPanel("lista_espera")]),
        FieldRowPanel([FieldPanel("inscripcion_abre"), FieldPanel("inscripcion_cierra")]),
    ]
    clasificacion_panels = [
        FieldPanel("ejes"),
        FieldPanel("tags"),
        FieldPanel("practicas"),
        FieldPanel("materiales"),
        FieldPanel("es_demo"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("El evento")),
            ObjectList(lugar_panels, heading=_("Lugar o conexión")),
            ObjectList(inscripcion_panels, heading=_("Inscripciones")),
            ObjectList(clasificacion_panels, heading=_("Clasificación y materiales")),
            ObjectList(BasePage.promote_panels, heading=_("Promoción")),
            ObjectList(BasePage.settings_panels, heading=_("Configuración")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("resumen", boost=2),
        index.SearchField("descripcion"),
        index.SearchField("publico_objetivo"),
        index.SearchField("lugar"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("ejes", [index.SearchField("nombre")]),
        index.FilterField("inicio"),
        index.FilterField("tipo"),
        index.FilterField("modalidad"),
    ]

    api_fields = [
        APIField("resumen"),
        APIField("tipo"),
        APIField("modalidad"),
        APIField("inicio"),
        APIField("fin"),
        APIField("publico_objetivo"),
        APIField("lugar"),
        APIField("direccion"),
        APIField("comuna_nombre"),
        APIField("accesibilidad"),
        APIField("cupos"),
        APIField("cupos_disponibles"),
        APIField("inscripcion_abre"),
        APIField("inscripcion_cierra"),
        APIField("lista_espera"),
        APIField("agenda"),
        APIField("expositores"),
        APIField("materiales"),
        APIField("nombres_ejes"),
    ]

    # What wagtail-localize would translate by default, written out: texts are
    # translated; choices, times, the comuna, numbers, links and flags are kept
    # in sync (registrations belong to the Spanish page, see pagina_fuente).
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        TranslatableField("resumen"),
        SynchronizedField("tipo"),
        SynchronizedField("modalidad"),
        SynchronizedField("inicio"),
        SynchronizedField("fin"),
        TranslatableField("descripcion"),
        TranslatableField("publico_objetivo"),
        TranslatableField("lugar"),
        TranslatableField("direccion"),
        SynchronizedField("comuna"),
        TranslatableField("accesibilidad"),
        SynchronizedField("enlace_en_linea"),
        SynchronizedField("cupos"),
        SynchronizedField("inscripcion_abre"),
        SynchronizedField("inscripcion_cierra"),
        SynchronizedField("lista_espera"),
        TranslatableField("agenda"),
        TranslatableField("expositores"),
        TranslatableField("materiales"),
        SynchronizedField("es_demo"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
    ]

    parent_page_types = ["red.MiembroPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventos")

    def clean(self):
        super().clean()
        errores = {}
        if self.inicio and self.fin and self.fin < self.inicio:
            errores["fin"] = _("El término no puede ser anterior al inicio.")
        if (
            self.inscripcion_abre
            and self.inscripcion_cierra
            and self.inscripcion_cierra < self.inscripcion_abre
        ):
            errores["inscripcion_cierra"] = _("El cierre no puede ser anterior a la apertura.")
        if self.modalidad != Modalidad.PRESENCIAL and not self.enlace_en_linea:
            errores["enlace_en_linea"] = _("Un evento en línea o híbrido necesita su enlace.")
        if errores:
            raise ValidationError(errores)

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Index again once modelcluster has committed tags and axes (as practices do).
        index.insert_or_update_object(self)

    # The Spanish page holds the registrations of every translation of the event.
    def pagina_fuente(self):
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            EventoPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            or self
        )

    @property
    def comuna_nombre(self):
        return self.comuna.nombre if self.comuna_id else ""

    @property
    def nombres_ejes(self):
        return [e.nombre for e in self.ejes.all()]

    @cached_property
    def n_confirmadas(self):
        return Inscripcion.objects.filter(
            evento__translation_key=self.translation_key, estado=EstadoInscripcion.CONFIRMADA
        ).count()

    @property
    def cupos_disponibles(self):
        return max(self.cupos - self.n_confirmadas, 0)

    @property
    def es_en_linea(self):
        return self.modalidad in (Modalidad.EN_LINEA, Modalidad.HIBRIDA)

    @property
    def es_presencial(self):
        return self.modalidad in (Modalidad.PRESENCIAL, Modalidad.HIBRIDA)

    @property
    def cierre_efectivo(self):
        return self.inscripcion_cierra or self.inicio

    def estado_inscripcion(self, ahora=None):
        """'antes', 'abierta' or 'cerrada': whether the registration form takes entries."""
        ahora = ahora or timezone.now()
        if self.inscripcion_abre and ahora < self.inscripcion_abre:
            return "antes"
        if ahora >= self.cierre_efectivo:
            return "cerrada"
        return "abierta"

    @property
    def ya_termino(self):
        return self.fin < timezone.now()

    def get_cached_paths(self):
        # What a CDN purge of the event covers (wagtail.contrib.frontend_cache).
        return ["/", "evento.ics"]  # the .ics address as linked (eventos/urls.py)

    @path("")
    def pagina(self, request):
        from ..views import pagina_evento

        return pagina_evento(self, request)

    @path("evento.ics/")
    def evento_ics(self, request):
        from ..ics import respuesta_evento

        return respuesta_evento(self, request)
