"""Helpers of the demo content that every app's `demo` module uses."""

from wagtail.models import Site
from wagtail_localize.models import Translation, TranslationSource


def pagina_de_inicio():
    """The Spanish home page: the root of the default site."""
    return Site.objects.get(is_default_site=True).root_page.specific


def asegurar_pagina(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def traduccion_importada(objeto, locale, textos):
    """Submits `objeto` (a page or a snippet) for translation into `locale` with
    wagtail-localize and imports `textos` (Spanish → translation) as a translator's
    work; returns the Translation, not yet saved into its target."""
    source, _creada = TranslationSource.get_or_create_from_instance(objeto)
    traduccion, _creada = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = traduccion.export_po()
    for entrada in po:
        if entrada.msgid in textos:
            entrada.msgstr = textos[entrada.msgid]
    traduccion.import_po(po, tool_name="cargar_demo")
    return traduccion


def pagina_traducida(pagina, locale, textos):
    """Translates `pagina` into `locale` with `textos` and publishes it; returns the
    translated page and whether it was made now. A page that already has its
    translation is left alone, so a run never overwrites a translator's work."""
    existente = pagina.get_translation_or_none(locale)
    if existente is not None:
        return existente, False
    traduccion = traduccion_importada(pagina, locale, textos)
    # Saved as a draft and published here: wagtail-localize publishes on commit,
    # which would leave the page unpublished inside a test's transaction.
    traduccion.save_target(publish=False)
    traducida = pagina.get_translation(locale)
    traducida.get_latest_revision().publish()
    traducida.refresh_from_db()
    return traducida, True
