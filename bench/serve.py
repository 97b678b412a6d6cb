"""A real server for the burst benchmark: werkzeug's threaded server on 127.0.0.1.

    python bench/serve.py DATABASE_URI PORT_FILE [TEAM_SUBMIT_LIMIT]

Writes the port it listens on to PORT_FILE, then serves until killed.
"""

import logging
import sys
from pathlib import Path

from common import make_app
from werkzeug.serving import make_server


def main():
    url, port_file = sys.argv[1], Path(sys.argv[2])
    config = {"TEAM_SUBMIT_LIMIT": sys.argv[3]} if len(sys.argv) > 3 else {}
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request is noise here
    app = make_app(url, **config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port_file.write_text(str(server.server_port))
    server.serve_forever()


if __name__ == "__main__":
    main()
