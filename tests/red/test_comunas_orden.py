"""The comunas read in Spanish alphabetical order wherever they are listed: ñ after n,
accents ignored (Ñuñoa after Melipilla, not after Vitacura)."""

import unicodedata

from bs4 import BeautifulSoup

from red.models import Comuna


def clave_espanola(nombre):
    """Spanish collation: ñ is its own letter after n; other accents don't count."""
    nombre = nombre.lower().replace("ñ", "n\uffff")
    sin_tildes = unicodedata.normalize("NFD", nombre)
    return "".join(c for c in sin_tildes if unicodedata.category(c) != "Mn")


def test_the_52_comunas_are_in_spanish_order(db):
    nombres = [c.nombre for c in Comuna.objects.all()]
    assert len(nombres) == 52
    assert nombres == sorted(nombres, key=clave_espanola)
    assert nombres.index("Ñuñoa") == nombres.index("Melipilla") + 1
    assert nombres.index("Peñaflor") < nombres.index("Peñalolén") < nombres.index("Pirque")


def test_the_join_form_lists_them_in_that_order(client, red_index):
    soup = BeautifulSoup(client.get("/red/unete/").content, "html.parser")
    etiquetas = [label.get_text() for label in soup.select("#campo-comunas .opcion label")]
    assert etiquetas == [c.nombre for c in Comuna.objects.all()]
    assert etiquetas[-1] == "Vitacura"
