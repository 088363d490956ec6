"""The network: the 52 comunas of the region and the members that take part.

Ownership is the page tree: a member's practices, tools and events are pages
below its `MiembroPage`.
"""

import functools

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from nucleo.consultas import sin_restricciones
from nucleo.paginas import BasePage, ContactoInstitucional, ContenidoDemo, campo_demo


class Provincia(models.TextChoices):
    SANTIAGO = "Santiago", "Santiago"
    CORDILLERA = "Cordillera", "Cordillera"
    CHACABUCO = "Chacabuco", "Chacabuco"
    MAIPO = "Maipo", "Maipo"
    MELIPILLA = "Melipilla", "Melipilla"
    TALAGANTE = "Talagante", "Talagante"


class Comuna(models.Model):
    """One of the 52 comunas of the Región Metropolitana, by its official CUT code."""

    campo_en_datos = "cut"  # its key in the open-data files

    cut = models.CharField(_("código CUT"), max_length=5, unique=True)
    nombre = models.CharField(_("nombre"), max_length=80, unique=True)
    provincia = models.CharField(_("provincia"), max_length=20, choices=Provincia.choices)
    slug = models.SlugField(max_length=80, unique=True)

    class Meta:
        # In Spanish order (Ñuñoa after Melipilla, not after Vitacura; accents
        # ignored): the slug folds ñ and accents to ASCII, which for the 52 names
        # is the Spanish collation (tests/red/test_comunas_orden.py checks it).
        ordering = ["slug"]
        verbose_name = _("comuna")
        verbose_name_plural = _("comunas")

    def __str__(self):
        return self.nombre


TOTAL_COMUNAS = 52


class TipoMiembro(models.TextChoices):
    GOBIERNO_REGIONAL = "gobierno_regional", _("Gobierno regional")
    MUNICIPALIDAD = "municipalidad", _("Municipalidad")
    ORGANIZACION = "organizacion", _("Organización de la sociedad civil")
    ACADEMIA = "academia", _("Academia u otra institución")


