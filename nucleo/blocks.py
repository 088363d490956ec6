"""StreamField blocks shared by every content type of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texto"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("nivel"),
        choices=[("h2", _("Título de sección (h2)")), ("h3", _("Subtítulo (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Título")
        template = "components/streamfield/heading_block.html"
        description = _("Un título que ordena la página; no se salte niveles.")
        preview_value = {"text": "Cómo empezamos", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("cita"))
    attribution = blocks.CharBlock(label=_("quién lo dice"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "components/streamfield/quote_block.html"
        description = _("Una frase destacada y su autor.")
        preview_value = {
            "quote": "La información pública es de todas y todos.",
            "attribution": "Consejo Regional de la Sociedad Civil",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("documento"))
    title = blocks.CharBlock(
        label=_("texto del enlace"),
        required=False,
        help_text=_("Si lo deja vacío se usa el título del documento."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Documento")
        template = "components/streamfield/document_block.html"
        description = _("Un enlace a un documento con su formato y tamaño.")


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("texto"), max_length=80)
    page = blocks.PageChooserBlock(label=_("página"), required=False)
    url = blocks.URLBlock(label=_("o dirección externa"), required=False)

    class Meta:
        icon = "link"
        label = _("Llamado a la acción")
        template = "components/streamfield/cta_block.html"
        description = _("Un botón que lleva al siguiente paso.")
        preview_value = {"text": "Únase a la Red", "url": "https://example.org/red/unete/"}


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks an editor can use in the body of a content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Párrafo"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Texto con formato simple y enlaces."),
        preview_value="<p>La Red comparte prácticas replicables entre comunas.</p>",
    )
    image = ImageBlock(
        label=_("Imagen"),
        template="components/streamfield/image_block.html",
        description=_("Una imagen con texto alternativo obligatorio."),
    )
    quote = QuoteBlock()
    table = TableBlock(
        label=_("Tabla"),
        template="components/streamfield/table_block.html",
        description=_("Una tabla con título y primera fila de encabezados."),
        table_options={"startRows": 3, "startCols": 3},
        preview_value={
            "table_caption": "Municipios piloto de la Red",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                ["Comuna", "Provincia"],
                ["Renca", "Santiago"],
                ["Maipú", "Santiago"],
            ],
        },
    )
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
