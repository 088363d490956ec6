"""How practices and tools show their relations in the Wagtail API v2 (`/api/v2/`)."""

from rest_framework import serializers


def api_nombres(campo):
    """A many-to-many relation as the list of one field of each item."""
    return serializers.SlugRelatedField(many=True, read_only=True, slug_field=campo)


class PaginasPublicasAPI(serializers.Field):
    """The ids of related pages that are live and public (never a draft's id)."""

    def to_representation(self, value):
        return list(value.live().public().order_by("pk").values_list("pk", flat=True))


class ReplicacionesAPI(serializers.Field):
    """The replications of a practice, with the member's id and title."""

    def to_representation(self, value):
        return [
            {
                "miembro": r.miembro_id,
                "miembro_nombre": r.miembro.title,
                "comuna": r.comuna.cut if r.comuna_id else None,
                "estado": r.estado,
                "fecha": r.fecha.isoformat() if r.fecha else None,
            }
            for r in value.all().select_related("miembro", "comuna")
            if r.miembro.live
        ]
