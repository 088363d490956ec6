"""The demo's English site: library indexes, two practices, an event and their members."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from wagtail.models import Page

from eventos.models import EventoPage, Inscripcion
from practicas.models import PracticaPage
from red.models import Comuna

PRACTICA_GORE = "/red/gobierno-de-santiago/participacion-vinculante-en-proyectos/"
PRACTICA_PENALOLEN = "/red/municipalidad-de-penalolen/cuenta-publica-en-lenguaje-claro/"
TALLER = "/red/gobierno-de-santiago/taller-datos-abiertos-municipales/"

# English address → (h1, English sentences of its main text, Spanish sentences that must be gone)
PAGINAS = {
    "/en/practicas/": (
        "Practice library",
        ["Open-government experiences from the region, written up so that another comuna"],
        ["Experiencias de gobierno abierto de la región"],
    ),
    "/en/herramientas/": (
        "Tools",
        ["Guides, templates, data and courses that the Network's members share"],
        ["Guías, plantillas, datos y cursos"],
    ),
    "/en/eventos/": (
        "Events",
        ["Training sessions, workshops and exchange meetings", "Register online."],
        ["Inscríbase en línea."],
    ),
    "/en/datos/": (
        "Open data",
        ["can be downloaded and reused under a CC BY 4.0 licence"],
        ["se puede descargar y reutilizar"],
    ),
    "/en/red/gobierno-de-santiago/": (
        "Gobierno de Santiago",
        ["The regional government of the Santiago Metropolitan Region."],
        ["Coordina la Red y revisa lo que publican sus miembros."],
    ),
    "/en/red/municipalidad-de-penalolen/": (
        "Municipalidad de Peñalolén",
        ["Pilot municipality of the Regional Open Government Network."],
        ["Municipio piloto de la Red Regional"],
    ),
    "/en" + PRACTICA_GORE: (
        "Binding citizen participation in the projects your comuna applies for",
        [
            "A model that gives organised citizens a binding say on the projects",
            "Binding participation is not yet established at every stage of public action",
            "Issues of public interest are identified together with citizens",
            "Decide which decisions will be binding",
            "With support for people who do not use the internet.",
            "6 to 9 months",
        ],
        ["Catastrar las organizaciones", "Con apoyo para quienes no usan internet", "6 a 9 meses"],
    ),
    "/en" + PRACTICA_PENALOLEN: (
        "A participatory annual report in plain language",
        [
            "The municipality prepares its annual public report around questions",
            "Gather questions from neighbourhood associations",
            "Ley 20.285 on access to public information",
            "Proactive transparency (article 7)",
            "No additional cost",
        ],
        ["Recoger preguntas de las juntas de vecinos", "Sin costo adicional"],
    ),
    "/en" + TALLER: (
        "Workshop: municipal open data, step by step",
        [
            "How to choose, clean and publish a municipality's first datasets",
            "Municipal transparency, IT and planning teams.",
            "Step-free entrance on Bandera.",
            "Hands-on: a spreadsheet of business licences",
        ],
        ["Manos a la obra", "Acceso sin escaleras", "Bienvenida"],
    ),
}


@pytest.fixture
def demo(demo_del_modulo, db):
    """The demo, loaded once for the module (tests/conftest.py)."""


def sopa(response):
    return BeautifulSoup(response.content, "html.parser")


def texto_principal(soup):
    return soup.select_one("main").get_text(" ", strip=True)


@pytest.mark.parametrize("ruta", list(PAGINAS))
def test_demo_page_is_in_english(client, demo, ruta):
    titulo, en_ingles, en_espanol = PAGINAS[ruta]
    response = client.get(ruta)
    assert response.status_code == 200
    soup = sopa(response)
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text(" ", strip=True) == titulo
    texto = texto_principal(soup)
    for frase in en_ingles:
        assert frase in texto
    for frase in en_espanol:
        assert frase not in texto
    assert "Skip to content" in soup.get_text()


def test_english_practice_page_has_english_interface(client, demo):
    texto = texto_principal(sopa(client.get("/en" + PRACTICA_PENALOLEN)))
    for etiqueta in ("How to replicate it", "Steps", "Legal basis", "Contact"):
        assert etiqueta in texto
    assert "Cómo replicarla" not in texto


def test_english_library_lists_the_translated_practices_in_english(client, demo):
    soup = sopa(client.get("/en/practicas/"))
    titulos = [a.get_text(strip=True) for a in soup.select(".card__title a, h2 a, h3 a")]
    assert "A participatory annual report in plain language" in titulos
    assert "Binding citizen participation in the projects your comuna applies for" in titulos
    assert "Cuenta pública participativa en lenguaje claro" not in titulos
    enlaces = {a["href"] for a in soup.select("main a[href]")}
    assert "/en" + PRACTICA_PENALOLEN in enlaces


def test_english_calendar_lists_the_translated_event(client, demo):
    soup = sopa(client.get("/en/eventos/"))
    texto = texto_principal(soup)
    assert "Workshop: municipal open data, step by step" in texto
    assert "Taller: datos abiertos municipales paso a paso" not in texto
    assert soup.select_one(f'main a[href="/en{TALLER}"]') is not None


def test_english_event_links_to_the_english_practice(client, demo):
    soup = sopa(client.get("/en" + TALLER))
    relacionada = soup.select_one("#practicas-rel").find_parent("section").a
    assert relacionada["href"] == "/en" + PRACTICA_GORE
    assert relacionada.get_text() == (
        "Binding citizen participation in the projects your comuna applies for"
    )


def test_registration_on_the_english_page_attaches_to_the_event(client, demo):
    espanol = EventoPage.objects.get(
        slug="taller-datos-abiertos-municipales", locale__language_code="es"
    )
    antes = Inscripcion.objects.filter(evento=espanol).count()
    response = client.post(
        "/en" + TALLER,
        {
            "nombre": "Jane Doe",
            "email": "jane@example.org",
            "organizacion": "Neighbourhood association",
            "comuna": str(Comuna.objects.get(cut="13122").pk),
            "tipo_participante": "organizacion",
            "necesidades_accesibilidad": "",
            "consentimiento": "on",
        },
    )
    assert response.status_code == 303
    assert response["Location"].startswith("/en" + TALLER)
    inscripcion = Inscripcion.objects.get(email="jane@example.org")
    assert inscripcion.evento_id == espanol.pk
    assert Inscripcion.objects.filter(evento=espanol).count() == antes + 1
    assert len(mail.outbox) == 1
    confirmada = texto_principal(sopa(client.get(response["Location"])))
    assert "We have received your registration. Check your e-mail" in confirmada


def test_invalid_registration_on_the_english_page_answers_in_english(client, demo):
    response = client.post("/en" + TALLER, {"nombre": "", "email": "no"})
    assert response.status_code == 422
    texto = texto_principal(sopa(response))
    assert "Full name" in texto
    assert "Nombre completo" not in texto


@pytest.mark.parametrize("ruta", [PRACTICA_PENALOLEN, TALLER, "/practicas/", "/eventos/"])
def test_switcher_goes_both_ways(client, demo, ruta):
    a_ingles = sopa(client.get(ruta)).select_one(".language-switcher a")
    assert a_ingles["href"] == "/en" + ruta
    assert a_ingles.get_text() == "View this page in English"
    a_espanol = sopa(client.get("/en" + ruta)).select_one(".language-switcher a")
    assert a_espanol["href"] == ruta
    assert a_espanol.get_text() == "Ver esta página en español"


def test_loading_the_demo_twice_creates_no_duplicate_translations(demo):
    def conteo():
        return (
            Page.objects.filter(locale__language_code="en").count(),
            PracticaPage.objects.filter(locale__language_code="en").count(),
            EventoPage.objects.filter(locale__language_code="en").count(),
            PracticaPage.objects.count(),
        )

    antes = conteo()
    call_command("cargar_demo", "--omitir=rendicion.demo_en", stdout=io.StringIO())
    assert conteo() == antes
    assert antes[1:3] == (2, 1)


def test_english_pages_show_the_english_axes_and_sdg_targets(client, demo):
    """The demo translates the axes and SDG targets with wagtail-localize: English pages
    show them in English (no lang="es"), Spanish pages in Spanish."""
    soup = sopa(client.get("/en" + PRACTICA_PENALOLEN))
    ejes = soup.select(".facts .tag--eje")
    assert {e.get_text() for e in ejes} == {"Accountability", "Citizen participation"}
    assert all(e.get("lang") is None for e in ejes)
    assert {e["href"] for e in ejes} == {
        "/en/practicas/?eje=rendicion-de-cuentas",
        "/en/practicas/?eje=participacion-ciudadana",
    }
    texto = texto_principal(soup)
    assert "16.6 Develop effective, accountable and transparent institutions at all levels" in (
        texto
    )
    assert "instituciones eficaces" not in texto
    espanol = sopa(client.get(PRACTICA_PENALOLEN))
    assert {e.get_text() for e in espanol.select(".facts .tag--eje")} == {
        "Rendición de cuentas",
        "Participación ciudadana",
    }
    # The cards of the English calendar and its axis filter, too.
    calendario = sopa(client.get("/en/eventos/"))
    assert "Transparency" in [e.get_text() for e in calendario.select(".tag--eje")]
    opciones = {o["value"]: o.get_text() for o in calendario.select("select[name=eje] option")}
    assert opciones["transparencia"] == "Transparency"


def test_an_axis_not_yet_translated_stays_in_spanish_and_says_so(client, demo):
    """WCAG 3.1.2 (language of parts): a screen reader must read it as Spanish."""
    from practicas.models import Eje

    Eje.objects.filter(locale__language_code="en", slug="rendicion-de-cuentas").delete()
    ejes = sopa(client.get("/en" + PRACTICA_PENALOLEN)).select(".facts .tag--eje")
    textos = {e.get_text(): e.get("lang") for e in ejes}
    assert textos == {"Rendición de cuentas": "es", "Citizen participation": None}
    # Its facet in the English library still counts the practice, in Spanish.
    facetas = sopa(client.get("/en/practicas/")).select("#faceta-eje + ul a")
    assert "Rendición de cuentas (1)" in [" ".join(a.get_text().split()) for a in facetas]


def test_english_library_filters_and_counts_by_the_english_axes(client, demo):
    soup = sopa(client.get("/en/practicas/"))
    opciones = soup.select("nav[aria-labelledby=faceta-eje] li")
    facetas = {" ".join(li.get_text().split()) for li in opciones}
    assert {"Citizen participation (2)", "Accountability (1)", "Transparency (0)"} <= facetas
    # An axis with no practice is not a link to an empty page.
    enlaces = {" ".join(li.a.get_text().split()) for li in opciones if li.a}
    assert "Transparency (0)" not in enlaces and "Accountability (1)" in enlaces
    assert not any("Participación" in f for f in facetas)

    def titulos(consulta):
        pagina = sopa(client.get("/en/practicas/" + consulta))
        return {a.get_text(strip=True) for a in pagina.select("main h2 a, main h3 a")}

    gore = "Binding citizen participation in the projects your comuna applies for"
    penalolen = "A participatory annual report in plain language"
    assert titulos("?eje=participacion-ciudadana") >= {gore, penalolen}
    assert penalolen in titulos("?eje=rendicion-de-cuentas")
    assert gore not in titulos("?eje=rendicion-de-cuentas")
    assert titulos("?ods=17.17") >= {gore}
    assert penalolen not in titulos("?ods=17.17")
    # SDG targets by a short label; the link's title and the practice carry the full wording.
    enlaces_ods = {
        " ".join(a.get_text().split()): a["title"] for a in soup.select("#faceta-ods + ul a")
    }
    assert enlaces_ods["16.6 Develop effective, accountable and transparent institutions… (1)"] == (
        "Develop effective, accountable and transparent institutions at all levels"
    )


def test_spanish_editors_choose_among_the_spanish_axes_only(client, demo):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="admin"))
    practica = PracticaPage.objects.get(
        slug="cuenta-publica-en-lenguaje-claro", locale__language_code="es"
    )
    soup = sopa(client.get(f"/admin/pages/{practica.pk}/edit/"))
    ejes = [o.get_text(strip=True) for o in soup.select("#id_ejes option")]
    assert "Transparencia" in ejes
    assert "Transparency" not in ejes
    metas = " ".join(o.get_text() for o in soup.select("#id_metas_ods option"))
    assert "instituciones eficaces" in metas
    assert "effective, accountable" not in metas


def test_the_coordination_translates_the_jargon_list_with_wagtail_localize(client, demo):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Locale

    from home.models import TerminoJerga
    from red.grupos import GRUPO_COORDINACION

    coordinadora = get_user_model().objects.create_user("coordina", password="x-Clave-larga-1")
    coordinadora.groups.add(Group.objects.get(name=GRUPO_COORDINACION))
    client.force_login(coordinadora)
    termino = TerminoJerga.objects.filter(locale__language_code="es").first()
    ingles = Locale.objects.get(language_code="en")
    url = f"/admin/localize/submit/snippet/home/terminojerga/{termino.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [ingles.pk]})
    assert response.status_code == 302
    traducido = termino.get_translation(ingles)
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert termino.termino in editor.content.decode()
    assert traducido.translation_key == termino.translation_key


def test_english_libraries_say_how_many_items_are_only_in_spanish(client, demo):
    from practicas.models import HerramientaPage

    for ruta, modelo, nombre in [
        ("/practicas/", PracticaPage, "practices"),
        ("/herramientas/", HerramientaPage, "tools"),
    ]:
        vivas = modelo.objects.live()
        solo_es = vivas.filter(locale__language_code="es").exclude(
            translation_key__in=vivas.filter(locale__language_code="en").values("translation_key")
        )
        n = solo_es.count()
        assert n > 1
        aviso = sopa(client.get("/en" + ruta)).select_one(".aviso--idioma")
        assert aviso.get_text(" ", strip=True) == (
            f"{n} more {nombre} are only in Spanish for now. See the full library in Spanish"
        )
        assert aviso.a["href"] == ruta
        assert sopa(client.get(ruta)).select_one(".aviso--idioma") is None
