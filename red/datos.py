"""`/datos/`: what the site publishes as open data, and the downloads themselves.

The downloads are routes of `DatosPage` (`practicas.csv`, `catalogo.jsonld`…).
Wagtail's own URL pattern only serves paths made of words and slashes, so
`red/urls.py` maps `/datos/<file>` to `descarga()`, which finds the live page
of the visitor's language and hands the file name to its routes.
"""

import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField
from wagtail_localize.fields import TranslatableField

from nucleo.dcat import LICENCIA_DATOS, catalogo_dcat
from nucleo.exportar import EXPORTACIONES, TIPOS
from nucleo.paginas import BasePage
from nucleo.seguridad import envios_agotados

from . import archivos_datos


class DatosPage(RoutablePageMixin, BasePage):
    """The open-data page: explains the downloads and serves them."""

    lista_otras_paginas = True  # its CDN copy is purged when any page is published

    intro = RichTextField(
        _("introducción"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("En lenguaje claro: qué datos publica la Red y para qué sirven."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    translatable_fields = [*BasePage.campos_traducibles_de_pagina, TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("página de datos abiertos")

    def get_cached_paths(self):
        # What a CDN purge of this page covers (wagtail.contrib.frontend_cache):
        # the files as linked, through red.urls's `datos_descarga`.
        archivos = [f"{nombre}.{ext}" for nombre in EXPORTACIONES for ext in ("csv", "json")]
        return ["/", *archivos, "catalogo.jsonld"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request) or "/datos/"
        context["descargas"] = [
            {
                "nombre": e.nombre,
                "titulo": e.titulo,
                "descripcion": e.descripcion,
                "columnas": e.columnas,
                "csv": f"{base}{e.nombre}.csv",
                "json": f"{base}{e.nombre}.json",
            }
            for e in EXPORTACIONES.values()
        ]
        context["catalogo_url"] = f"{base}catalogo.jsonld"
        context["licencia_url"] = LICENCIA_DATOS
        return context

    @re_path(r"^(?P<nombre>[a-z][a-z-]*)\.(?P<formato>csv|json)/$")
    def descargar(self, request, nombre, formato):
        if nombre not in EXPORTACIONES:
            raise Http404(_("No existe ese archivo de datos abiertos."))
        if not request.GET:
            # The whole collection: a file written after each publication.
            return archivos_datos.servir(request, self, f"{nombre}.{formato}")
        if filtrados_agotados(request):
            return demasiadas_descargas()
        return EXPORTACIONES[nombre](request, locale=self.locale).respuesta(formato)

    @re_path(r"^catalogo\.jsonld/$")
    def catalogo(self, request):
        if not request.GET:
            return archivos_datos.servir(request, self, archivos_datos.CATALOGO)
        texto = json.dumps(catalogo_dcat(self, request), ensure_ascii=False, indent=1)
        respuesta = HttpResponse(texto, content_type=TIPOS["jsonld"])
        respuesta["Access-Control-Allow-Origin"] = "*"
        return respuesta


def filtrados_agotados(request):
    """Counts a filtered download for this address; True past the limit of the window."""
    return envios_agotados(
        request,
        "datos.filtrados",
        settings.RED_DATOS_FILTRADOS_POR_IP,
        settings.RED_DATOS_FILTRADOS_VENTANA_SEGUNDOS,
        metodo="GET",
    )


def demasiadas_descargas():
    ventana = settings.RED_DATOS_FILTRADOS_VENTANA_SEGUNDOS
    respuesta = HttpResponse(
        _(
            "Demasiadas descargas filtradas desde su dirección. Espere un momento, "
            "o descargue el archivo completo, que no tiene límite."
        ),
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    respuesta["Retry-After"] = str(ventana)
    respuesta["Cache-Control"] = "no-store"
    return respuesta


def descarga(request, archivo):
    """`/datos/<archivo>`: the route of the live open-data page in the visitor's language."""
    paginas = DatosPage.objects.live().public()
    pagina = paginas.filter(locale__language_code=get_language()).first() or paginas.first()
    if pagina is None:
        raise Http404(_("No hay una página de datos abiertos publicada."))
    view, args, kwargs = pagina.resolve_subpage(f"/{archivo}/")
    return pagina.serve(request, view, args, kwargs)
