"""Each live program is a dataset of the DCAT catalogue (/datos/catalogo.jsonld)."""

from django.urls import reverse
from wagtail import hooks

from nucleo.dcat import fecha_dcat, sin_vacios


@hooks.register("datos_conjuntos_dcat")
def programas_en_el_catalogo(pagina, request, enlaces, red):
    from red.models import MiembroPage

    from .models import ProgramaPage

    programas = list(
        ProgramaPage.objects.live().public().filter(locale=pagina.locale).order_by("title")
    )
    rutas = {p.path[: -MiembroPage.steplen] for p in programas}
    miembros = {m.path: m for m in MiembroPage.objects.filter(path__in=rutas)}
    conjuntos = []
    for programa in programas:
        url = enlaces.url(programa)
        miembro = miembros.get(programa.path[: -MiembroPage.steplen])
        distribuciones = []
        for nombre in ("compromisos", "compromisos-historial"):
            for formato, tipo in (("csv", "text/csv"), ("json", "application/json")):
                descarga = request.build_absolute_uri(
                    reverse("datos_descarga", args=(f"{nombre}.{formato}",))
                )
                distribuciones.append(
                    {
                        "@id": descarga,
                        "@type": "dcat:Distribution",
                        "dct:title": f"{nombre}.{formato}",
                        "dcat:downloadURL": {"@id": descarga},
                        "dcat:accessURL": {"@id": url},
                        "dcat:mediaType": tipo,
                        "dct:format": formato.upper(),
                        "dct:license": {"@id": "https://creativecommons.org/licenses/by/4.0/"},
                    }
                )
        conjuntos.append(
            sin_vacios(
                {
                    "@id": url,
                    "@type": "dcat:Dataset",
                    "dct:identifier": f"programa-{programa.pk}",
                    "dct:title": programa.title,
                    "dct:description": programa.resumen or programa.criterio,
                    "dct:publisher": {
                        "@id": enlaces.url(miembro),
                        "@type": "foaf:Organization",
                        "foaf:name": miembro.title,
                    }
                    if miembro
                    else red,
                    "dct:language": programa.locale.language_code,
                    "dct:issued": fecha_dcat(programa.first_published_at),
                    "dct:modified": fecha_dcat(programa.last_published_at),
                    "dcat:keyword": ["rendición de cuentas", "programa de gobierno"],
                    "dcat:landingPage": {"@id": url},
                    "dcat:distribution": distribuciones,
                }
            )
        )
    return conjuntos


@hooks.register("register_admin_urls")
def urls_csv_de_programas():
    from django.urls import path

    from .admin_views import exportar_csv, importar_csv

    return [
        path("rendicion/<int:pk>/exportar.csv", exportar_csv, name="rendicion_exportar_csv"),
        path("rendicion/<int:pk>/importar/", importar_csv, name="rendicion_importar_csv"),
    ]


@hooks.register("register_page_header_buttons")
def csv_desde_el_programa(page, user, view_name, next_url=None):
    """The program's edit screen offers its CSV export and import (its editors only)."""
    from django.utils.translation import gettext as _
    from wagtail.admin.widgets import Button

    from .models import ProgramaPage

    if page.specific_class is not ProgramaPage or not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Exportar compromisos (CSV)"),
        reverse("rendicion_exportar_csv", args=[page.pk]),
        icon_name="download",
        priority=80,
    )
    yield Button(
        _("Importar compromisos (CSV)"),
        reverse("rendicion_importar_csv", args=[page.pk]),
        icon_name="upload",
        priority=81,
    )
