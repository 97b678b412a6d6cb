"""The app for a WSGI server, configured from the environment (see roledesign.config).

gunicorn -c python:roledesign.gunicorn_conf      # which serves roledesign.wsgi:app
"""

from roledesign import create_app

app = create_app()
