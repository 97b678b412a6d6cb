"""App servers started as in production, for the scale tests."""

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from roledesign.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`gunicorn -c python:roledesign.gunicorn_conf` on a loopback port, as in production."""

    def __init__(self, env: dict, workers: int = 2):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                "python:roledesign.gunicorn_conf",
            ],
            env={
                **env,
                "ROLEDESIGN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": str(workers),
            },
            cwd=PROJECT_ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            assert self.process.poll() is None, f"gunicorn stopped:\n{self.output()}"
            assert time.monotonic() < deadline, f"gunicorn did not answer:\n{self.output()}"
            try:
                with urllib.request.urlopen(self.base + "/sign-in", timeout=5):  # noqa: S310
                    break
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        output = self.output()
        self.log.close()
        return output
