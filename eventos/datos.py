"""The open-data collection of events (/datos/eventos.*)."""

from django.utils.translation import gettext_lazy as _

from nucleo.exportar import (
    CAMPOS_PUBLICACION,
    COMUNES,
    PUBLICACION,
    Columna,
    Exportacion,
    Filtrado,
    Relacion,
    campo,
    fecha,
    lista,
    registrar,
    relacion_m2m,
)
from red.models import MiembroPage

from .models import EstadoInscripcion, EventoPage, Inscripcion


@registrar
class ExportacionEventos(Exportacion):
    """Events with their dates and places left; never registrations or the online link."""

    orden = 20
    modelo = EventoPage
    modelo_miembro = MiembroPage

    nombre = "eventos"
    titulo = _("Eventos de la Red")
    descripcion = _(
        "Las actividades de formación e intercambio de la Red, con sus fechas, su lugar y "
        "los cupos que quedan."
    )
    campos = (
        *CAMPOS_PUBLICACION,
        "resumen",
        "tipo",
        "modalidad",
        "inicio",
        "fin",
        "lugar",
        "comuna__cut",
        "cupos",
        "lista_espera",
        "inscripcion_abre",
        "inscripcion_cierra",
    )
    columnas = [
        *COMUNES,
        Columna("resumen", _("Resumen en lenguaje claro."), campo("resumen")),
        Columna(
            "tipo",
            _("capacitacion, encuentro, taller, seminario o webinar."),
            campo("tipo"),
        ),
        Columna("modalidad", _("presencial, en_linea o hibrida."), campo("modalidad")),
        Columna("inicio", _("Inicio, con zona horaria (ISO 8601)."), fecha("inicio")),
        Columna("fin", _("Término, con zona horaria (ISO 8601)."), fecha("fin")),
        Columna("lugar", _("Lugar (vacío si es en línea)."), campo("lugar")),
        Columna("comuna", _("Código CUT de la comuna del lugar."), campo("comuna__cut")),
        Columna("cupos", _("Cupos del evento."), campo("cupos")),
        Columna(
            "cupos_disponibles",
            _("Cupos que quedan al momento de la descarga."),
            lambda exp, f: max((f["cupos"] or 0) - len(f["confirmadas"]), 0),
        ),
        Columna(
            "lista_espera",
            _("true si, sin cupos, las personas pasan a lista de espera."),
            campo("lista_espera"),
        ),
        Columna(
            "inscripcion_abre",
            _("Apertura de inscripciones (ISO 8601; vacío: desde la publicación)."),
            fecha("inscripcion_abre"),
        ),
        Columna(
            "inscripcion_cierra",
            _("Cierre de inscripciones (ISO 8601; vacío: al comenzar)."),
            fecha("inscripcion_cierra"),
        ),
        Columna("ejes", _("Ejes de gobierno abierto (slug)."), lista("ejes"), lista=True),
        *PUBLICACION,
    ]

    @property
    def relaciones(self):
        return {
            "ejes": relacion_m2m(EventoPage, "ejes"),
            # Only how many: no registrant's data is read.
            "confirmadas": Relacion(
                Filtrado(Inscripcion, estado=EstadoInscripcion.CONFIRMADA), "evento_id", "pk"
            ),
        }

    def paginas(self):
        qs = EventoPage.objects.live().public().order_by("inicio", "pk")
        if self.locale is not None:
            qs = qs.filter(locale=self.locale)
        return qs
