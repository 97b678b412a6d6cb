"""Read an upload in a child process with hard limits on CPU time, memory and wall time.

``extract.py`` already refuses the crafted files we know of before the expensive work starts;
this is the backstop for the ones we do not. The child is forked from a multiprocessing
forkserver that has imported the readers once (so each upload costs a fork, not a Python
start-up), works under gunicorn's sync workers, the Flask development server and the test
client alike, and is always killed and reaped before ``read_upload`` returns.
"""

import multiprocessing
import os
import resource
from dataclasses import dataclass

from roledesign.documents.extract import UnreadableFile, too_complex_message

CPU_SECONDS = 3  # of CPU time in the child: an ordinary upload takes well under 0.5 s
MEMORY_BYTES = 256 * 1024 * 1024  # address space the child may add to what it starts with
WALL_SECONDS = 8  # the same time by the clock, for a child that waits instead of working
# Imported once by the forkserver. "__main__" too: multiprocessing imports the main script in
# every child otherwise (a script that starts uploads must use the `if __name__` guard).
PRELOAD = ["__main__", "roledesign.documents.extract", "docx", "pypdf", "lxml.etree"]

_context = None


@dataclass(frozen=True)
class Reading:
    text: str
    kind: str
    peak_kb: int  # the child's peak resident memory, for bench/uploads.py


def _forkserver():
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        _context = context
    return _context


def warm_up() -> None:
    """Start this process's forkserver in the background (gunicorn_conf.post_fork), so the
    first upload a worker reads does not wait for it (a second or more on a busy machine)."""
    import threading
    from multiprocessing import forkserver

    _forkserver()
    threading.Thread(target=forkserver.ensure_running, name="forkserver", daemon=True).start()


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _child(connection, data: bytes, filename: str, cpu_seconds: int, memory_bytes: int) -> None:
    """In the child: limit ourselves, read, send back what happened."""
    from roledesign.documents.extract import extract_text

    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    size = _address_space()
    if size is not None:
        resource.setrlimit(resource.RLIMIT_AS, (size + memory_bytes, size + memory_bytes))
    try:
        text, kind = extract_text(data, filename)
        outcome = ("ok", text, kind)
    except UnreadableFile as err:
        outcome = ("refused", str(err), "")
    except MemoryError:
        outcome = ("limit", "", "")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    connection.send((*outcome, peak))
    connection.close()


def read_upload(
    data: bytes,
    filename: str,
    *,
    cpu_seconds: int = CPU_SECONDS,
    memory_bytes: int = MEMORY_BYTES,
    wall_seconds: float = WALL_SECONDS,
) -> Reading:
    """extract_text(data, filename) in a bounded child; UnreadableFile as it would raise, and
    also when the child runs out of time or memory."""
    from pathlib import PurePath

    context = _forkserver()
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(
        target=_child,
        args=(sending, data, filename, cpu_seconds, memory_bytes),
        daemon=True,
    )
    outcome = None
    try:
        process.start()
        sending.close()
        if receiving.poll(wall_seconds):
            outcome = receiving.recv()
    except (EOFError, OSError):
        outcome = None  # the child died (CPU limit, memory) before it could answer
    finally:
        sending.close()
        if process.pid is not None:  # started: always killed if still running, and reaped
            if process.is_alive():
                process.kill()
            process.join()
        process.close()
        receiving.close()
    name = PurePath(filename or "").name or "the file"
    if outcome is None or outcome[0] == "limit":
        raise UnreadableFile(too_complex_message(name))
    status, text, kind, peak = outcome
    if status == "refused":
        refusal = UnreadableFile(text)
        refusal.peak_kb = peak  # for bench/uploads.py
        raise refusal
    return Reading(text=text, kind=kind, peak_kb=peak)


def extract_text_bounded(data: bytes, filename: str) -> tuple[str, str]:
    """Like extract.extract_text, within the limits above."""
    reading = read_upload(data, filename)
    return reading.text, reading.kind
