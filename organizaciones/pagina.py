"""`/red/organizaciones/`: the public directory of the catastro, the registration form
and one page per organization, all routes of one Wagtail page."""

import functools

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from nucleo.paginas import BasePage


class OrganizacionesIndexPage(RoutablePageMixin, BasePage):
    """The catastro of citizen organizations, comuna by comuna."""

    intro = RichTextField(_("introducción"), blank=True, features=["bold", "italic", "link"])

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["red.RedIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    organizaciones_por_pagina = 30

    class Meta:
        verbose_name = _("catastro de organizaciones")

    def get_context(self, request, *args, **kwargs):
        from .directorio import FiltroOrganizacionesForm, filtrar, mapa_de_organizaciones

        context = super().get_context(request, *args, **kwargs)
        filtro = FiltroOrganizacionesForm(request.GET or None)
        valores = filtro.valores() if request.GET else {}
        numero = request.GET.get("page")
        url = self.get_url(request)

        @functools.cache
        def pagina():
            consulta = filtrar(valores).select_related("tipo", "comuna")
            resultado = Paginator(consulta, self.organizaciones_por_pagina).get_page(numero)
            organizaciones = list(resultado.object_list.prefetch_related("comunas"))
            return resultado, organizaciones

        copia = request.GET.copy()
        copia.pop("page", None)
        context.update(
            {
                "filtro": filtro,
                "filtro_activo": any(valores.values()),
                "pagina_organizaciones": SimpleLazyObject(lambda: pagina()[0]),
                "organizaciones": SimpleLazyObject(lambda: pagina()[1]),
                "consulta_sin_pagina": copia.urlencode(),
                "mapa": SimpleLazyObject(lambda: mapa_de_organizaciones(url)),
                "url_registrar": url + self.reverse_subpage("registrar"),
            }
        )
        return context

    @path("registrar/", name="registrar")
    def ruta_registrar(self, request):
        from .vistas import registrar

        return registrar(self, request)

    @path("registrar/gracias/", name="registrar_gracias")
    def ruta_gracias(self, request):
        return self.render(request, template="organizaciones/registrar_gracias.html")

    @path("<int:pk>-<slug:slug>/", name="organizacion")
    def ruta_organizacion(self, request, pk, slug):
        from .models import Organizacion

        organizacion = (
            Organizacion.objects.publicas()
            .select_related("tipo", "comuna")
            .prefetch_related("comunas")
            .filter(pk=pk)
            .first()
        )
        if organizacion is None:
            raise Http404(_("No encontramos esa organización en el catastro."))
        if organizacion.slug != slug:
            return redirect(self.url_de(organizacion, request), permanent=True)
        return self.render(
            request,
            template="organizaciones/organizacion.html",
            context_overrides={"organizacion": organizacion},
        )

    def url_de(self, organizacion, request=None):
        return self.get_url(request) + organizacion.ruta
