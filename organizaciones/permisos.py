"""Who may see, edit, verify and reject which organizations of the catastro.

- The coordination group («Coordinación de la Red») and superusers: every
  organization, every action (delete and the list of kinds included).
- The editors of a municipality member («Editores · <municipalidad>», found by
  their page permission on a `MiembroPage` of kind `municipalidad`): the
  organizations whose comuna of domicile is their municipality's comuna —
  see, edit, verify, reject, import. Nothing of other comunas: not in the list,
  not by its address (404), not their contacts.
- Everybody else: nothing.

No group is changed for this: the policy reads the groups `red/grupos.py`
already creates, so a new municipality member gets its permissions at once.
"""

from django.contrib.auth.models import AnonymousUser
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.base import ModelPermissionPolicy

from red.grupos import PREFIJO_GRUPO_EDITORES, es_coordinador
from red.models import Comuna, TipoMiembro

ACCIONES_MUNICIPIO = {"view", "change", "add", "verificar"}
ACCIONES_COORDINACION = {"view", "change", "add", "delete", "verificar"}


def comunas_del_usuario(user):
    """None when the user sees every comuna (coordination); otherwise a set of comuna ids.

    Kept on the user object for the rest of the request.
    """
    if user is None or isinstance(user, AnonymousUser) or not user.is_active:
        return set()
    if hasattr(user, "_catastro_comunas"):
        return user._catastro_comunas
    if es_coordinador(user):
        comunas = None
    else:
        paginas = GroupPagePermission.objects.filter(
            group__user=user,
            group__name__startswith=PREFIJO_GRUPO_EDITORES,
            permission__codename="add_page",
        ).values("page_id")
        comunas = set(
            Comuna.objects.filter(
                municipalidades__pk__in=paginas,
                municipalidades__tipo=TipoMiembro.MUNICIPALIDAD,
            ).values_list("pk", flat=True)
        )
    user._catastro_comunas = comunas
    return comunas


def puede(user, accion, organizacion=None):
    comunas = comunas_del_usuario(user)
    if comunas is None:
        return accion in ACCIONES_COORDINACION
    if not comunas or accion not in ACCIONES_MUNICIPIO:
        return False
    return organizacion is None or organizacion.comuna_id in comunas


def visibles_para(user, queryset):
    """The organizations of `queryset` that the user may manage."""
    comunas = comunas_del_usuario(user)
    if comunas is None:
        return queryset
    return queryset.filter(comuna_id__in=comunas)


class PoliticaOrganizaciones(ModelPermissionPolicy):
    """Wagtail's permission policy for the catastro, by comuna (see the module docstring)."""

    def user_has_permission(self, user, action):
        return puede(user, action)

    def user_has_any_permission(self, user, actions):
        return any(puede(user, a) for a in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return puede(user, action, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(puede(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return visibles_para(user, self.model._default_manager.all())
