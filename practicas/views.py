"""What a practice page shows besides its own fields: member, replications,
related practices and its schema.org description."""

import json

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from wagtail.models import Page

from nucleo.cache import en_cache
from nucleo.traduccion import en_idioma
from red.models import MiembroPage, RedIndexPage, TipoMiembro

from .biblioteca import (
    clave_ods,
    herramientas_publicas,
    practicas_publicas,
    preparar_herramientas,
    preparar_listado,
)
from .models import PracticaIndexPage, PracticaPage, PracticaTag

N_RELACIONADAS = 3


def _coincidencias(through, campo, ids):
    """Subquery: how many of `ids` a practice shares through one relation."""
    return Coalesce(
        Subquery(
            through.objects.filter(**{f"{campo}__in": ids}, **{_pk_de(through): OuterRef("pk")})
            .values(_pk_de(through))
            .annotate(n=Count("*"))
            .values("n"),
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _pk_de(through):
    return "content_object_id" if through is PracticaTag else "practicapage_id"


def relacionadas(practica, ejes, etiquetas):
    """Other live practices that share the most axes and tags with this one."""
    ejes = [e.pk for e in ejes]
    etiquetas = [t.pk for t in etiquetas]
    if not ejes and not etiquetas:
        return []
    qs = (
        practicas_publicas(practica.locale)
        .exclude(pk=practica.pk)
        .annotate(
            comunes=_coincidencias(PracticaPage.ejes.through, "eje_id", ejes)
            + _coincidencias(PracticaTag, "tag_id", etiquetas) * 2
        )
        .filter(comunes__gt=0)
        .order_by("-comunes", "-first_published_at")
    )
    return preparar_listado(qs[:N_RELACIONADAS])


def _relacionadas_de(practica, request, ejes, etiquetas):
    """Related practices, kept until something is published (never for previews)."""
    if not practica.pk:
        return []
    if getattr(request, "is_preview", False):
        return relacionadas(practica, ejes, etiquetas)
    return en_cache("relacionadas", lambda: relacionadas(practica, ejes, etiquetas), practica.pk)


def json_ld(practica, request, miembro, comunas, ejes, etiquetas):
    """A schema.org description of the practice for search engines and harvesters."""
    url = practica.get_full_url(request)
    datos = {
        "@context": "https://schema.org",
        "@type": "Article",
        "additionalType": "https://schema.org/HowTo",
        "headline": practica.title,
        "name": practica.title,
        "description": practica.resumen,
        "abstract": strip_tags(practica.problema),
        "url": url,
        "inLanguage": practica.locale.language_code,
        "license": practica.licencia_url,
        "keywords": [t.name for t in etiquetas],
        "about": [{"@type": "Thing", "name": e.nombre} for e in ejes],
        "spatialCoverage": [
            {
                "@type": "AdministrativeArea",
                "name": c.nombre,
                "identifier": c.cut,
                "containedInPlace": {
                    "@type": "AdministrativeArea",
                    "name": "Región Metropolitana de Santiago",
                },
            }
            for c in comunas
        ],
    }
    if practica.first_published_at:
        datos["datePublished"] = practica.first_published_at.date().isoformat()
    if practica.last_published_at:
        datos["dateModified"] = practica.last_published_at.date().isoformat()
    if miembro:
        tipo = (
            "Organization" if miembro.tipo == TipoMiembro.ORGANIZACION else "GovernmentOrganization"
        )
        autor = {"@type": tipo, "name": miembro.title, "url": miembro.get_full_url(request)}
        datos["author"] = autor
        datos["publisher"] = autor
    if practica.contacto_email or practica.contacto_telefono:
        datos["contactPoint"] = {
            "@type": "ContactPoint",
            "name": practica.contacto_nombre,
            "email": practica.contacto_email,
            "telephone": practica.contacto_telefono,
        }
    texto = json.dumps(datos, ensure_ascii=False)
    # Inside <script>, "<" could close the element: escape it as JSON allows.
    texto = texto.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(texto)  # noqa: S308 - JSON with <, > and & escaped # nosec B308 B703


def contexto_practica(practica, request):
    """Context for the practice page, kept until something is published.

    Previews (a draft, maybe with unsaved relations) are always computed.
    """
    from nucleo.traduccion import idioma_actual

    if not practica.pk or getattr(request, "is_preview", False):
        return _contexto_practica(practica, request)
    return en_cache(
        "practica",
        lambda: _contexto_practica(practica, request),
        practica.pk,
        idioma_actual(),
        request.get_host(),
    )


def _contexto_practica(practica, request):
    """Context for the practice page (also used in previews, with unsaved relations)."""
    miembro = (
        MiembroPage.objects.filter(path=practica.path[: -Page.steplen]).first()
        if practica.path
        else None
    )
    replicaciones = [
        r
        for r in practica.replicaciones.all().select_related("miembro", "comuna", "practica_propia")
        if r.miembro_id and r.miembro.live
    ]
    comunas_replica = sorted(
        {r.comuna for r in replicaciones if r.comuna_id}, key=lambda c: c.nombre
    )
    comunas = list(practica.comunas.all())
    # The axes it points to (for related practices) and as the visitor reads them.
    ejes_propios = list(practica.ejes.all())
    ejes = en_idioma(ejes_propios, practica.locale_id)
    etiquetas = list(practica.tags.all())
    biblioteca = PracticaIndexPage.objects.live().filter(locale=practica.locale).first()
    directorio = RedIndexPage.objects.live().filter(locale=practica.locale).first()
    return {
        "biblioteca_url": biblioteca.get_url(request) if biblioteca else None,
        "url_mapa": (
            f"{directorio.get_url(request)}?practica={practica.pk}#mapa-titulo"
            if directorio and practica.pk
            else None
        ),
        "miembro": miembro,
        "comunas": comunas,
        "replicaciones": replicaciones,
        "comunas_replica": comunas_replica,
        "ejes": ejes,
        "etiquetas": etiquetas,
        "metas": sorted(
            en_idioma(practica.metas_ods.all(), practica.locale_id),
            key=lambda m: clave_ods(m.codigo),
        ),
        "relacionadas": _relacionadas_de(practica, request, ejes_propios, etiquetas),
        "herramientas": preparar_herramientas(
            herramientas_publicas(practica.locale).filter(practicas=practica).order_by("title")
        )
        if practica.pk
        else [],
        "json_ld": json_ld(practica, request, miembro, comunas, ejes, etiquetas),
    }
