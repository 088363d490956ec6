"""The plain-language panel in the page editor, its JSON endpoint and the reading time."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import TerminoJerga
from tests.factories import ContentPageFactory

URL_ANALIZAR = "/admin/lenguaje-claro/analizar/"
TEXTO_CON_JERGA = "En virtud de la ley, la Red publica sus datos sobre los ODS."


def editar(client, page):
    return client.get(f"/admin/pages/{page.pk}/edit/")


def test_la_lista_de_jerga_viene_sembrada(db):
    terminos = TerminoJerga.objects.filter(locale=Locale.get_default())
    assert terminos.count() >= 25
    assert terminos.get(termino="en virtud de").alternativa == "por, según"
    assert terminos.get(termino="con el objeto de").alternativa == "para"


def test_el_editor_muestra_puntaje_y_sugerencias(home_page, admin_client):
    page = ContentPageFactory(parent=home_page, intro=TEXTO_CON_JERGA)
    response = editar(admin_client, page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-lenguaje-claro" in html
    assert "js/lenguaje-claro-admin.js" in html
    assert "Índice de Szigriszt-Pazos (escala INFLESZ)" in html
    assert "«En virtud de»: pruebe con «por, según»." in html
    assert "La sigla «ODS» no se explica" in html
    assert "Todavía no hay texto que analizar." in html  # the empty body


def test_el_panel_analiza_el_ultimo_borrador_guardado(home_page, admin_client):
    page = ContentPageFactory(parent=home_page, intro="Un texto claro y breve.")
    page.intro = "Con el objeto de informar, publicamos el informe."
    page.save_revision()
    html = editar(admin_client, page).content.decode()
    assert "«Con el objeto de»: pruebe con «para»." in html


def test_la_coordinacion_ve_el_panel_al_revisar_en_moderacion(home_page, django_user_model):
    coordinacion = Group.objects.create(name="Coordinación de prueba")
    coordinacion.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=coordinacion, page=home_page, permission=Permission.objects.get(codename=codename)
        )
    revisora = django_user_model.objects.create_user("revisora", password="x")
    revisora.groups.add(coordinacion)
    editor = django_user_model.objects.create_superuser("editor", password="x")

    tarea = GroupApprovalTask.objects.create(name="Revisión de la coordinación")
    tarea.groups.set([coordinacion])
    flujo = Workflow.objects.create(name="Publicación con revisión")
    WorkflowTask.objects.create(workflow=flujo, task=tarea, sort_order=0)
    WorkflowPage.objects.create(workflow=flujo, page=home_page)

    page = ContentPageFactory(parent=home_page, intro=TEXTO_CON_JERGA, live=False)
    page.save_revision(user=editor)
    flujo.start(page, editor)
    assert page.current_workflow_task.pk == tarea.pk

    client = Client()
    client.force_login(revisora)
    html = editar(client, page).content.decode()
    assert "data-lenguaje-claro" in html
    assert "«En virtud de»: pruebe con «por, según»." in html


def test_endpoint_devuelve_puntaje_sugerencias_y_html(home_page, admin_client):
    response = admin_client.post(URL_ANALIZAR, {"texto": TEXTO_CON_JERGA, "etiqueta": "Resumen"})
    assert response.status_code == 200
    datos = response.json()
    assert datos["palabras"] == 13
    assert datos["oraciones"] == 1
    assert datos["nivel_szigriszt_pazos"]
    assert {s["tipo"] for s in datos["sugerencias"]} == {"jerga", "sigla"}
    assert "<h3" in datos["html"] and "Resumen" in datos["html"]


def test_endpoint_usa_la_jerga_editada_por_la_coordinacion(home_page, admin_client):
    response = admin_client.post(
        "/admin/snippets/home/terminojerga/add/?locale=es",
        {"termino": "coadyuvar", "alternativa": "ayudar", "nota": ""},
    )
    assert response.status_code == 302
    datos = admin_client.post(URL_ANALIZAR, {"texto": "Vamos a coadyuvar."}).json()
    assert [s["mensaje"] for s in datos["sugerencias"]] == ["«coadyuvar»: pruebe con «ayudar»."]


def test_endpoint_exige_post_permiso_y_csrf(home_page, admin_client, django_user_model):
    assert admin_client.get(URL_ANALIZAR).status_code == 405
    assert Client().post(URL_ANALIZAR, {"texto": "Hola."}).status_code == 302  # to the login

    sin_paginas = django_user_model.objects.create_user("lector", password="x")
    sin_paginas.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client = Client()
    client.force_login(sin_paginas)
    assert client.post(URL_ANALIZAR, {"texto": "Hola."}).status_code == 403

    admin = django_user_model.objects.get(username="admin")
    estricto = Client(enforce_csrf_checks=True)
    estricto.force_login(admin)
    assert estricto.post(URL_ANALIZAR, {"texto": "Hola."}).status_code == 403


def test_endpoint_rechaza_textos_enormes(home_page, admin_client):
    response = admin_client.post(URL_ANALIZAR, {"texto": "palabra " * 30_000})
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("n_palabras", "esperado"), [(20, "Lectura: 1 minuto"), (450, "Lectura: 3 minutos")]
)
def test_la_pagina_publica_muestra_el_tiempo_de_lectura(home_page, client, n_palabras, esperado):
    # intro: 4 words; body: n − 4 words → n words / 200 per minute, rounded up
    cuerpo = " ".join(["palabra"] * (n_palabras - 4))
    page = ContentPageFactory(
        parent=home_page,
        intro="Una introducción bien corta.",
        body=[("paragraph", f"<p>{cuerpo}.</p>")],
    )
    response = client.get(page.url)
    assert esperado in response.content.decode()


def test_practice_and_event_editors_show_the_panel_for_their_public_texts(
    home_page, red_index, admin_client
):
    from tests.eventos.factories import crear_evento
    from tests.practicas.factories import crear_practica
    from tests.red.factories import municipalidad

    renca = municipalidad(red_index, "13128")
    practica = crear_practica(renca, resumen=TEXTO_CON_JERGA)
    evento = crear_evento(renca, resumen="Con el objeto de aprender, nos reunimos en Renca.")
    html_practica = editar(admin_client, practica).content.decode()
    assert "data-lenguaje-claro" in html_practica
    assert "«En virtud de»: pruebe con «por, según»." in html_practica
    html_evento = editar(admin_client, evento).content.decode()
    assert "data-lenguaje-claro" in html_evento
    assert "«Con el objeto de»: pruebe con «para»." in html_evento


def test_practice_tool_and_event_pages_show_their_reading_time(home_page, red_index, client):
    """Every text the visitor reads counts: 10 words of summary and 390 (practice) or
    400 (tool, event) words of body are 400 or 410 words → 2 and 3 minutes at 200
    words per minute, rounded up."""
    from tests.datos.factories import crear_herramienta
    from tests.eventos.factories import crear_evento
    from tests.practicas.factories import crear_practica
    from tests.red.factories import municipalidad

    renca = municipalidad(red_index, "13128")
    resumen = "Diez palabras de resumen para contar el tiempo de lectura."
    assert len(resumen.split()) == 10
    practica = crear_practica(
        renca,
        resumen=resumen,
        problema=f"<p>{' '.join(['problema'] * 190)}</p>",
        cuerpo=[("paragraph", f"<p>{' '.join(['cuerpo'] * 200)}</p>")],
    )
    herramienta = crear_herramienta(
        renca, resumen=resumen, descripcion=f"<p>{' '.join(['guía'] * 400)}</p>"
    )
    evento = crear_evento(
        renca, resumen=resumen, descripcion=f"<p>{' '.join(['taller'] * 400)}</p>"
    )
    esperado = {practica: "Lectura: 2 minutos", herramienta: "Lectura: 3 minutos"}
    esperado[evento] = "Lectura: 3 minutos"
    for pagina, texto in esperado.items():
        html = client.get(pagina.url).content.decode()
        assert f'<p class="reading-time">{texto}</p>' in html, pagina.url
