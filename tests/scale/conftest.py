"""A PostgreSQL database for the scale tests.

With TEST_DATABASE_URL set (as .ci/test does for its PostgreSQL run), that server is used.
Without it, a throwaway PostgreSQL is started here from Debian's binaries, the way .ci/test
starts one, and removed afterwards: several app servers need a database server they can all
reach, which an embedded SQLite file is not meant to be.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.scale.servers import free_port


def _as_postgres(command: list[str]) -> list[str]:
    # initdb and the server refuse to run as root.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgresql_url():
    given = os.environ.get("TEST_DATABASE_URL", "")
    if given:
        yield given
        return
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    assert found, "PostgreSQL is not installed: run the README's test command (bash .ci/test)"
    bin_dir = Path(found[-1]).parent
    data = Path(tempfile.mkdtemp(prefix="roledesign-scale-pg-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    port = free_port()
    run = {"check": True, "capture_output": True}
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "roledesign"]),
        **run,
    )
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(data / "server.log"), "-w"]
    subprocess.run(_as_postgres([*pg_ctl, "-o", options, "start"]), **run)
    try:
        subprocess.run(
            [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "roledesign",
             "roledesign_scale"],
            **run,
        )  # fmt: skip
        yield f"postgresql://roledesign@127.0.0.1:{port}/roledesign_scale"
    finally:
        subprocess.run(_as_postgres([*pg_ctl, "-m", "fast", "stop"]), capture_output=True)
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def redis_url():
    """A throwaway Redis server (Debian's redis-server) on a free loopback port, nothing saved
    to disc: the shared store for rate limits that production needs with several workers."""
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed: run the README's test command (bash .ci/test)"
    port = free_port()
    folder = tempfile.mkdtemp(prefix="roledesign-scale-redis-")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", folder],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, "redis-server stopped"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
                    connection.sendall(b"PING\r\n")
                    if connection.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not answer"
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
