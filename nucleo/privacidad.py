"""A page's privacy reaches its translations: restrictions and unpublishing.

wagtail-localize copies a page into another locale's tree, so a view
restriction on the Spanish page (which covers its subtree) does not cover the
English copy, and unpublishing one leaves the other live. These receivers make
the translations follow their page:

- a `PageViewRestriction` saved on a page is copied (kind, password, groups) to
  every translation of that page that has none of the same kind; the English
  subtree is then covered as the Spanish one is;
- deleting it deletes the same restriction on the translations;
- `page_unpublished` unpublishes the live translations (an unpublish with its
  subpages sends one signal per page, so the subtree follows too). Deleting a
  translation is not an unpublish of the content: Wagtail unpublishes a page
  before deleting it, and that must not take the original offline.

Each copy sends the same signals again; they find their work done and stop.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_unpublished


def _traducciones(pagina):
    return pagina.get_translations(inclusive=False)


def _copiar_restriccion(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    for traduccion in _traducciones(instance.page):
        copia = PageViewRestriction.objects.filter(
            page=traduccion, restriction_type=instance.restriction_type
        ).first()
        if copia is None:
            copia = PageViewRestriction(page=traduccion, restriction_type=instance.restriction_type)
        elif copia.password == instance.password:
            continue
        copia.password = instance.password
        copia.save()
        copia.groups.set(instance.groups.all())


def _copiar_grupos(sender, instance, action, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    grupos = set(instance.groups.values_list("pk", flat=True))
    for copia in PageViewRestriction.objects.filter(
        page__in=_traducciones(instance.page), restriction_type=instance.restriction_type
    ):
        if set(copia.groups.values_list("pk", flat=True)) != grupos:
            copia.groups.set(grupos)


def _quitar_restriccion(sender, instance, **kwargs):
    try:
        pagina = instance.page
    except Page.DoesNotExist:  # the page itself is being deleted
        return
    for copia in PageViewRestriction.objects.filter(
        page__in=_traducciones(pagina), restriction_type=instance.restriction_type
    ):
        copia.delete()


def _despublicar_traducciones(sender, instance, **kwargs):
    # Wagtail's pre_delete unpublishes without saving: the row is still live.
    borrada = Page.objects.filter(pk=instance.pk, live=True).exists()
    if borrada and instance.locale_id != Locale.get_default().pk:
        return
    for traduccion in _traducciones(instance).live():
        traduccion.specific.unpublish(user=kwargs.get("user"))


def conectar_senales():
    post_save.connect(_copiar_restriccion, sender=PageViewRestriction, dispatch_uid="priv_copiar")
    post_delete.connect(_quitar_restriccion, sender=PageViewRestriction, dispatch_uid="priv_quitar")
    m2m_changed.connect(
        _copiar_grupos, sender=PageViewRestriction.groups.through, dispatch_uid="priv_grupos"
    )
    page_unpublished.connect(_despublicar_traducciones, dispatch_uid="priv_despublicar")
