"""Form data for the Wagtail page editor, as the admin sends it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def datos_practica(titulo, slug, **extra):
    datos = nested_form_data(
        {
            "title": titulo,
            "slug": slug,
            "resumen": "Encuentros abiertos para decidir prioridades del barrio.",
            "problema": rich_text("<p>Pocas personas participaban.</p>"),
            "cuerpo": streamfield([("paragraph", rich_text("<p>Hicimos cabildos.</p>"))]),
            "resultados": streamfield([]),
            "pasos": streamfield([("paso", {"titulo": "Convocar", "descripcion": ""})]),
            "recursos": rich_text(""),
            "base_legal": streamfield([]),
            "materiales": streamfield([]),
            "estado": "en_marcha",
            "fecha_inicio": "2025-03-01",
            "tags": "cabildos",
            "licencia": "CC-BY-4.0",
            "replicaciones": inline_formset([]),
        }
    )
    datos.update(extra)
    return datos
