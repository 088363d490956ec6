"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment; the defaults here are the embedded ones (SQLite, database search,
local media, local-memory cache, console e-mail) so that `make run` needs no
other service.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

from .entorno import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent


DEBUG = env_bool("DEBUG", False)
# "desarrollo", "pruebas" or "produccion": commands that must never run in
# production (demo data, generators) check it.
RED_ENTORNO = "desarrollo"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "nucleo",
    "home",
    "red",
    "practicas",
    "eventos",
    "organizaciones",
    "rendicion",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
]

# Order matters: security headers wrap everything (static files, cached pages,
# errors); GuardarEnCache stores what inner middleware produced (cookies and
# Vary included); LeerDeCache answers last, after sessions and authentication
# (docs/cache.md).
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "nucleo.seguridad.PoliticaCSPMiddleware",
    "nucleo.seguridad.CabecerasSeguridadMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "nucleo.cache.GuardarEnCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "nucleo.middleware.BaseDeDatosCaidaMiddleware",
    "nucleo.cache.LeerDeCacheMiddleware",
]

ROOT_URLCONF = "red.urls"
WSGI_APPLICATION = "red.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default, anything dj-database-url understands otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let readers and one writer work at the same time
    # instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache (docs/cache.md): Redis when REDIS_URL is set, local memory otherwise.
# django-redis fails open: with Redis down every read is a miss, logged, and the
# site serves without cache (sessions live in the database, not in Redis).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rga",
            "TIMEOUT": 300,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "red-gobierno-abierto",
        }
    }
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "nucleo.cache"
# Kept parts of pages (routes, fragments, the map, the figures, the library's
# facet counts) under the content version (nucleo/cache.py `en_cache`), so that
# even uncached pages skip most of their queries until something is published.
CACHES["contenido"] = {
    **CACHES["default"],
    "KEY_PREFIX": "rga-contenido",
    "LOCATION": CACHES["default"]["LOCATION"] if REDIS_URL else "red-gobierno-abierto-contenido",
    "TIMEOUT": 3600,
}
if not REDIS_URL:
    # Routes, fragments and facet counts of each page: more than the 300 default.
    CACHES["contenido"]["OPTIONS"] = {"MAX_ENTRIES": 5000}
