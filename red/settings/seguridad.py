"""Security settings shared by every environment (imported at the end of base.py)."""

import os

from .entorno import env_list

# Security (nucleo/seguridad.py). Production adds HSTS, secure cookies and HTTPS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Number of reverse proxies in front of gunicorn that append to X-Forwarded-For.
RED_PROXIES_DE_CONFIANZA = int(os.environ.get("PROXIES_DE_CONFIANZA", "0"))
RED_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()"
)


def _origen(url):
    """scheme://host of a URL, for CSP source lists."""
    from urllib.parse import urlsplit

    partes = urlsplit(url if "://" in url else f"https://{url}")
    return f"{partes.scheme}://{partes.netloc}"


# Media may live on object storage or behind a CDN: images come from there.
ORIGENES_MEDIOS = [
    _origen(url)
    for url in (
        os.environ.get("AWS_S3_CUSTOM_DOMAIN", ""),
        os.environ.get("AWS_S3_ENDPOINT_URL", ""),
    )
    if url
]
# Video embeds (wagtail.embeds) that editors may use in rich content.
ORIGENES_VIDEO = env_list(
    "CSP_ORIGENES_VIDEO",
    "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com",
)
# Public site: no inline script or style, nothing from other origins but media and video.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *ORIGENES_MEDIOS],
        "media-src": ["'self'", *ORIGENES_MEDIOS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ORIGENES_VIDEO,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin uses inline scripts and styles (its own templates, Draftail,
# the preview iframe): a relaxed policy, limited to RED_RUTAS_ADMIN.
RED_CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *ORIGENES_MEDIOS],
    "media-src": ["'self'", *ORIGENES_MEDIOS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *ORIGENES_VIDEO],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
}
# The admin pages that run no inline script (their templates only load files):
# script-src 'self', which is what takes the login page from A- to A+.
RED_RUTAS_ADMIN_SIN_SCRIPT_EN_LINEA = ["/admin/login/", "/admin/password_reset/"]
RED_CSP_ADMIN_INGRESO = {**RED_CSP_ADMIN, "script-src": ["'self'"]}

# Admin login: failed attempts counted per username + IP and per IP (django-axes).
WAGTAILADMIN_USER_LOGIN_FORM = "nucleo.seguridad.FormularioIngreso"
RED_INGRESO_MAX_INTENTOS = int(os.environ.get("INGRESO_MAX_INTENTOS", "5"))
RED_INGRESO_MAX_INTENTOS_IP = int(os.environ.get("INGRESO_MAX_INTENTOS_IP", "30"))
RED_INGRESO_VENTANA_SEGUNDOS = int(os.environ.get("INGRESO_VENTANA_SEGUNDOS", "900"))
# django-axes counts them in the database (shared by every process, Redis or not).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "nucleo.seguridad.ManejadorIngreso"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_FAILURE_LIMIT = "nucleo.seguridad.limite_de_ingreso"
AXES_COOLOFF_TIME = "nucleo.seguridad.ventana_de_ingreso"
AXES_CLIENT_IP_CALLABLE = "nucleo.seguridad.ip_cliente"
AXES_USERNAME_CALLABLE = "nucleo.seguridad.usuario_de_ingreso"
AXES_LOCKOUT_CALLABLE = "nucleo.seguridad.respuesta_de_bloqueo"
# Attempts refused while locked out do not count nor move the end of the lockout.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Only what throttling needs: no log of every successful login, no Django admin.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
# No avatars fetched from gravatar.com: privacy, and the admin CSP stays 'self'.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Applications to join (/red/unete/): submissions per IP address and window.
RED_UNETE_MAX_ENVIOS = int(os.environ.get("UNETE_MAX_ENVIOS", "5"))
RED_UNETE_VENTANA_SEGUNDOS = int(os.environ.get("UNETE_VENTANA_SEGUNDOS", "3600"))
# Public form limits (nucleo.seguridad.envios_agotados, django-ratelimit) count in the
# shared cache (RATELIMIT_USE_CACHE in base.py: Redis or the database, the same
# for every worker); with Redis down the forms keep working without a limit, as before.
# django_ratelimit is not in INSTALLED_APPS: only its function is used, and its system
# check rejects the local-memory cache of development and our tolerant Redis cache.
RATELIMIT_FAIL_OPEN = True
