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

from nucleo.demo import pagina_traducida

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
    # Library index pages
    "Biblioteca de prácticas": "Practice library",
    "Experiencias de gobierno abierto de la región, escritas para que otra comuna u "
    "organización pueda repetirlas.": (
        "Open-government experiences from the region, written up so that another comuna or "
        "organisation can repeat them."
    ),
    "Herramientas": "Tools",
    "Guías, plantillas, datos y cursos que los miembros de la Red comparten para reutilizar.": (
        "Guides, templates, data and courses that the Network's members share for others to reuse."
    ),
    "Eventos": "Events",
    "Capacitaciones, talleres y encuentros de intercambio entre el gobierno regional, los "
    "municipios y la ciudadanía organizada. Inscríbase en línea.": (
        "Training sessions, workshops and exchange meetings between the regional government, "
        "the municipalities and organised citizens. Register online."
    ),
    "Datos abiertos": "Open data",
    "Todo lo que publica la Red se puede descargar y reutilizar, con licencia CC BY 4.0.": (
        "Everything the Network publishes can be downloaded and reused under a CC BY 4.0 licence."
    ),
    # Member pages (the parents of the translated practices and event)
    "El gobierno regional de la Región Metropolitana. Coordina la Red y revisa lo que "
    "publican sus miembros.": (
        "The regional government of the Santiago Metropolitan Region. It coordinates the "
        "Network and reviews what its members publish."
    ),
    "Municipio piloto de la Red Regional de Gobierno Abierto.": (
        "Pilot municipality of the Regional Open Government Network."
    ),
    "Texto de demostración escrito para este sitio de prueba.": (
        "Demo text written for this test site."
    ),
    # Shared by the practices
    "Texto de demostración escrito para este sitio de prueba a partir del Plan de Acción.": (
        "Demo text written for this test site, based on the Action Plan."
    ),
    "Ley 20.500 sobre asociaciones y participación ciudadana en la gestión pública": (
        "Ley 20.500 on associations and citizen participation in public administration"
    ),
    # Practice: plain-language public accounts (Peñalolén)
    "Cuenta pública participativa en lenguaje claro": (
        "A participatory annual report in plain language"
    ),
    "La cuenta pública del municipio se prepara con preguntas de las juntas de vecinos y se "
    "publica en una versión corta, en lenguaje claro, con sus datos.": (
        "The municipality prepares its annual public report around questions from "
        "neighbourhood associations, and publishes a short plain-language version together "
        "with its data."
    ),
    "Recoger preguntas de las juntas de vecinos": (
        "Gather questions from neighbourhood associations"
    ),
    "Responderlas en la cuenta": "Answer them in the report",
    "Publicar la versión corta y los datos": "Publish the short version and the data",
    "Sin costo adicional": "No additional cost",
    "2 meses": "2 months",
    "Ley 20.285 sobre acceso a la información pública": (
        "Ley 20.285 on access to public information"
    ),
    "Transparencia activa (artículo 7)": "Proactive transparency (article 7)",
    "Equipo de Gobierno Abierto, Municipalidad de Peñalolén": (
        "Open Government Team, Municipalidad de Peñalolén"
    ),
    # Practice: binding participation (Gobierno de Santiago), the workshop's related practice
    "Participación ciudadana vinculante en los proyectos postulados para tu comuna": (
        "Binding citizen participation in the projects your comuna applies for"
    ),
    "Un modelo para que la ciudadanía organizada dé una opinión vinculante sobre los "
    "proyectos que su comuna postula a financiamiento del Gobierno de Santiago.": (
        "A model that gives organised citizens a binding say on the projects their comuna "
        "submits for funding from the Gobierno de Santiago."
    ),
    "La participación vinculante aún no está consolidada en todos los ciclos de acción "
    "pública: faltan mecanismos claros, articulación entre actores y conocimiento "
    "compartido.": (
        "Binding participation is not yet established at every stage of public action: clear "
        "mechanisms, coordination between stakeholders and shared know-how are missing."
    ),
    "Se co-identifican con la ciudadanía los temas de interés público, se diseñan "
    "metodologías de votación y deliberación y se abren canales digitales y presenciales.": (
        "Issues of public interest are identified together with citizens, voting and "
        "deliberation methods are designed, and online and in-person channels are opened."
    ),
    "Catastrar las organizaciones del territorio": "Map the organisations in the area",
    "Con el registro municipal de organizaciones (Ley 20.500).": (
        "Using the municipal register of organisations (Ley 20.500)."
    ),
    "Definir qué decisiones serán vinculantes": "Decide which decisions will be binding",
    "Y publicarlo antes de abrir la consulta.": "And publish this before the consultation opens.",
    "Abrir canales digitales y presenciales": "Open online and in-person channels",
    "Con apoyo para quienes no usan internet.": (
        "With support for people who do not use the internet."
    ),
    "Publicar los resultados y lo que se hará con ellos": (
        "Publish the results and what will be done with them"
    ),
    "Equipo de participación y plataforma de votación": (
        "A participation team and a voting platform"
    ),
    "6 a 9 meses": "6 to 9 months",
    "Equipo de Gobierno Abierto, Gobierno de Santiago": (
        "Open Government Team, Gobierno de Santiago"
    ),
    # Event: open-data workshop (Gobierno de Santiago)
    "Taller: datos abiertos municipales paso a paso": (
        "Workshop: municipal open data, step by step"
    ),
    "Cómo elegir, limpiar y publicar los primeros conjuntos de datos de una municipalidad, "
    "con ejemplos de la región.": (
        "How to choose, clean and publish a municipality's first datasets, with examples from "
        "the region."
    ),
    "Evento ficticio de la demostración del sitio.": "A fictitious event from the site demo.",
    "Equipos municipales de transparencia, informática y planes.": (
        "Municipal transparency, IT and planning teams."
    ),
    "Salón Gobierno de Santiago": "Gobierno de Santiago conference room",
    "Acceso sin escaleras por Bandera. Baño accesible en el primer piso.": (
        "Step-free entrance on Bandera. Accessible toilet on the ground floor."
    ),
    "Bienvenida": "Welcome",
    # The catastro of organizations
    "Catastro de organizaciones": "Register of organisations",
    "Las organizaciones ciudadanas de los territorios, comuna por comuna.": (
        "The citizen organisations of the territories, comuna by comuna."
    ),
    "Equipo de Gobierno Abierto": "Open Government Team",
    "Qué datos publicar primero": "Which data to publish first",
    "Manos a la obra: una planilla de patentes": ("Hands-on: a spreadsheet of business licences"),
}

