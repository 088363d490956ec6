"""Helpers to build members for the network's tests."""

from red.models import Comuna, TipoMiembro
from tests.factories import MiembroPageFactory


def municipalidad(parent, cut, **kwargs):
    return MiembroPageFactory.municipalidad(parent=parent, cut=cut, **kwargs)


def organizacion(parent, cuts=(), **kwargs):
    miembro = MiembroPageFactory(parent=parent, tipo=TipoMiembro.ORGANIZACION, **kwargs)
    if cuts:
        miembro.comunas.set(Comuna.objects.filter(cut__in=cuts))
        miembro.save()
    return miembro
