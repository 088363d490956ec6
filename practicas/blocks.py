"""StreamField blocks of a practice: the shared body blocks plus results and replication."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from nucleo.blocks import BaseStreamBlock, DocumentLinkBlock


class IndicadorBlock(blocks.StructBlock):
    """A measured result with its source, so that a reader can check it."""

    nombre = blocks.CharBlock(
        label=_("indicador"),
        max_length=160,
        help_text=_("Qué se midió. Ej.: «Personas que votaron en el presupuesto participativo»."),
    )
    valor = blocks.CharBlock(
        label=_("valor"), max_length=60, help_text=_("Ej.: «12.430» o «68 %».")
    )
    linea_base = blocks.CharBlock(
        label=_("valor antes de la práctica"),
        max_length=60,
        required=False,
        help_text=_("Opcional: el valor de partida, para comparar."),
    )
    periodo = blocks.CharBlock(
        label=_("periodo"),
        max_length=60,
        required=False,
        help_text=_("Ej.: «2024» o «mar–dic 2025»."),
    )
    fuente = blocks.CharBlock(
        label=_("fuente"),
        max_length=200,
        help_text=_("De dónde sale el dato: informe, registro administrativo, encuesta…"),
    )
    fuente_url = blocks.URLBlock(label=_("enlace a la fuente"), required=False)

    class Meta:
        icon = "table"
        label = _("Indicador")
        template = "components/streamfield/practicas/indicador_block.html"
        description = _("Un resultado medido, con su valor y su fuente.")
        preview_value = {
            "nombre": "Proyectos votados por la ciudadanía",
            "valor": "42",
            "linea_base": "0",
            "periodo": "2025",
            "fuente": "Registro de votaciones del Gobierno de Santiago",
        }


class ResultadosBlock(blocks.StreamBlock):
    """Results: short texts and measured indicators."""

    texto = blocks.RichTextBlock(
        label=_("Texto"),
        features=["bold", "italic", "link", "ul", "ol"],
        template="components/streamfield/paragraph_block.html",
        description=_("Qué cambió, contado en lenguaje claro."),
        preview_value="<p>Más vecinas y vecinos decidieron en qué se invierte.</p>",
    )
    indicador = IndicadorBlock()


class PasoBlock(blocks.StructBlock):
    """One step of how to repeat the practice in another comuna."""

    titulo = blocks.CharBlock(label=_("paso"), max_length=120)
    descripcion = blocks.TextBlock(label=_("qué hacer"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Paso")
        template = "components/streamfield/practicas/paso_block.html"
        description = _("Un paso para repetir la práctica, en orden.")
        preview_value = {
            "titulo": "Conformar una mesa técnica",
            "descripcion": "Con equipos de participación, finanzas y jurídica.",
        }


class BaseLegalBlock(blocks.StructBlock):
    """A legal basis of the practice (e.g. Ley 20.285, Ley 20.500)."""

    norma = blocks.CharBlock(
        label=_("norma"),
        max_length=160,
        help_text=_("Ej.: «Ley 20.285 sobre acceso a la información pública»."),
    )
    detalle = blocks.CharBlock(label=_("artículo o detalle"), max_length=200, required=False)
    url = blocks.URLBlock(
        label=_("enlace"),
        required=False,
        help_text=_("Opcional: el texto de la norma en la Biblioteca del Congreso Nacional."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Base legal")
        template = "components/streamfield/practicas/base_legal_block.html"
        description = _("Una ley o norma que respalda la práctica.")
        preview_value = {
            "norma": "Ley 20.500 sobre asociaciones y participación ciudadana",
            "detalle": "Título IV",
        }


class EnlaceBlock(blocks.StructBlock):
    texto = blocks.CharBlock(label=_("texto del enlace"), max_length=120)
    url = blocks.URLBlock(label=_("dirección"))

    class Meta:
        icon = "link"
        label = _("Enlace")
        template = "components/streamfield/practicas/enlace_block.html"
        description = _("Un enlace a un sitio, un video o un conjunto de datos.")
        preview_value = {
            "texto": "Datos abiertos del Gobierno de Santiago",
            "url": "https://example.org",
        }


class PracticaStreamBlock(BaseStreamBlock):
    """What was done: the shared body blocks plus indicators."""

    indicador = IndicadorBlock()


class MaterialesBlock(blocks.StreamBlock):
    """Documents and links that help another member repeat the practice."""

    documento = DocumentLinkBlock()
    enlace = EnlaceBlock()
