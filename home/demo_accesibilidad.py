"""The accessibility statement of the demo site (a content page, see home/demo.py).

It says what was tested and how, honestly, so it is real content rather than
demo filler: keep it up to date when the tests or the known limitations change.
"""

FECHA_REVISION = "23 de noviembre de 2026"

ACCESIBILIDAD = {
    "slug": "accesibilidad",
    "title": "Declaración de accesibilidad",
    "intro": (
        "Queremos que todas y todos puedan usar este sitio: con el teclado, con un lector "
        "de pantalla o con una conexión lenta. Nuestra meta es cumplir las Pautas de "
        "Accesibilidad para el Contenido Web (WCAG) 2.2, nivel AA."
    ),
    "body": [
        ("heading", {"text": "Estado de cumplimiento", "level": "h2"}),
        (
            "paragraph",
            "<p>El sitio cumple en parte las WCAG 2.2, nivel AA. Más abajo le contamos qué "
            "revisamos, cómo lo hicimos y qué nos falta.</p>",
        ),
        ("heading", {"text": "Qué revisamos", "level": "h2"}),
        (
            "paragraph",
            "<ul>"
            "<li>Cada tipo de página, en español y en inglés, con axe-core. Es una "
            "herramienta que busca problemas de contraste, etiquetas, títulos y enlaces. "
            "Nuestras pruebas fallan si encuentra uno.</li>"
            "<li>El uso con el teclado solo: se llega a cada enlace, botón y campo, y se ve "
            "dónde está el foco.</li>"
            "<li>Que el código HTML sea válido. Lo revisa el validador Nu HTML Checker, del "
            "Consorcio World Wide Web (W3C).</li>"
            "<li>El contraste de los colores: el texto tiene un contraste de al menos 4,5 a 1 "
            "con su fondo.</li>"
            "<li>Los formularios: cada campo tiene su etiqueta. Los errores se anuncian junto "
            "al campo y en un resumen al inicio.</li>"
            "<li>Las imágenes: el sistema no deja publicar una imagen sin texto "
            "alternativo.</li>"
            "<li>El lenguaje: quien escribe ve un índice de legibilidad y sugerencias antes de "
            "publicar.</li>"
            "</ul>",
        ),
        ("heading", {"text": "Lo que todavía no funciona bien", "level": "h2"}),
        (
            "paragraph",
            "<ul>"
            "<li>Algunos documentos PDF de los miembros de la Red pueden no ser accesibles. "
            "Si necesita uno en otro formato, pídalo y se lo enviamos.</li>"
            "<li>El mapa de comunas es difícil de usar con un lector de pantalla. Por eso la "
            "misma información está en una tabla, junto al mapa.</li>"
            "<li>Los videos de eventos que publican otras instituciones pueden no tener "
            "subtítulos.</li>"
            "<li>No todas las páginas están en inglés. El selector de idioma le avisa cuando "
            "una página no está traducida.</li>"
            "<li>Las pruebas automáticas no encuentran todos los problemas. Todavía no hemos "
            "hecho pruebas con personas que usan lectores de pantalla.</li>"
            "</ul>",
        ),
        ("heading", {"text": "Cómo avisarnos de una barrera", "level": "h2"}),
        (
            "paragraph",
            "<p>Si algo no le funciona, escríbanos al correo de contacto que está al pie de "
            "cada página. Díganos en qué página estaba y qué quería hacer. Si quiere, "
            "cuéntenos también qué programa o equipo usa, por ejemplo un lector de "
            "pantalla.</p>"
            "<p>Le responderemos en un plazo de 10 días hábiles. Si la barrera le impide "
            "hacer un trámite, como inscribirse en un evento, le daremos la información por "
            "otra vía mientras la arreglamos.</p>"
            "<p>Esta declaración se basa en la Ley 20.422, que establece normas sobre igualdad "
            "de oportunidades e inclusión social de personas con discapacidad.</p>",
        ),
        ("heading", {"text": "Última revisión", "level": "h2"}),
        (
            "paragraph",
            f"<p>Revisamos esta declaración el {FECHA_REVISION}. La revisamos otra vez "
            "cada vez que cambia el diseño del sitio, y al menos una vez al año.</p>",
        ),
    ],
}
