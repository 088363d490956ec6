"""Programs, commitments and timeline entries for the rendición tests."""

import datetime

import factory
import wagtail_factories

from rendicion.models import CambioEstado, CompromisoPage, Estado, ProgramaPage


class ProgramaPageFactory(wagtail_factories.PageFactory):
    title = "Programa de gobierno 2025-2029"
    slug = "programa-2025-2029"
    autoridad = "Alcaldía"
    periodo_inicio = 2025
    periodo_fin = 2029
    criterio = "Según la inversión aprobada y/o la acción realizada."

    class Meta:
        model = ProgramaPage


class CompromisoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Compromiso {n}")
    eje = "DESIGUALDAD"
    numero = factory.Sequence(lambda n: n + 1)
    promesa = factory.Sequence(lambda n: f"Promesa número {n}.")

    class Meta:
        model = CompromisoPage


def cambio(compromiso, estado=Estado.EN_EJECUCION, avance=50, dias=10, **kwargs):
    """Adds a timeline entry, as the admin would (the page recomputes its status)."""
    kwargs.setdefault("evidencia_enlace", "https://example.org/acta.pdf")
    entrada = CambioEstado(
        compromiso=compromiso,
        fecha=datetime.date.today() - datetime.timedelta(days=dias),
        estado=estado,
        avance=avance,
        nota=kwargs.pop("nota", "Se firmó el convenio."),
        **kwargs,
    )
    entrada.save()
    compromiso.refresh_from_db()
    compromiso.save_revision().publish()
    compromiso.refresh_from_db()
    return entrada
