"""Who may do what: the coordination group, one editor group per member, the review workflow.

Everything here is idempotent (get_or_create), so it can run from the data
migration, from `post_migrate`, from the demo, from the approval of an
application and from tests, any number of times.

- "Coordinación de la Red": add, edit, publish, delete, lock and unlock every
  page of the site (permissions at the root of the tree), the network's
  snippets (axes, SDG targets, jargon list), tags, site settings and the
  membership applications.
- "Editores · <member>": add and edit pages below their member's page only
  (no publish: publishing goes through the workflow), and add, edit and choose
  images and documents in their member's collection only.
- Workflow "Revisión de la Coordinación": one group approval task for the
  coordination group, assigned to the network directory page, so every page
  below any member goes through it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

GRUPO_COORDINACION = "Coordinación de la Red"
NOMBRE_FLUJO = "Revisión de la Coordinación"
NOMBRE_TAREA = "Aprobación de la Coordinación"
PREFIJO_GRUPO_EDITORES = "Editores · "

# (app_label, codename) of the model permissions of the coordination group.
PERMISOS_COORDINACION = [
    ("wagtailadmin", "access_admin"),
    ("practicas", "add_eje"),
    ("practicas", "change_eje"),
    ("practicas", "delete_eje"),
    ("practicas", "add_metaods"),
    ("practicas", "change_metaods"),
    ("practicas", "delete_metaods"),
    ("home", "add_terminojerga"),
    ("home", "change_terminojerga"),
    ("home", "delete_terminojerga"),
    ("taggit", "add_tag"),
    ("taggit", "change_tag"),
    ("taggit", "delete_tag"),
    ("home", "change_configuracionsitio"),
    ("red", "view_solicitudingreso"),
    ("red", "revisar_solicitudingreso"),
    # The coordination translates pages and the snippets above into English.
    ("wagtail_localize", "submit_translation"),
]
# Page permissions of the coordination group at the root of the tree.
PERMISOS_PAGINA_COORDINACION = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
# Editors of a member: no publish, no bulk delete, no lock.
PERMISOS_PAGINA_EDITORES = ["add_page", "change_page"]
PERMISOS_COLECCION_EDITORES = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permiso(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _permiso_de_pagina(codename):
    return _permiso("wagtailcore", codename)


@transaction.atomic
def asegurar_coordinacion():
    """The "Coordinación de la Red" group with all its permissions."""
    grupo, _creado = Group.objects.get_or_create(name=GRUPO_COORDINACION)
    grupo.permissions.add(*[_permiso(app, codigo) for app, codigo in PERMISOS_COORDINACION])
    # The root page and collection may be missing right after a `flush` (which
    # sends post_migrate); the next run completes the group.
    raiz = Page.get_first_root_node()
    for codigo in PERMISOS_PAGINA_COORDINACION if raiz else []:
        GroupPagePermission.objects.get_or_create(
            group=grupo, page=raiz, permission=_permiso_de_pagina(codigo)
        )
    # The coordination may use every image and document (root collection).
    coleccion_raiz = Collection.get_first_root_node()
    for app, codigo in PERMISOS_COLECCION_EDITORES if coleccion_raiz else []:
        GroupCollectionPermission.objects.get_or_create(
            group=grupo, collection=coleccion_raiz, permission=_permiso(app, codigo)
        )
    return grupo


@transaction.atomic
def asegurar_flujo_revision():
    """The review workflow, assigned to the network directory (once it exists)."""
    from .models import RedIndexPage

    grupo = asegurar_coordinacion()
    flujo, _creado = Workflow.objects.get_or_create(name=NOMBRE_FLUJO)
    tarea = GroupApprovalTask.objects.filter(name=NOMBRE_TAREA).first()
    if tarea is None:
        tarea = GroupApprovalTask.objects.create(name=NOMBRE_TAREA)
    tarea.groups.add(grupo)
    WorkflowTask.objects.get_or_create(workflow=flujo, task=tarea, defaults={"sort_order": 0})
    for directorio in RedIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=directorio, defaults={"workflow": flujo})
    return flujo


def nombre_grupo_editores(miembro):
    # Group names are unique and at most 150 characters.
    return f"{PREFIJO_GRUPO_EDITORES}{miembro.title}"[:150]


def grupo_editores(miembro):
    """The editor group of a member, found by its page permission (names may change)."""
    return (
        Group.objects.filter(
            page_permissions__page=miembro,
            page_permissions__permission__codename="add_page",
            name__startswith=PREFIJO_GRUPO_EDITORES,
        )
        .distinct()
        .first()
    )


@transaction.atomic
def configurar_miembro(miembro):
    """The editor group and the collection of a member, with their permissions.

    Returns (group, collection). Only for the source (Spanish) page: translations
    live in another tree and are handled by the coordination.
    """
    grupo = grupo_editores(miembro)
    if grupo is None:
        grupo, _creado = Group.objects.get_or_create(name=nombre_grupo_editores(miembro))
    grupo.permissions.add(_permiso("wagtailadmin", "access_admin"))
    for codigo in PERMISOS_PAGINA_EDITORES:
        GroupPagePermission.objects.get_or_create(
            group=grupo, page=miembro, permission=_permiso_de_pagina(codigo)
        )
    coleccion = coleccion_de_miembro(miembro)
    if coleccion is None:
        coleccion = Collection.get_first_root_node().add_child(
            name=_nombre_coleccion(miembro.title)
        )
    for app, codigo in PERMISOS_COLECCION_EDITORES:
        GroupCollectionPermission.objects.get_or_create(
            group=grupo, collection=coleccion, permission=_permiso(app, codigo)
        )
    return grupo, coleccion


def _nombre_coleccion(titulo):
    nombre = titulo[:255]
    if Collection.objects.filter(name=nombre).exists():
        # Two members with the same name: the collection name stays unique to the eye.
        nombre = f"{titulo[:240]} ({Collection.objects.count()})"
    return nombre


def coleccion_de_miembro(miembro):
    """The collection the member's editors may use (found by their permission)."""
    grupo = grupo_editores(miembro)
    if grupo is None:
        return None
    permiso = GroupCollectionPermission.objects.filter(
        group=grupo, permission__codename="add_image"
    ).first()
    return permiso.collection if permiso else None


def es_coordinador(user):
    """The coordination (or a superuser): sees and decides what every member sends."""
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=GRUPO_COORDINACION).exists()
    )
