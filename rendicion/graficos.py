"""Charts drawn on the server as SVG: no JavaScript, no library fetched from outside.

Each chart comes with a table of the same figures in the template, for screen
readers and print.
"""

from django.utils.html import format_html, format_html_join

ALTO_FILA = 28
ANCHO = 600
ANCHO_ETIQUETA = 260


def barras(filas, maximo, titulo, id_html):
    """A horizontal bar chart: `filas` are (label, value, total, colour)."""
    ancho_barras = ANCHO - ANCHO_ETIQUETA - 60
    alto = ALTO_FILA * len(filas) + 10
    partes = []
    for i, (etiqueta, valor, total, color) in enumerate(filas):
        y = 5 + i * ALTO_FILA
        largo = round(ancho_barras * valor / maximo) if maximo else 0
        fondo = round(ancho_barras * total / maximo) if maximo else 0
        partes.append(
            (
                y + 17,
                str(etiqueta)[:40],
                ANCHO_ETIQUETA,
                y + 4,
                fondo,
                ANCHO_ETIQUETA,
                y + 4,
                largo,
                color,
                ANCHO_ETIQUETA + max(fondo, largo) + 6,
                y + 17,
                valor,
            )
        )
    cuerpo = format_html_join(
        "",
        '<text x="0" y="{}" class="grafico__etiqueta">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="18" fill="#e6e6e6"></rect>'
        '<rect x="{}" y="{}" width="{}" height="18" fill="{}"></rect>'
        '<text x="{}" y="{}" class="grafico__valor">{}</text>',
        partes,
    )
    return format_html(
        '<svg class="grafico" role="img" aria-labelledby="{}" viewBox="0 0 {} {}" '
        'width="100%" xmlns="http://www.w3.org/2000/svg"><title id="{}">{}</title>{}</svg>',
        id_html,
        ANCHO,
        alto,
        id_html,
        titulo,
        cuerpo,
    )