# Versions and rate-limit counters: in a store every process shares, in every
# configuration (Redis, or the database: nucleo/cache_compartida.py, its table made
# by the migration nucleo 0001). Never per-process memory: a publish handled by
# one gunicorn worker must make the other workers' pages stale, and 4 workers
# must not allow 4 times a form's limit.
CACHES["compartida"] = (
    {**CACHES["default"], "KEY_PREFIX": "rga-compartida", "TIMEOUT": None}
    if REDIS_URL
    else {
        "BACKEND": "nucleo.cache_compartida.CacheCompartida",
        "LOCATION": "red_cache_compartida",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
)
RED_CACHE_VERSIONES = "compartida"
RATELIMIT_USE_CACHE = "compartida"
# CACHE_CONTENIDO=0 renders every page as right after a publish (`make bench`, "en frío").
if not env_bool("CACHE_CONTENIDO", True):
    CACHES["contenido"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# Anonymous page cache (nucleo/cache.py), stale after every public change.
RED_CACHE_PAGINAS = env_bool("CACHE_PAGINAS", True)
# Cookies besides the session and messages that change a response: a request with
# one never uses the page cache (any other cookie is ignored by its key).
RED_COOKIES_PERSONALES = []
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_KEY_PREFIX = "paginas"
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("CACHE_PAGINAS_SEGUNDOS", "300"))
RED_RUTAS_ADMIN = ["/admin/"]
RED_RUTAS_DOCUMENTOS = ["/documentos/"]
RED_RUTAS_SIN_CACHE = [*RED_RUTAS_ADMIN, *RED_RUTAS_DOCUMENTOS, "/healthz", "/i18n/"]

# Sessions live in the database so that they survive a Redis outage.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Spanish is the source locale, English the second.
LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# locale_wagtail: Spanish for Wagtail 8 strings its own catalogue lacks; after ours, so
# makemessages never writes there (docs/decisiones.md, «Wagtail en español»).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_wagtail"]
TIME_ZONE = "America/Santiago"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible object storage for media (django-storages reads the
    # AWS_* variables itself: keys, endpoint URL, region, custom domain).
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", True)

# E-mail: EMAIL_URL (smtp://user:pass@host:587/?tls=True) or the console.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Red Regional de Gobierno Abierto <no-responder@gobiernosantiago.cl>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_URL"):
    vars().update(dj_email_url.parse(os.environ["EMAIL_URL"]))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Every e-mail, Wagtail's workflow notifications included, leaves through the task
# queue after its transaction commits; RED_CORREO_BACKEND is the one that sends.
RED_CORREO_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "nucleo.correo.CorreoEnCola"

# Background work (e-mails, search index updates): django-tasks.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# nucleo.correo.enviar_correo: attempts while the mail server is down, and the
# first delay (doubled on each attempt: 1, 2, 4 ... minutes, about 17 hours in all).
RED_CORREO_MAX_INTENTOS = int(os.environ.get("CORREO_MAX_INTENTOS", "11"))
RED_CORREO_REINTENTO_SEGUNDOS = int(os.environ.get("CORREO_REINTENTO_SEGUNDOS", "60"))
# /healthz/tareas answers 503 when a task has waited longer than this (worker down).
RED_TAREAS_ESPERA_MAXIMA = int(os.environ.get("TAREAS_ESPERA_MAXIMA", "600"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Red Regional de Gobierno Abierto"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# nucleo/imagenes.py: uploads decoded before they are accepted, animations limited.
WAGTAILIMAGES_IMAGE_FORM_BASE = "nucleo.imagenes.FormularioImagen"
RED_IMAGENES_MAX_FOTOGRAMAS = 300
# nucleo/traduccion_po.py: PO files uploaded to wagtail-localize.
RED_PO_MAX_BYTES = 2 * 1024 * 1024
# Documents go through Django (never a direct link to storage), with a sandbox
# CSP and nosniff; only PDFs open in the browser, everything else downloads.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "spanish",
    }
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Spanish stemming that also ignores accents: a copy of `spanish` with
    # `unaccent` first, created by practicas/migrations/0004_busqueda_sin_tildes.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "red_es"
if os.environ.get("WAGTAILSEARCH_URL"):
    # OpenSearch / Elasticsearch once the library outgrows the database.
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": os.environ.get("WAGTAILSEARCH_BACKEND", "wagtail.search.backends.opensearch2"),
        "URLS": [os.environ["WAGTAILSEARCH_URL"]],
        "INDEX": os.environ.get("WAGTAILSEARCH_INDEX", "red_gobierno_abierto"),
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }

# CDN purge (wagtail.contrib.frontend_cache): pages are purged from the CDN when
# they are published, unpublished or moved. One backend per variable set; see
# docs/despliegue.md.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, nginx (proxy_cache_purge) or any proxy that accepts PURGE requests.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }

LOGIN_URL = "wagtailadmin_login"

# Tag slugs in ASCII ("votacion", not "votación") so that library URLs stay readable.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Workflow e-mails (submitted, approved, changes requested) come from the site's
# address; superusers are technical staff and are not notified of reviews.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Events (eventos/, docs/eventos.md): days after an event when registrants'
# personal data is anonymised, lifetime of the signed management links, and the
# registration attempts allowed per IP address in a window.
RED_DIAS_ANONIMIZACION = int(os.environ.get("RED_DIAS_ANONIMIZACION", "90"))
RED_EVENTOS_ENLACE_DIAS = int(os.environ.get("RED_EVENTOS_ENLACE_DIAS", "400"))
RED_EVENTOS_INSCRIPCIONES_POR_IP = int(os.environ.get("RED_EVENTOS_INSCRIPCIONES_POR_IP", "30"))
RED_EVENTOS_VENTANA_SEGUNDOS = int(os.environ.get("RED_EVENTOS_VENTANA_SEGUNDOS", "3600"))
# The "you are already registered" e-mail: at most one per address in this window.
RED_EVENTOS_AVISO_DUPLICADA_SEGUNDOS = int(
    os.environ.get("RED_EVENTOS_AVISO_DUPLICADA_SEGUNDOS", "3600")
)

# Following a program by e-mail (rendicion/seguimiento.py, docs/rendicion.md): days a
# confirmation link lasts, the minimum gap between two confirmations to one pending
# address, and the follow requests allowed per IP address in a window.
RED_RENDICION_CONFIRMAR_DIAS = int(os.environ.get("RED_RENDICION_CONFIRMAR_DIAS", "7"))
RED_RENDICION_REENVIO_SEGUNDOS = int(os.environ.get("RED_RENDICION_REENVIO_SEGUNDOS", "3600"))
RED_RENDICION_SEGUIR_POR_IP = int(os.environ.get("RED_RENDICION_SEGUIR_POR_IP", "20"))
RED_RENDICION_SEGUIR_VENTANA_SEGUNDOS = int(
    os.environ.get("RED_RENDICION_SEGUIR_VENTANA_SEGUNDOS", "3600")
)

# Open-data files (red/archivos_datos.py, docs/datos-abiertos.md): the folder of
# the default storage they are written to, their max-age for proxies and the CDN,
# and the filtered downloads (streamed, not stored) allowed per IP and window.
RED_DATOS_ABIERTOS_CARPETA = os.environ.get("DATOS_ABIERTOS_CARPETA", "datos-abiertos")
RED_DATOS_ABIERTOS_SEGUNDOS = int(os.environ.get("DATOS_ABIERTOS_SEGUNDOS", "60"))
RED_DATOS_FILTRADOS_POR_IP = int(os.environ.get("DATOS_FILTRADOS_POR_IP", "30"))
RED_DATOS_FILTRADOS_VENTANA_SEGUNDOS = int(os.environ.get("DATOS_FILTRADOS_VENTANA_SEGUNDOS", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Task and page-action chatter would drown the progress of our commands.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

SITE_DESCRIPTION = _(
    "Red de la región, los municipios y la sociedad civil para compartir prácticas, "
    "datos y herramientas de gobierno abierto."
)

# Security headers, CSP, login throttling and form limits: red/settings/seguridad.py.
from .seguridad import *  # noqa: E402, F403
