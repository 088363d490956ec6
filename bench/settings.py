"""Settings for `make bench`: the development defaults without DEBUG, plus a
bench-only URLconf with a constant-response view (never used by the site)."""

from red.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "solo-para-mediciones-locales"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "ERROR"}}
