"""gunicorn for the site, sized for a 2-core server behind nginx (docs/despliegue.md).

    gunicorn red.wsgi:application -c deploy/gunicorn.conf.py

Every value can be overridden on the command line or with GUNICORN_* variables.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# 2 processes per core, each with 4 threads: requests wait mostly on the
# database, SMTP is in the task worker, and nginx buffers slow clients, so
# threads are cheap concurrency; processes are what uses both cores.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# A request still running after 30 s is stuck: the worker is restarted
# (nginx waits 35 s, proxy_read_timeout). A registration burst of 50 takes far
# less with 8 processes × 4 threads (make bench).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On restart (systemd reload, deploy) requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# nginx keeps connections to gunicorn open (upstream keepalive): a little longer
# than nothing, far less than a client's.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests (with jitter): memory growth,
# if any, is bounded.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# X-Forwarded-* is trusted from nginx on the same machine only.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
preload_app = True
