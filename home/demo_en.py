"""English versions of the demo's main pages, made through wagtail-localize.

Each page is submitted for translation as an editor would do it in the admin
(a TranslationSource and a Translation to English); the English strings below
are then imported as the translator's work and the translation is published.
Editors keep working on them in wagtail-localize's translation editor, and a
change to the Spanish page can be synced into English from there.

Idempotent: a page that already has an English version is left alone, so a
second run never overwrites what an editor translated by hand.
"""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

# Spanish source string → English. Strings that are not here (slugs, names)
# stay as in Spanish.
TEXTOS = {
    # Home page
    "Red Regional de Gobierno Abierto": "Regional Open Government Network",
    "La Red Regional de Gobierno Abierto reúne al Gobierno de Santiago, a las 52 "
    "municipalidades de la Región Metropolitana y a la sociedad civil organizada para "
    "compartir prácticas, datos y herramientas de transparencia, rendición de cuentas y "
    "participación ciudadana.": (
        "The Regional Open Government Network brings together the Gobierno de Santiago, the "
        "52 municipalities of the Santiago Metropolitan Region and organised civil society to "
        "share practices, data and tools for transparency, accountability and citizen "
        "participation."
    ),
    "¿Por qué una red?": "Why a network?",
    "Hoy cada municipio y cada organización hace sus esfuerzos de transparencia y "
    "participación por separado. Lo que funciona en una comuna no llega a la de al lado, y "
    "cada equipo empieza de cero. La Red existe para que el gobierno regional, las "
    "municipalidades y la sociedad civil compartan lo que saben hacer.": (
        "Today every municipality and every organisation works on transparency and "
        "participation on its own. What works in one comuna does not reach the next one, and "
        "every team starts from scratch. The Network exists so that the regional government, "
        "the municipalities and civil society share what they know how to do."
    ),
    "¿Qué encontrará aquí?": "What will you find here?",
    "Prácticas que otra comuna puede repetir, explicadas paso a paso.": (
        "Practices that another comuna can repeat, explained step by step."
    ),
    "Herramientas y datos abiertos para reutilizar.": "Tools and open data to reuse.",
    "Eventos de formación e intercambio, abiertos a la ciudadanía organizada.": (
        "Training and exchange events, open to organised citizens."
    ),
    "El piloto comienza con Renca, Peñalolén, San Joaquín y Maipú, junto al Consejo Regional "
    "de la Sociedad Civil. La meta es sumar a las 52 municipalidades de la Región "
    "Metropolitana.": (
        "The pilot starts with Renca, Peñalolén, San Joaquín and Maipú, together with the "
        "Regional Council of Civil Society. The goal is to bring in all 52 municipalities of "
        "the Metropolitan Region."
    ),
    # /red/
    "La Red": "The Network",
    "Miembros de la Red Regional de Gobierno Abierto: el gobierno regional, municipalidades, "
    "organizaciones de la sociedad civil y academia.": (
        "Members of the Regional Open Government Network: the regional government, "
        "municipalities, civil-society organisations and academia."
    ),
    # Qué es la Red
    "Qué es la Red": "What the Network is",
    "Una red para que los gobiernos locales, el gobierno regional y la ciudadanía organizada "
    "aprendan unos de otros y abran juntos sus procesos y sus datos.": (
        "A network where local governments, the regional government and organised citizens "
        "learn from each other and open up their processes and data together."
    ),
    "Por qué existe": "Why it exists",
    "Hoy los esfuerzos de gobierno abierto en la región están aislados. No existe un espacio "
    "donde el gobierno regional, las municipalidades y la sociedad civil compartan prácticas, "
    "datos y herramientas. Eso debilita la confianza y hace que cada comuna parta de cero.": (
        "Today open-government efforts in the region are isolated. There is no place where the "
        "regional government, the municipalities and civil society share practices, data and "
        "tools. That weakens trust and makes every comuna start from scratch."
    ),
    "Qué hace": "What it does",
    "Publica experiencias replicables de transparencia, rendición de cuentas y participación "
    "ciudadana.": (
        "It publishes replicable experiences of transparency, accountability and citizen "
        "participation."
    ),
    "Organiza espacios estables de formación e intercambio.": (
        "It runs regular training and exchange sessions."
    ),
    "Comparte datos y herramientas en formatos abiertos y en lenguaje claro.": (
        "It shares data and tools in open formats and plain language."
    ),
    "Quiénes participan": "Who takes part",
    "El piloto comienza con Renca, Peñalolén, San Joaquín y Maipú, el Consejo Regional de la "
    "Sociedad Civil y organizaciones sin fines de lucro. La meta es sumar a las 52 "
    "municipalidades de la Región Metropolitana.": (
        "The pilot starts with Renca, Peñalolén, San Joaquín and Maipú, the Regional Council of "
        "Civil Society and non-profit organisations. The goal is to bring in all 52 "
        "municipalities of the Metropolitan Region."
    ),
    "Transformar la relación con la ciudadanía organizada en una relación colaborativa y de "
    "valor compartido.": (
        "To turn the relationship with organised citizens into one of collaboration and shared "
        "value."
    ),
    "Plan de Acción de Gobierno Abierto, Gobierno de Santiago": (
        "Open Government Action Plan, Gobierno de Santiago"
    ),
    "Contribución a los ODS": "Contribution to the SDGs",
    "La Red aporta al Objetivo de Desarrollo Sostenible 16 (instituciones sólidas) y al 17 "
    "(alianzas para lograr los objetivos).": (
        "The Network contributes to Sustainable Development Goal 16 (strong institutions) and "
        "17 (partnerships for the goals)."
    ),
}

# The pages translated for the demo, parents first.
RUTAS = ["/", "/red/", "/que-es-la-red/"]


def traducir(pagina, locale):
    """Translates `pagina` into `locale` with wagtail-localize; returns the English page."""
    existente = pagina.get_translation_or_none(locale)
    if existente is not None:
        return existente, False
    source, _creada = TranslationSource.get_or_create_from_instance(pagina)
    traduccion, _creada = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = traduccion.export_po()
    for entrada in po:
        if entrada.msgid in TEXTOS:
            entrada.msgstr = TEXTOS[entrada.msgid]
    traduccion.import_po(po, tool_name="cargar_demo")
    # Saved as a draft and published here: wagtail-localize publishes on commit,
    # which would leave the page unpublished inside a test's transaction.
    traduccion.save_target(publish=False)
    traducida = pagina.get_translation(locale)
    traducida.get_latest_revision().publish()
    traducida.refresh_from_db()
    return traducida, True


def cargar(comando):
    ingles = Locale.objects.get(language_code="en")
    inicio = Page.objects.get(depth=2, locale__language_code="es").specific
    for ruta in RUTAS:
        pagina = inicio
        for slug in [parte for parte in ruta.split("/") if parte]:
            pagina = pagina.get_children().get(slug=slug).specific
        traducida, creada = traducir(pagina, ingles)
        estado = "traducida" if creada else "ya estaba traducida"
        comando.paso(f"en inglés: {traducida.url} ({estado})")
