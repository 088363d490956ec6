"""A WSGI app that serves saved copies of the pages as static files (WhiteNoise),
run under the same gunicorn as the site: the ceiling for serving those bytes."""

import os

from whitenoise import WhiteNoise


def no_encontrado(environ, start_response):
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"no encontrado"]


application = WhiteNoise(
    no_encontrado, root=os.environ["BENCH_ESTATICO"], index_file=True, autorefresh=False
)
