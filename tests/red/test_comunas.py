import csv
from pathlib import Path

from red.models import Comuna

SHARED_CSV = Path(__file__).resolve().parents[2] / "red" / "data" / "comunas_rm.csv"


def test_the_52_comunas_are_loaded_once_with_their_official_codes(db):
    assert Comuna.objects.count() == 52
    assert Comuna.objects.values("cut").distinct().count() == 52
    with SHARED_CSV.open(encoding="utf-8") as archivo:
        esperadas = {
            fila["cut"]: (fila["comuna"], fila["provincia"]) for fila in csv.DictReader(archivo)
        }
    cargadas = {c.cut: (c.nombre, c.provincia) for c in Comuna.objects.all()}
    assert cargadas == esperadas
    assert Comuna.objects.get(cut="13101").nombre == "Santiago"
    assert Comuna.objects.get(cut="13122").nombre == "Peñalolén"
    assert Comuna.objects.get(cut="13605").provincia == "Talagante"


def test_every_province_of_the_region_is_represented(db):
    provincias = {
        p: Comuna.objects.filter(provincia=p).count()
        for p in ["Santiago", "Cordillera", "Chacabuco", "Maipo", "Melipilla", "Talagante"]
    }
    assert provincias == {
        "Santiago": 32,
        "Cordillera": 3,
        "Chacabuco": 3,
        "Maipo": 4,
        "Melipilla": 5,
        "Talagante": 5,
    }
