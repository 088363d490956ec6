import pytest

from rendicion.models import Estado

from .factories import CompromisoPageFactory, cambio

pytestmark = pytest.mark.django_db


def test_que_cambio_y_su_canal_atom(client, programa_renca):
    c = CompromisoPageFactory(parent=programa_renca, title="Plaza de Renca")
    cambio(c, Estado.EN_DISENO, 10, dias=30, nota="Diseño aprobado.")
    cambio(c, Estado.CUMPLIDO, 100, dias=2, nota="Plaza inaugurada.")
    oculto = CompromisoPageFactory(parent=programa_renca, title="Borrador")
    cambio(oculto, nota="Nota del borrador.")
    oculto.unpublish()
    html = client.get(programa_renca.url + "cambios/").content.decode()
    assert html.index("Plaza inaugurada.") < html.index("Diseño aprobado.")
    assert "Nota del borrador." not in html
    respuesta = client.get(programa_renca.url + "cambios/feed/")
    assert respuesta["Content-Type"].startswith("application/atom+xml")
    xml = respuesta.content.decode()
    assert "Plaza de Renca: Cumplido (100 %)" in xml
    assert "Nota del borrador." not in xml
    assert "@" not in xml.replace("xmlns", "")  # no e-mail address of any editor
