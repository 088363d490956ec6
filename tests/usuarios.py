"""Real users who log in through the admin login form, as a person would."""

from django.contrib.auth import get_user_model

CLAVE = "una-clave-de-prueba-larga"


def crear_usuario(username, *grupos, **kwargs):
    usuario = get_user_model().objects.create_user(
        username, f"{username}@example.org", CLAVE, **kwargs
    )
    usuario.groups.add(*grupos)
    return usuario


def ingresar(client, usuario, clave=CLAVE):
    """Logs in through the admin login form."""
    respuesta = client.post("/admin/login/", {"username": usuario.username, "password": clave})
    assert respuesta.status_code == 302, "el ingreso falló"
    return client
