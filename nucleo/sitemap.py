"""`/sitemap.xml` with every live, public page in both languages, and `/robots.txt`."""

from django.db.models import Q
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap


class SitemapBilingue(Sitemap):
    """Wagtail's sitemap only walks the Spanish tree; the English one is a sibling of it."""

    def items(self):
        from wagtail.models import Page

        raices = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        en_algun_idioma = Q()
        for raiz in raices:
            en_algun_idioma |= Q(path__startswith=raiz.path)
        return (
            Page.objects.filter(en_algun_idioma)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


@require_GET
def robots_txt(request):
    lineas = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /buscar/",
        "Disallow: /en/buscar/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lineas), content_type="text/plain; charset=utf-8")
