"""Demo practices: the Gobierno de Santiago's own commitments from its Open
Government action plan, and illustrative practices of the four pilot
municipalities with replications between them. Every page is marked es_demo:
texts, figures and contacts were written for this demo site."""

from nucleo.demo import asegurar_pagina, pagina_de_inicio
from red.models import Comuna, MiembroPage

from .demo_contenido import REPLICACIONES, practicas_de_la_demo
from .models import Eje, MetaODS, PracticaIndexPage, PracticaPage, Replicacion


def cargar(comando):
    home = pagina_de_inicio()
    asegurar_pagina(
        home,
        PracticaIndexPage,
        slug="practicas",
        title="Biblioteca de prácticas",
        intro=(
            "Experiencias de gobierno abierto de la región, escritas para que otra comuna u "
            "organización pueda repetirlas."
        ),
    )
    comando.paso("biblioteca de prácticas: /practicas/")
    ejes = {e.slug: e for e in Eje.objects.filter(locale=home.locale)}
    metas = {m.codigo: m for m in MetaODS.objects.filter(locale=home.locale)}
    miembros = {m.slug: m for m in MiembroPage.objects.filter(locale=home.locale)}
    practicas = {}
    for datos in practicas_de_la_demo():
        datos = dict(datos)
        miembro = miembros[datos.pop("miembro")]
        existente = PracticaPage.objects.child_of(miembro).filter(slug=datos["slug"]).first()
        if existente:
            practicas[existente.slug] = existente
            continue
        etiquetas = datos.pop("tags")
        cuts = datos.pop("comunas")
        comunas = (
            Comuna.objects.all() if cuts == "__todas__" else Comuna.objects.filter(cut__in=cuts)
        )
        practica = PracticaPage(
            ejes=[ejes[s] for s in datos.pop("ejes")],
            metas_ods=[metas[c] for c in datos.pop("ods")],
            comunas=list(comunas),
            contacto_nombre=f"Equipo de Gobierno Abierto, {miembro.title}",
            es_demo=True,
            **datos,
        )
        practica.tags.add(*etiquetas)
        miembro.add_child(instance=practica)
        practica.save_revision().publish()
        practicas[practica.slug] = practica
        comando.paso(f"práctica: {practica.title}")

    for slug, miembro_slug, estado, fecha, propia in REPLICACIONES:
        practica = practicas[slug]
        miembro = miembros[miembro_slug]
        if Replicacion.objects.filter(practica=practica, miembro=miembro).exists():
            continue
        practica = PracticaPage.objects.get(pk=practica.pk)
        practica.replicaciones.add(
            Replicacion(
                miembro=miembro,
                estado=estado,
                fecha=fecha,
                nota="Replicación ilustrativa de la demostración.",
                practica_propia=practicas.get(propia),
            )
        )
        practica.save_revision().publish()
        comando.paso(f"replicación: {miembro.title} → {practica.title}")
