"""gunicorn settings for running roledesign in production.

    gunicorn -c python:roledesign.gunicorn_conf

serves ``roledesign.wsgi:app`` (the app built from the environment: see docs/operations.md) on
127.0.0.1:8000, for a reverse proxy on the same machine to pass requests to. Each setting can be
changed by an environment variable, and gunicorn's own command-line options override them all.
"""

import os

wsgi_app = "roledesign.wsgi:app"

# Behind a reverse proxy that terminates HTTPS; ROLEDESIGN_BIND=0.0.0.0:8000 to listen on every
# interface (only when the network in between is trusted).
bind = os.environ.get("ROLEDESIGN_BIND", "127.0.0.1:8000")

# Synchronous workers, each handling one request at a time: the app's work is CPU and database
# time with nothing to wait on for long, and the proxy buffers slow clients. About two per core.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = "sync"
timeout = int(os.environ.get("ROLEDESIGN_TIMEOUT", "30"))
graceful_timeout = 30

# Load the app, and so validate the evidence base, once in the master before forking: a broken
# checklists/ file stops the start with its message instead of failing in every worker.
preload_app = True

# Request lines are the proxy's job to log; ROLEDESIGN_ACCESS_LOG=1 writes them here as well.
accesslog = "-" if os.environ.get("ROLEDESIGN_ACCESS_LOG") == "1" else None
errorlog = "-"
loglevel = os.environ.get("ROLEDESIGN_LOG_LEVEL", "info")

# The addresses whose X-Forwarded-* headers gunicorn believes; the app's own ProxyFix
# (ROLEDESIGN_PROXY_FIX) decides what Flask sees.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Several instances may run on one machine (one per port): no shared control socket.
control_socket_disable = True


def post_fork(server, worker):
    """Each worker opens its own database connections; none are inherited from the master.
    It also starts, in the background, the forkserver that reads its uploads
    (roledesign/documents/sandbox.py): one per worker, never shared through the master."""
    from roledesign.documents.sandbox import warm_up
    from roledesign.extensions import db

    app = worker.app.wsgi()
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
    warm_up()
