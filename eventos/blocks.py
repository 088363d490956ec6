"""Blocks of an event page: its agenda and its speakers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PuntoAgendaBlock(blocks.StructBlock):
    hora = blocks.TimeBlock(label=_("hora"))
    titulo = blocks.CharBlock(label=_("título"), max_length=200)
    expositor = blocks.CharBlock(label=_("expositor o expositora"), max_length=200, required=False)

    class Meta:
        icon = "time"
        label = _("punto de la agenda")


class ExpositorBlock(blocks.StructBlock):
    nombre = blocks.CharBlock(label=_("nombre"), max_length=120)
    cargo = blocks.CharBlock(label=_("cargo"), max_length=200, required=False)
    institucion = blocks.CharBlock(label=_("institución"), max_length=200, required=False)

    class Meta:
        icon = "user"
        label = _("expositor o expositora")
