"""Model rules: where practices live, the seeded taxonomies, validation."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from eventos.models import EventoIndexPage
from home.models import ContentPage, HomePage
from practicas.models import Eje, MetaODS, PracticaIndexPage, PracticaPage, Replicacion
from red.models import MiembroPage, RedIndexPage

from .factories import crear_practica

pytestmark = pytest.mark.django_db


def test_practices_live_only_under_members(home_page, red_index, renca):
    assert PracticaPage.allowed_parent_page_models() == [MiembroPage]
    assert PracticaPage.allowed_subpage_models() == []
    assert PracticaPage in MiembroPage.allowed_subpage_models()
    assert PracticaPage.can_create_at(renca)
    assert not PracticaPage.can_create_at(home_page)
    assert not PracticaPage.can_create_at(red_index)
    assert not RedIndexPage.can_create_at(renca)


def test_one_library_under_the_home_page(home_page, biblioteca):
    assert PracticaIndexPage.allowed_parent_page_models() == [HomePage]
    assert PracticaIndexPage.allowed_subpage_models() == []
    assert not PracticaIndexPage.can_create_at(home_page)
    assert not EventoIndexPage.can_create_at(biblioteca)
    assert not ContentPage.can_create_at(biblioteca)


def test_the_six_axes_are_seeded_in_spanish():
    assert {(e.slug, e.nombre) for e in Eje.objects.filter(locale__language_code="es")} == {
        ("transparencia", "Transparencia"),
        ("rendicion-de-cuentas", "Rendición de cuentas"),
        ("participacion-ciudadana", "Participación ciudadana"),
        ("colaboracion-y-co-creacion", "Colaboración y co-creación"),
        ("integridad-publica", "Integridad pública"),
        ("datos-abiertos", "Datos abiertos"),
    }


def test_every_target_of_sdg_16_and_17_with_its_official_name():
    metas = {m.codigo: m.nombre for m in MetaODS.objects.filter(locale__language_code="es")}
    esperados = (
        [f"16.{i}" for i in range(1, 11)] + ["16.a", "16.b"] + [f"17.{i}" for i in range(1, 20)]
    )
    assert sorted(metas) == sorted(esperados)
    assert (
        metas["16.5"] == "Reducir considerablemente la corrupción y el soborno en todas sus formas"
    )
    assert (
        metas["16.6"]
        == "Crear a todos los niveles instituciones eficaces y transparentes que rindan cuentas"
    )
    assert metas["16.7"] == (
        "Garantizar la adopción en todos los niveles de decisiones inclusivas, participativas "
        "y representativas que respondan a las necesidades"
    )
    assert metas["16.10"] == (
        "Garantizar el acceso público a la información y proteger las libertades fundamentales, "
        "de conformidad con las leyes nacionales y los acuerdos internacionales"
    )
    assert metas["17.14"] == "Mejorar la coherencia de las políticas para el desarrollo sostenible"
    assert metas["17.17"] == (
        "Fomentar y promover la constitución de alianzas eficaces en las esferas pública, "
        "público-privada y de la sociedad civil, aprovechando la experiencia y las estrategias "
        "de obtención de recursos de las alianzas"
    )


def test_an_image_needs_its_alternative_text(renca):
    imagen = Image.objects.create(title="Votación", file=get_test_image_file())
    practica = crear_practica(renca)
    practica.imagen = imagen
    with pytest.raises(ValidationError) as error:
        practica.full_clean()
    assert "imagen_texto_alternativo" in error.value.message_dict
    practica.imagen_texto_alternativo = "Vecinas votando en una sede vecinal"
    practica.full_clean()


def test_end_date_cannot_precede_start(renca):
    import datetime

    practica = crear_practica(renca, fecha_inicio=datetime.date(2025, 5, 1))
    practica.fecha_termino = datetime.date(2025, 1, 1)
    with pytest.raises(ValidationError) as error:
        practica.full_clean()
    assert "fecha_termino" in error.value.message_dict


def test_summary_is_length_limited(renca):
    practica = crear_practica(renca)
    practica.resumen = "x" * 401
    with pytest.raises(ValidationError) as error:
        practica.full_clean()
    assert "resumen" in error.value.message_dict


def test_licence_defaults_to_cc_by(renca):
    practica = crear_practica(renca)
    assert practica.licencia == "CC-BY-4.0"
    assert practica.licencia_url == "https://creativecommons.org/licenses/by/4.0/deed.es"


def test_replication_takes_the_comuna_of_a_municipality(renca, maipu, ong):
    practica = crear_practica(renca)
    de_maipu = Replicacion.objects.create(practica=practica, miembro=maipu)
    de_ong = Replicacion.objects.create(practica=practica, miembro=ong)
    assert de_maipu.comuna.cut == "13119"
    assert de_ong.comuna is None