class RedIndexPage(RoutablePageMixin, BasePage):
    """`/red/`: the directory of members and the map of the 52 comunas."""

    lista_otras_paginas = True  # its CDN copy is purged when any page is published

    intro = RichTextField(_("introducción"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    translatable_fields = [*BasePage.campos_traducibles_de_pagina, TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["red.MiembroPage", "organizaciones.OrganizacionesIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directorio de la red")

    miembros_por_pagina = 24

    @path("unete/", name="unete")
    def ruta_unete(self, request):
        """The public application to join the network (red/views_unete.py)."""
        from .views_unete import unete

        return unete(self, request)

    @path("unete/gracias/", name="unete_gracias")
    def ruta_unete_gracias(self, request):
        from .views_unete import gracias

        return gracias(self, request)

    def pagina_fuente(self):
        """The Spanish directory: its members are the complete list in every language."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            RedIndexPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).first()
            or self
        )

    def miembros(self):
        return (
            MiembroPage.objects.child_of(self.pagina_fuente())
            .live()
            .filter(sin_restricciones())
            .select_related("comuna", "locale")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        from nucleo.traduccion import traductor

        from .directorio import FiltroDirectorioForm, filtrar_miembros

        context = super().get_context(request, *args, **kwargs)
        filtro = FiltroDirectorioForm(request.GET or None)
        valores = filtro.valores() if request.GET else {}
        numero = request.GET.get("page")

        @functools.cache
        def resultados():
            consulta = filtrar_miembros(self.miembros(), valores)
            pagina = Paginator(consulta, self.miembros_por_pagina).get_page(numero)
            miembros = list(pagina.object_list.prefetch_related("comunas"))
            traducir = traductor(miembros)
            return pagina, [{"fuente": m, "pagina": traducir(m)} for m in miembros]

        context.update(
            {
                "filtro": filtro,
                "filtro_activo": any(valores.values()),
                # Lazy: read only when the template's kept fragment of results is missing.
                "pagina_miembros": SimpleLazyObject(lambda: resultados()[0]),
                "miembros": SimpleLazyObject(lambda: resultados()[1]),
                "clave_resultados": repr((sorted(valores.items()), numero)),
                "consulta_sin_pagina": _consulta_sin(request.GET, "page"),
                **self.contexto_mapa(request),
            }
        )
        return context

    def contexto_mapa(self, request):
        """The network's map, or with `?practica=<id>` the map of one practice."""
        from .mapa import mapa_de_comunas, mapa_de_practica

        # Lazy: the map is drawn only when its cached fragment is missing.
        red = {"mapa": SimpleLazyObject(mapa_de_comunas), "mapa_clave": "red"}
        valor = request.GET.get("practica")
        if valor is None:
            return red
        practica = None
        if valor.isdigit() and len(valor) < 10:
            # The practices app answers which live practice has this id (red sits
            # below it and does not import it).
            for buscar in hooks.get_hooks("red_practica_del_mapa"):
                practica = practica or buscar(int(valor))
        if practica is None:
            return {**red, "practica_no_encontrada": True}
        return {
            "mapa": SimpleLazyObject(lambda: mapa_de_practica(practica)),
            "mapa_clave": f"practica-{practica.pk}",
            "practica_del_mapa": practica,
        }


def _consulta_sin(parametros, nombre):
    copia = parametros.copy()
    copia.pop(nombre, None)
    return copia.urlencode()


class MiembroPage(ContactoInstitucional, ContenidoDemo, BasePage):
    """A member of the network: its public profile and the root of its content."""

    tipo = models.CharField(_("tipo de miembro"), max_length=20, choices=TipoMiembro.choices)
    comuna = models.ForeignKey(
        Comuna,
        verbose_name=_("comuna de la municipalidad"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="municipalidades",
        help_text=_("Solo para municipalidades: la comuna que administra."),
    )
    comunas = ParentalManyToManyField(
        Comuna,
        verbose_name=_("comunas donde trabaja"),
        blank=True,
        related_name="miembros",
        help_text=_("Para organizaciones e instituciones: las comunas donde trabajan."),
    )
    resumen = models.CharField(
        _("resumen"),
        max_length=280,
        blank=True,
        help_text=_("Una o dos frases en lenguaje claro: quiénes son y qué hacen."),
    )
    descripcion = RichTextField(_("descripción"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sitio_web = models.URLField(_("sitio web"), blank=True)
    rut = models.CharField(
        _("RUT"),
        max_length=12,
        blank=True,
        help_text=_("RUT de la institución, con dígito verificador (ej.: 69.070.100-6)."),
    )
    # A member is itself the institution: its contact has a shorter label.
    contacto_nombre = models.CharField(_("contacto institucional"), max_length=120, blank=True)
    fecha_ingreso = models.DateField(_("fecha de ingreso a la red"), null=True, blank=True)
    es_piloto = models.BooleanField(
        _("comuna piloto"),
        default=False,
        help_text=_("Municipios piloto de la Red: Renca, Peñalolén, San Joaquín y Maipú."),
    )
    es_demo = campo_demo(_("Marca los miembros inventados para la demostración del sitio."))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("tipo"),
                FieldPanel("comuna"),
                FieldPanel("comunas"),
                FieldPanel("es_piloto"),
            ],
            heading=_("Quién es"),
        ),
        FieldPanel("resumen"),
        FieldPanel("descripcion"),
        FieldPanel("logo"),
        ContactoInstitucional.panel_contacto(FieldPanel("sitio_web")),
        MultiFieldPanel(
            [FieldPanel("rut"), FieldPanel("fecha_ingreso"), FieldPanel("es_demo")],
            heading=_("Registro"),
        ),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("resumen"),
        index.SearchField("descripcion"),
        index.FilterField("tipo"),
    ]

    # Public profile only: contacts are institutional; the RUT stays out of the API.
    api_fields = [
        APIField("tipo"),
        APIField(
            "comuna", serializer=serializers.SlugRelatedField(read_only=True, slug_field="cut")
        ),
        APIField(
            "comunas",
            serializer=serializers.SlugRelatedField(many=True, read_only=True, slug_field="cut"),
        ),
        APIField("resumen"),
        APIField("descripcion"),
        APIField("sitio_web"),
        APIField("contacto_nombre"),
        APIField("contacto_email"),
        APIField("contacto_telefono"),
        APIField("fecha_ingreso"),
        APIField("es_piloto"),
    ]

    # What wagtail-localize would translate by default, written out, except
    # that a RUT and a phone number are kept in sync: they are not words.
    translatable_fields = [
        *BasePage.campos_traducibles_de_pagina,
        SynchronizedField("tipo"),
        SynchronizedField("comuna"),
        TranslatableField("resumen"),
        TranslatableField("descripcion"),
        SynchronizedField("logo"),
        SynchronizedField("sitio_web"),
        SynchronizedField("rut"),
        *ContactoInstitucional.campos_traducibles_de_contacto,
        SynchronizedField("fecha_ingreso"),
        SynchronizedField("es_piloto"),
        SynchronizedField("es_demo"),
    ]

    parent_page_types = ["red.RedIndexPage"]
    subpage_types = [
        "practicas.PracticaPage",
        "practicas.HerramientaPage",
        "eventos.EventoPage",
        "rendicion.ProgramaPage",
    ]

    class Meta:
        verbose_name = _("miembro de la red")
        verbose_name_plural = _("miembros de la red")

    def comunas_de_trabajo(self):
        """The comunas this member stands for: its own, or where it works."""
        if self.comuna_id:
            return [self.comuna]
        return list(self.comunas.all())

    def es_de_alcance_regional(self):
        """True when the member works in all 52 comunas (the region as a whole)."""
        return not self.comuna_id and len(self.comunas_de_trabajo()) >= TOTAL_COMUNAS

    def pagina_fuente(self):
        """The Spanish page, which holds the facts (kind, comunas, dates) in every language."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            MiembroPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .select_related("comuna", "logo")
            .first()
            or self
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fuente"] = self.pagina_fuente()
        context["secciones"] = secciones_de_miembro(self, request)
        return context


def secciones_de_miembro(miembro, request):
    """The sections other apps add to a member's page (its practices, tools, events).

    Each app registers a `miembro_secciones` hook: a function `(miembro, request)`
    that returns `None` when it has nothing to show, or a dict with the
    `template` to include and the `context` to give it. The member template
    renders them in the order of registration, and nothing when there are none.
    """
    secciones = []
    for hook in hooks.get_hooks("miembro_secciones"):
        seccion = hook(miembro, request)
        if seccion:
            secciones.append(seccion)
    return secciones


# Applications to join and the open-data page live in their own modules; imported
# here so that Django finds the models.
from .datos import DatosPage  # noqa: E402, F401
from .solicitudes import EstadoSolicitud, SolicitudIngreso  # noqa: E402, F401
