"""Nothing private leaves: drafts, unpublished revisions, restricted pages, documents
in private collections and editors' names and e-mails never appear in any download,
feed, API response, sitemap or search result."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.practicas.factories import crear_practica

from .factories import crear_herramienta

pytestmark = pytest.mark.django_db

# Each secret is a word that only exists in what must never leave.
BORRADOR = "zafiroborrador"
REVISION = "zafirorevision"
PRIVADA = "zafiroprivada"
HERRAMIENTA_PRIVADA = "zafiroherramienta"
DOCUMENTO = "zafirodocumento"
IMAGEN = "zafiroimagen"
EDITOR_NOMBRE = "Editorina"
EDITOR_APELLIDO = "Secretisima"
EDITOR_CORREO = "editora.secreta@example.org"
# A word that the secret pages and documents also contain: searching for it must bring
# none of them (searching for a secret itself would find it echoed in the search box).
CEBO = "cuarzooculto"


def inscripciones_a_un_evento(renca):
    """A public event with registrations: names, e-mails, accessibility needs and the
    online link are for the organizers and the registrants only."""
    from tests.eventos.factories import EventoIndexPageFactory, crear_evento, crear_inscripcion

    EventoIndexPageFactory(parent=renca.get_parent().get_parent())
    evento = crear_evento(
        renca,
        title="Taller abierto de datos",
        resumen=f"Un taller {CEBO}.",
        modalidad="hibrida",
        enlace_en_linea="https://reunion.example/sala-zqxenlace",
    )
    evento.save_revision().publish()
    crear_inscripcion(
        evento,
        nombre="Zenobia Qwertyuiop",
        email="zenobia.qwertyuiop@correo.example",
        necesidades_accesibilidad="Intérprete zqxnecesidad",
    )
    return ["sala-zqxenlace", "Qwertyuiop", "zenobia.qwertyuiop", "zqxnecesidad"]


def una_solicitud_de_ingreso(renca):
    """An application to join the network: its organization, RUT and contact are private."""
    from red.models import SolicitudIngreso

    SolicitudIngreso.objects.create(
        nombre="Fundación Zqxsolicitante",
        tipo="organizacion",
        rut="76086428-5",
        contacto_nombre="Ursulina Zqxcontacto",
        contacto_email="ursulina.zqx@correo.example",
        que_compartir=f"Queremos compartir {CEBO}.",
    )
    return ["Zqxsolicitante", "76086428", "Zqxcontacto", "ursulina.zqx"]


# Personal data kept by other apps: each function creates some and returns its secrets.
CREADORES_DE_DATOS_PERSONALES = [inscripciones_a_un_evento, una_solicitud_de_ingreso]


def salidas(practica_publica):
    """Every public output that could carry content: downloads, catalogue, API, feed,
    sitemap and searches for each secret word."""
    urls = [
        "/datos/",
        "/datos/catalogo.jsonld",
        "/practicas/feed.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/practicas/",
        "/herramientas/",
        "/api/v2/pages/?fields=*&limit=100",
        "/api/v2/pages/?type=practicas.PracticaPage&fields=*&limit=100",
        "/api/v2/pages/?type=practicas.HerramientaPage&fields=*&limit=100",
        "/api/v2/pages/?type=red.MiembroPage&fields=*&limit=100",
        "/api/v2/pages/?type=eventos.EventoPage&fields=*&limit=100",
        "/eventos/",
        "/eventos/calendario.ics",
        "/red/",
        f"/api/v2/pages/{practica_publica.pk}/",
        "/api/v2/images/?fields=*",
        "/api/v2/documents/?fields=*",
        practica_publica.url,
    ]
    for nombre in ("practicas", "eventos", "herramientas", "miembros"):
        urls += [f"/datos/{nombre}.csv", f"/datos/{nombre}.json"]
    urls += [
        f"/buscar/?q={CEBO}",
        f"/en/buscar/?q={CEBO}",
        f"/practicas/?q={CEBO}",
        f"/herramientas/?q={CEBO}",
        f"/datos/practicas.csv?q={CEBO}",
        f"/datos/herramientas.json?q={CEBO}",
        f"/api/v2/pages/?search={CEBO}",
        f"/api/v2/documents/?search={CEBO}",
        f"/api/v2/images/?search={CEBO}",
    ]
    return urls


def contenido(client, url):
    respuesta = client.get(url)
    assert respuesta.status_code == 200, url
    if respuesta.streaming:
        return b"".join(respuesta.streaming_content).decode()
    return respuesta.content.decode()


@pytest.fixture
def secretos(datos, biblioteca, herramientas_index, renca):
    editor = get_user_model().objects.create_user(
        username="editora",
        email=EDITOR_CORREO,
        password="x",
        first_name=EDITOR_NOMBRE,
        last_name=EDITOR_APELLIDO,
    )

    borrador = crear_practica(
        renca, title=f"Práctica {BORRADOR}", resumen=f"{BORRADOR} {CEBO}", owner=editor
    )
    borrador.unpublish()
    herramienta_borrador = crear_herramienta(
        renca, title=f"Herramienta {BORRADOR}", tipo="datos", resumen=CEBO
    )
    herramienta_borrador.unpublish()

    publica = crear_practica(
        renca, title="Práctica publicada", resumen="Lo que se ve.", owner=editor
    )
    publica.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    publica.title = f"Título {REVISION}"
    publica.resumen = f"Resumen {REVISION} {CEBO}"
    publica.save_revision(user=editor)  # not published

    privada = crear_practica(renca, title=f"Práctica {PRIVADA}", resumen=f"{PRIVADA} {CEBO}")
    privada.save_revision().publish()
    PageViewRestriction.objects.create(
        page=privada,
        restriction_type=PageViewRestriction.PASSWORD,
        password="clave",
    )
    herramienta_privada = crear_herramienta(
        renca, title=f"Herramienta {HERRAMIENTA_PRIVADA}", tipo="datos", resumen=CEBO
    )
    herramienta_privada.save_revision().publish()
    PageViewRestriction.objects.create(
        page=herramienta_privada,
        restriction_type=PageViewRestriction.LOGIN,
    )

    raiz = Collection.get_first_root_node()
    coleccion = raiz.add_child(name="Documentos internos")
    CollectionViewRestriction.objects.create(
        collection=coleccion, restriction_type=CollectionViewRestriction.LOGIN
    )
    Document.objects.create(
        title=f"Acta {DOCUMENTO} {CEBO}",
        file=ContentFile(b"secreto", name=f"{DOCUMENTO}.txt"),
        collection=coleccion,
        uploaded_by_user=editor,
    )
    from wagtail.images.models import Image

    Image.objects.create(
        title=f"Foto {IMAGEN} {CEBO}", file=get_test_image_file(), collection=coleccion
    )
    # A public document: the documents endpoint answers with something.
    Document.objects.create(
        title="Acta pública", file=ContentFile(b"publico", name="publico.txt"), collection=raiz
    )

    extra = []
    for crear in CREADORES_DE_DATOS_PERSONALES:
        extra += crear(renca)
    return {
        "publica": publica,
        "palabras": [
            BORRADOR,
            REVISION,
            PRIVADA,
            HERRAMIENTA_PRIVADA,
            DOCUMENTO,
            IMAGEN,
            EDITOR_NOMBRE,
            EDITOR_APELLIDO,
            EDITOR_CORREO,
            *extra,
        ],
    }


def test_nada_privado_sale_por_ninguna_salida(client, secretos):
    revisadas = 0
    for url in salidas(secretos["publica"]):
        texto = contenido(client, url).lower()
        for palabra in secretos["palabras"]:
            assert palabra.lower() not in texto, f"«{palabra}» aparece en {url}"
        revisadas += 1
    assert revisadas > 25


def test_las_salidas_si_muestran_lo_publico(client, secretos):
    """The leak test would pass on empty outputs: check that they do show public content."""
    assert "Práctica publicada" in contenido(client, "/datos/practicas.csv")
    assert "Práctica publicada" in contenido(client, "/datos/practicas.json")
    assert "Práctica publicada" in contenido(client, "/practicas/feed.xml")
    assert secretos["publica"].get_full_url() in contenido(client, "/sitemap.xml")
    assert "Práctica publicada" in contenido(client, "/api/v2/pages/?type=practicas.PracticaPage")
    assert "Acta pública" in contenido(client, "/api/v2/documents/")
    assert "Municipalidad de Renca" in contenido(client, "/datos/miembros.csv")
    # The secrets really exist: the unpublished revision and the restricted pages.
    assert REVISION in secretos["publica"].get_latest_revision_as_object().title
    assert PageViewRestriction.objects.count() == 2
