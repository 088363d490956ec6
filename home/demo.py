"""Demo content of the site's skeleton: locales, home page, content pages, settings."""

from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page, Site

from nucleo.demo import asegurar_pagina

from .demo_accesibilidad import ACCESIBILIDAD
from .models import ConfiguracionSitio, ContentPage, HomePage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"  # noqa: S105 - demo-only credentials printed by `make run` # nosec B105

INTRO = (
    "La Red Regional de Gobierno Abierto reúne al Gobierno de Santiago, a las 52 "
    "municipalidades de la Región Metropolitana y a la sociedad civil organizada para "
    "compartir prácticas, datos y herramientas de transparencia, rendición de cuentas "
    "y participación ciudadana."
)

CUERPO_INICIO = [
    ("heading", {"text": "¿Por qué una red?", "level": "h2"}),
    (
        "paragraph",
        "<p>Hoy cada municipio y cada organización hace sus esfuerzos de transparencia y "
        "participación por separado. Lo que funciona en una comuna no llega a la de al "
        "lado, y cada equipo empieza de cero. La Red existe para que el gobierno regional, "
        "las municipalidades y la sociedad civil compartan lo que saben hacer.</p>",
    ),
    ("heading", {"text": "¿Qué encontrará aquí?", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Prácticas que otra comuna puede repetir, explicadas paso a paso.</li>"
        "<li>Herramientas y datos abiertos para reutilizar.</li>"
        "<li>Eventos de formación e intercambio, abiertos a la ciudadanía organizada.</li>"
        "</ul>",
    ),
    (
        "paragraph",
        "<p>El piloto comienza con Renca, Peñalolén, San Joaquín y Maipú, junto al Consejo "
        "Regional de la Sociedad Civil. La meta es sumar a las 52 municipalidades de la "
        "Región Metropolitana.</p>",
    ),
]

PAGINAS = [
    {
        "slug": "que-es-la-red",
        "title": "Qué es la Red",
        "intro": (
            "Una red para que los gobiernos locales, el gobierno regional y la ciudadanía "
            "organizada aprendan unos de otros y abran juntos sus procesos y sus datos."
        ),
        "body": [
            ("heading", {"text": "Por qué existe", "level": "h2"}),
            (
                "paragraph",
                "<p>Hoy los esfuerzos de gobierno abierto en la región están aislados. "
                "No existe un espacio donde el gobierno regional, las municipalidades y la "
                "sociedad civil compartan prácticas, datos y herramientas. Eso debilita la "
                "confianza y hace que cada comuna parta de cero.</p>",
            ),
            ("heading", {"text": "Qué hace", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Publica experiencias replicables de transparencia, rendición de "
                "cuentas y participación ciudadana.</li><li>Organiza espacios estables de "
                "formación e intercambio.</li><li>Comparte datos y herramientas en formatos "
                "abiertos y en lenguaje claro.</li></ul>",
            ),
            ("heading", {"text": "Quiénes participan", "level": "h2"}),
            (
                "paragraph",
                "<p>El piloto comienza con Renca, Peñalolén, San Joaquín y Maipú, el Consejo "
                "Regional de la Sociedad Civil y organizaciones sin fines de lucro. La meta "
                "es sumar a las 52 municipalidades de la Región Metropolitana.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Transformar la relación con la ciudadanía organizada en una "
                    "relación colaborativa y de valor compartido.",
                    "attribution": "Plan de Acción de Gobierno Abierto, Gobierno de Santiago",
                },
            ),
            ("heading", {"text": "Contribución a los ODS", "level": "h2"}),
            (
                "paragraph",
                "<p>La Red aporta al Objetivo de Desarrollo Sostenible 16 (instituciones "
                "sólidas) y al 17 (alianzas para lograr los objetivos).</p>",
            ),
        ],
    },
    {
        "slug": "politica-de-datos",
        "title": "Política de datos abiertos",
        "intro": (
            "Todo lo que se publica en este sitio se puede descargar y reutilizar con "
            "licencia CC BY 4.0, salvo que una página indique otra."
        ),
        "body": [
            (
                "paragraph",
                "<p>Publicamos los datos en formatos abiertos (CSV y JSON), con nombres de "
                "columnas estables y fechas en formato ISO 8601. Nunca publicamos datos "
                "personales de quienes se inscriben en eventos ni de quienes postulan a "
                "la Red.</p>",
            ),
            (
                "table",
                {
                    "table_caption": "Formatos en que publicamos",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["Formato", "Para qué sirve"],
                        ["CSV", "Abrir los datos en una planilla de cálculo."],
                        ["JSON", "Usar los datos en programas y aplicaciones."],
                        ["JSON-LD (DCAT)", "Que los catálogos de datos encuentren los nuestros."],
                    ],
                },
            ),
        ],
    },
    {
        "slug": "privacidad",
        "title": "Privacidad y datos personales",
        "intro": (
            "Cómo tratamos los datos personales que usted nos entrega, según la Ley 19.628 "
            "y la Ley 21.719."
        ),
        "body": [
            (
                "paragraph",
                "<p>Usamos sus datos solo para el fin que usted autorizó: gestionar su "
                "inscripción en un evento o su postulación a la Red. No los compartimos ni "
                "los publicamos. Los datos de inscripción se anonimizan después del evento. "
                "Puede pedir acceso, rectificación o eliminación escribiendo al correo de "
                "contacto de la Red.</p>",
            ),
        ],
    },
    ACCESIBILIDAD,
]


def asegurar_locales():
    for code in ("es", "en"):
        Locale.objects.get_or_create(language_code=code)
    return Locale.objects.get(language_code="es")


def asegurar_home(locale):
    home = HomePage.objects.filter(locale=locale).first()
    if home:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Red Regional de Gobierno Abierto",
            slug="inicio",
            intro=INTRO,
            body=CUERPO_INICIO,
            locale=locale,
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    previous_root = site.root_page if site else None
    if site:
        site.root_page = home
        site.site_name = "Red Regional de Gobierno Abierto"
        site.save()
    else:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Red Regional de Gobierno Abierto",
        )
    # Wagtail's own "Welcome" page is left behind by its initial migration.
    if previous_root and previous_root.specific_class is Page:
        previous_root.delete()
    return home


def cargar(comando):
    locale = asegurar_locales()
    home = asegurar_home(locale)
    comando.paso(f"página de inicio: {home.title}")
    paginas = {}
    for datos in PAGINAS:
        paginas[datos["slug"]] = asegurar_pagina(home, ContentPage, **datos)
        comando.paso(f"página de contenido: {datos['title']}")

    site = Site.objects.get(root_page=home)
    config = ConfiguracionSitio.for_site(site)
    config.pagina_privacidad = paginas["privacidad"]
    config.pagina_accesibilidad = paginas["accesibilidad"]
    config.save()

    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", ADMIN_PASSWORD)
        comando.paso(f"superusuario de demostración: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
