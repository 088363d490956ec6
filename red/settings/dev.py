"""Development settings: the embedded default behind `make run`."""

from .base import *  # noqa: F403
from .entorno import env_bool

DEBUG = env_bool("DEBUG", True)
# A development-only key; production refuses to start without its own.
SECRET_KEY = "solo-para-desarrollo-local-no-usar-en-produccion"  # noqa: S105 # nosec B105
