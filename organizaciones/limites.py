"""The rate limit of the public registration form (nucleo.seguridad, django-ratelimit)."""

from django.conf import settings

from nucleo.seguridad import envios_agotados


def envio_permitido(request):
    """Counts one submission from the client's address; False once over the limit.

    Same limits as the join form (RED_UNETE_MAX_ENVIOS per RED_UNETE_VENTANA_SEGUNDOS),
    with a counter of its own.
    """
    return not envios_agotados(
        request,
        "organizaciones:registrar",
        settings.RED_UNETE_MAX_ENVIOS,
        settings.RED_UNETE_VENTANA_SEGUNDOS,
    )
