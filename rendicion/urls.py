from django.urls import re_path

from . import vistas_seguir

RUTA_DEL_ENLACE = r"(?P<token>[\w-]+/[\w-]+/[\w-]+)"

urlpatterns = [
    re_path(
        rf"^seguimiento/confirmar/{RUTA_DEL_ENLACE}/$",
        vistas_seguir.confirmar,
        name="rendicion_seguir_confirmar",
    ),
    re_path(
        rf"^seguimiento/baja/{RUTA_DEL_ENLACE}/$", vistas_seguir.baja, name="rendicion_seguir_baja"
    ),
]
