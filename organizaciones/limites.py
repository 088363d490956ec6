"""The rate limit of the public registration form, in one function so that it can be
re-pointed at the project's limiter (red/views_unete.py does the same by hand)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

from nucleo.seguridad import ip_cliente


def envio_permitido(request):
    """Counts one submission from the client's address; False once over the limit.

    Same limits as the join form (RED_UNETE_MAX_ENVIOS per RED_UNETE_VENTANA_SEGUNDOS),
    with a counter of its own.
    """
    ip = hashlib.sha256(ip_cliente(request).encode()).hexdigest()
    clave = f"organizaciones:registrar:{ip}"
    envios = cache.get(clave) or 0
    if envios >= settings.RED_UNETE_MAX_ENVIOS:
        return False
    cache.set(clave, envios + 1, settings.RED_UNETE_VENTANA_SEGUNDOS)
    return True
