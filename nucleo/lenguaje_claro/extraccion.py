"""What a reader reads, as plain text: from HTML, rich text and StreamField values.

Each HTML block element becomes one line (one paragraph for the analyser).
"""

from html.parser import HTMLParser

_BLOQUES_HTML = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "div",
    "br",
    "tr",
    "ul",
    "ol",
    "table",
    "figcaption",
}


class _ExtractorTexto(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.partes = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOQUES_HTML:
            self.partes.append("\n")

    def handle_endtag(self, tag):
        if tag in _BLOQUES_HTML:
            self.partes.append("\n")

    def handle_data(self, data):
        self.partes.append(data)


def html_a_texto(html):
    """Plain text of an HTML fragment, one line per block element."""
    extractor = _ExtractorTexto()
    extractor.feed(html or "")
    extractor.close()
    lineas = (" ".join(linea.split()) for linea in "".join(extractor.partes).split("\n"))
    return "\n".join(linea for linea in lineas if linea)


def texto_de_valor(valor):
    """Plain text of a field value: a string, rich text or a StreamField value.

    Only text that a reader reads is kept: rich text, titles, quotes and captions
    (CharBlock, TextBlock, RichTextBlock). URLs, choices, images and documents
    are left out. Each block is its own paragraph.
    """
    from wagtail.blocks import StreamValue
    from wagtail.rich_text import RichText

    if valor is None:
        return ""
    if isinstance(valor, StreamValue):
        return "\n".join(t for t in _textos_de_bloques(valor.stream_block, valor) if t)
    if isinstance(valor, RichText):
        return html_a_texto(valor.source)
    texto = str(valor)
    return html_a_texto(texto) if "<" in texto else texto.strip()


def _textos_de_bloques(bloque, valor):
    from wagtail import blocks
    from wagtail.rich_text import RichText

    if isinstance(bloque, blocks.StreamBlock):
        for hijo in valor:
            yield from _textos_de_bloques(hijo.block, hijo.value)
    elif isinstance(bloque, blocks.StructBlock):
        if not hasattr(valor, "get"):  # ImageBlock's value is an image, not a StructValue
            return
        for nombre, hijo in bloque.child_blocks.items():
            yield from _textos_de_bloques(hijo, valor.get(nombre))
    elif isinstance(bloque, blocks.ListBlock):
        for item in valor or []:
            yield from _textos_de_bloques(bloque.child_block, item)
    elif isinstance(bloque, blocks.RichTextBlock):
        if isinstance(valor, RichText):
            yield html_a_texto(valor.source)
    elif isinstance(bloque, (blocks.CharBlock, blocks.TextBlock)) and not isinstance(
        bloque, (blocks.URLBlock, blocks.EmailBlock, blocks.RegexBlock)
    ):
        yield str(valor or "").strip()
