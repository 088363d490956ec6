"""Demo members of the network: the regional government, the four pilot
municipalities and the Consejo Regional de la Sociedad Civil (all real members
of the pilot named in the plan), with descriptions written for the demo."""

import datetime

from nucleo.demo import asegurar_pagina, pagina_de_inicio

from .models import Comuna, MiembroPage, RedIndexPage, TipoMiembro

AVISO_DEMO = "Texto de demostración escrito para este sitio de prueba."

MIEMBROS = [
    {
        "slug": "gobierno-de-santiago",
        "title": "Gobierno de Santiago",
        "tipo": TipoMiembro.GOBIERNO_REGIONAL,
        "cut": None,
        "comunas": "__todas__",
        "resumen": (
            "El gobierno regional de la Región Metropolitana. Coordina la Red y revisa "
            "lo que publican sus miembros."
        ),
        "sitio_web": "https://www.gobiernosantiago.cl",
        "es_piloto": False,
    },
    {
        "slug": "municipalidad-de-renca",
        "title": "Municipalidad de Renca",
        "tipo": TipoMiembro.MUNICIPALIDAD,
        "cut": "13128",
        "resumen": "Municipio piloto de la Red Regional de Gobierno Abierto.",
        "sitio_web": "https://www.renca.cl",
        "es_piloto": True,
    },
    {
        "slug": "municipalidad-de-penalolen",
        "title": "Municipalidad de Peñalolén",
        "tipo": TipoMiembro.MUNICIPALIDAD,
        "cut": "13122",
        "resumen": "Municipio piloto de la Red Regional de Gobierno Abierto.",
        "sitio_web": "https://www.penalolen.cl",
        "es_piloto": True,
    },
    {
        "slug": "municipalidad-de-san-joaquin",
        "title": "Municipalidad de San Joaquín",
        "tipo": TipoMiembro.MUNICIPALIDAD,
        "cut": "13129",
        "resumen": "Municipio piloto de la Red Regional de Gobierno Abierto.",
        "sitio_web": "https://www.sanjoaquin.cl",
        "es_piloto": True,
    },
    {
        "slug": "municipalidad-de-maipu",
        "title": "Municipalidad de Maipú",
        "tipo": TipoMiembro.MUNICIPALIDAD,
        "cut": "13119",
        "resumen": "Municipio piloto de la Red Regional de Gobierno Abierto.",
        "sitio_web": "https://www.municipalidadmaipu.cl",
        "es_piloto": True,
    },
    {
        "slug": "consejo-regional-sociedad-civil",
        "title": "Consejo Regional de la Sociedad Civil",
        "tipo": TipoMiembro.ORGANIZACION,
        "cut": None,
        "comunas": "__todas__",
        "resumen": (
            "Representa a las organizaciones de la sociedad civil ante el Gobierno de "
            "Santiago (Ley 20.500)."
        ),
        "sitio_web": "",
        "es_piloto": False,
    },
]


def cargar(comando):
    home = pagina_de_inicio()
    red = asegurar_pagina(
        home,
        RedIndexPage,
        slug="red",
        title="La Red",
        intro=(
            "<p>Miembros de la Red Regional de Gobierno Abierto: el gobierno regional, "
            "municipalidades, organizaciones de la sociedad civil y academia.</p>"
        ),
    )
    comando.paso("directorio de la red: /red/")
    for datos in MIEMBROS:
        datos = dict(datos)
        cut = datos.pop("cut")
        comunas = datos.pop("comunas", None)
        miembro = asegurar_pagina(
            red,
            MiembroPage,
            comuna=Comuna.objects.get(cut=cut) if cut else None,
            descripcion=f"<p>{datos['resumen']}</p><p><em>{AVISO_DEMO}</em></p>",
            fecha_ingreso=datetime.date(2025, 9, 1),
            es_demo=True,
            **datos,
        )
        if comunas == "__todas__" and not miembro.comunas.exists():
            miembro.comunas.set(Comuna.objects.all())
            miembro.save_revision().publish()
        comando.paso(f"miembro: {miembro.title}")