# The pages translated for the demo, parents first: a practice or an event is
# translated under its member's English page. The first practice is the one the
# workshop links to, so the English event links to an English practice. Renca stays
# untranslated: the tests of pages without an English version rely on it.
RUTAS = [
    "/",
    "/red/",
    "/red/organizaciones/",
    "/que-es-la-red/",
    "/practicas/",
    "/herramientas/",
    "/eventos/",
    "/datos/",
    "/red/gobierno-de-santiago/",
    "/red/municipalidad-de-penalolen/",
    "/red/gobierno-de-santiago/participacion-vinculante-en-proyectos/",
    "/red/municipalidad-de-penalolen/cuenta-publica-en-lenguaje-claro/",
    "/red/gobierno-de-santiago/taller-datos-abiertos-municipales/",
]


def cargar(comando):
    ingles = Locale.objects.get(language_code="en")
    inicio = Page.objects.get(depth=2, locale__language_code="es").specific
    for ruta in RUTAS:
        pagina = inicio
        for slug in [parte for parte in ruta.split("/") if parte]:
            pagina = pagina.get_children().get(slug=slug).specific
        traducida, creada = pagina_traducida(pagina, ingles, TEXTOS)
        estado = "traducida" if creada else "ya estaba traducida"
        comando.paso(f"en inglés: {traducida.url} ({estado})")
