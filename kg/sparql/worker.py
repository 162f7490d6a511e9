"""Run each SPARQL request of ``kg serve`` in its own short-lived worker process.

A worker that runs out of time is killed (503), one that crashes (a parser stack overflow, say)
or runs out of memory answers 500, and the server lives on. At most ``max_workers`` run at once;
a request that finds no free slot within ``queue_wait`` seconds answers 503. Each worker also
stops itself (``SIGALRM``) shortly after the time limit, should the server die first.

Where the data comes from decides how a worker starts. An on-disk Oxigraph store is opened
read-only by path in every worker, so each query sees what was ingested or removed since; those
workers are forked by a small helper process (started once with a fresh interpreter and never
opening a store), because forking a process with RocksDB or many threads in use is unsafe. Any
other store (in memory) is inherited by a fork of the server itself.

>>> from kg.store import open_store
>>> runner = QueryRunner(open_store("memory"), timeout=10)
>>> reply = runner.run(Task("query", "ASK { }", result_format="json"))
>>> reply.status, reply.body
(200, b'{"head": {}, "boolean": true}\\n')
"""
from __future__ import annotations

import faulthandler
import os
import pickle
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from rdflib import URIRef

from kg.errors import KGError, QueryError
from kg.sparql.protocol import GRAPH_FORMATS, RESULT_FORMATS, not_acceptable, write_results, write_triples
from kg.store import OxigraphStore, Store, open_store

TEXT = "text/plain; charset=utf-8"
_HEADER = struct.Struct("!Q")


@dataclass
class Task:
    """One unit of work: a SPARQL query, or one graph (``text`` is its IRI; None is the default
    graph, the union of all articles) for the Graph Store Protocol. The formats are the negotiated
    ones; None means the client accepts none (406)."""

    kind: str  # "query" or "graph"
    text: str | None
    result_format: str | None = None
    graph_format: str | None = None


@dataclass
class Reply:
    """An HTTP answer: status, Content-Type and body."""

    status: int
    mime: str
    body: bytes

    @classmethod
    def text(cls, status: int, message: str) -> "Reply":
        """A one-line plain-text answer.

        >>> Reply.text(503, "busy").body
        b'busy\\n'
        """
        return cls(status, TEXT, (message.rstrip("\n") + "\n").encode("utf-8"))


def execute(store: Store, task: Task) -> Reply:
    """Do ``task`` on ``store`` in this process and write the answer in the negotiated format.

    >>> from kg.store import open_store
    >>> execute(open_store("memory"), Task("graph", "urn:nothing", graph_format="turtle")).status
    404
    """
    if task.kind == "graph":
        if task.graph_format is None:
            return Reply.text(406, not_acceptable(GRAPH_FORMATS))
        if task.text is None:
            triples = {t for g in store.graph_names() for t in store.graph_triples(g)}
            graph = None
        else:
            graph = URIRef(task.text)
            if graph not in store.graph_names():
                return Reply.text(404, f"no graph <{task.text}> in the store")
            triples = store.graph_triples(graph)
        return Reply(200, GRAPH_FORMATS[task.graph_format][0] + "; charset=utf-8",
                     write_triples(triples, task.graph_format, graph))
    result = store.query(task.text or "")
    if result.kind == "graph":
        if task.graph_format is None:
            return Reply.text(406, not_acceptable(GRAPH_FORMATS))
        return Reply(200, GRAPH_FORMATS[task.graph_format][0] + "; charset=utf-8",
                     write_triples(result.triples, task.graph_format))
    if task.result_format is None:
        return Reply.text(406, not_acceptable(RESULT_FORMATS))
    return Reply(200, RESULT_FORMATS[task.result_format][0] + "; charset=utf-8",
                 write_results(result, task.result_format))


# -- framing on a socket ---------------------------------------------------------------------
def _send_message(sock: socket.socket, data: bytes) -> None:
    sock.sendall(_HEADER.pack(len(data)) + data)


def _recv_exactly(sock: socket.socket, size: int, deadline: float | None) -> bytes:
    chunks, left = [], size
    while left:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            sock.settimeout(remaining)
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _recv_message(sock: socket.socket, deadline: float | None = None) -> bytes:
    (size,) = _HEADER.unpack(_recv_exactly(sock, _HEADER.size, deadline))
    return _recv_exactly(sock, size, deadline)


# -- inside a worker -------------------------------------------------------------------------
def _limit_memory(megabytes: int) -> None:
    """Let this process grow by at most ``megabytes`` of address space (Linux; else nothing)."""
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = current + megabytes * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (ImportError, OSError, ValueError):
        pass


def _execute_at(location: str, task: Task, attempts: int = 10) -> Reply:
    """Open the on-disk store read-only and do ``task``. A writer working alongside may delete a
    file the fresh read-only view still names (RocksDB compaction): open again and retry."""
    for attempt in range(attempts):
        try:
            with open_store(location, create=False, read_only=True) as store:
                return execute(store, task)
        except KGError as exc:
            transient = any(word in str(exc) for word in ("No such file", "IO error", "Corruption"))
            if not transient or attempt == attempts - 1:
                raise
            time.sleep(min(0.02 * 2 ** attempt, 0.3))
    raise AssertionError("unreachable")


def _answer(store: Store | None, location: str | None, task: Task, memory_mb: int) -> Reply:
    try:
        return execute(store, task) if store is not None else _execute_at(location or "", task)
    except QueryError as exc:
        return Reply.text(400, str(exc))
    except KGError as exc:
        return Reply.text(503, f"store unavailable: {exc}")
    except MemoryError:
        return Reply.text(500, f"query stopped: it needed more than {memory_mb} MB of memory")
    except BaseException as exc:  # noqa: BLE001 - whatever happens, the server gets one line
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        return Reply.text(500, f"internal error: {type(exc).__name__}: {detail}")


def _worker_main(sock: socket.socket, store: Store | None) -> NoReturn:
    """Body of a worker process: read (location, task, limits), answer, exit at once (no cleanup
    that could wait on a lock another server thread held when this process was forked)."""
    try:
        faulthandler.disable()  # a crash is reported by the server in one line, not a stack dump:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 2)  # nor Rust's out-of-memory backtrace
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        location, task, timeout, memory_mb = pickle.loads(_recv_message(sock))
        signal.alarm(int(timeout) + 2)  # the server kills us first; this is for a dead server
        _limit_memory(memory_mb)
        _send_message(sock, pickle.dumps(_answer(store, location, task, memory_mb)))
    finally:
        os._exit(0)


def zygote_main(fd: int) -> None:
    """The helper process that forks workers for on-disk stores: for each descriptor received on
    the control socket ``fd``, fork a worker talking on it and answer its pid."""
    control = socket.socket(fileno=fd)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is for the server to handle
    while True:
        try:
            message, fds, _, _ = socket.recv_fds(control, 16, 4)
        except OSError:
            break
        if not message:
            break
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _worker_main(socket.socket(fileno=fds[0]), None)
        for descriptor in fds:
            os.close(descriptor)
        control.sendall(struct.pack("!q", pid))


class _Zygote:
    """The parent's handle on the helper process (started lazily, restarted if it died)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._control: socket.socket | None = None

    def _start(self) -> None:
        ours, theirs = socket.socketpair()
        package_root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")])))
        code = "import sys; from kg.sparql.worker import zygote_main; zygote_main(int(sys.argv[1]))"
        self._process = subprocess.Popen([sys.executable, "-c", code, str(theirs.fileno())], pass_fds=[theirs.fileno()],
                                         stdin=subprocess.DEVNULL, env=env)
        theirs.close()
        ours.settimeout(60)  # the first fork waits for the helper's imports
        self._control = ours

    def ensure_running(self) -> None:
        """Start the helper now (its imports take a moment), unless it runs already."""
        with self._lock:
            self._ensure_running()

    def _ensure_running(self) -> None:
        if self._process is None or self._process.poll() is not None:
            self.close()
            self._start()

    def fork(self, sock: socket.socket) -> int:
        """A new worker talking on ``sock``; its pid."""
        with self._lock:
            for attempt in (1, 2):
                self._ensure_running()
                try:
                    socket.send_fds(self._control, [b"F"], [sock.fileno()])
                    return struct.unpack("!q", _recv_exactly(self._control, 8, None))[0]
                except (OSError, EOFError):
                    self.close()
                    if attempt == 2:
                        raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Stop the helper (it exits when its control socket closes)."""
        if self._control is not None:
            self._control.close()
            self._control = None
        if self._process is not None:
            try:
                self._process.wait(5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None


class QueryRunner:
    """Runs :class:`Task` objects in worker processes with time and memory limits and a bounded
    pool (see the module docstring)."""

    def __init__(self, store: Store, timeout: float = 30.0, max_workers: int = 4, queue_wait: float = 5.0,
                 memory_mb: int = 2048) -> None:
        self.store = store
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.memory_mb = memory_mb
        self._slots = threading.BoundedSemaphore(max_workers)
        on_disk = isinstance(store, OxigraphStore) and store.path is not None
        self._location = str(store.path) if on_disk else None
        self._zygote = _Zygote() if on_disk else None
        if self._zygote is not None:
            self._zygote.ensure_running()

    def run(self, task: Task) -> Reply:
        """Answer ``task`` from a fresh worker, or 503 when busy or out of time."""
        if not self._slots.acquire(timeout=self.queue_wait):
            return Reply.text(503, "server busy: too many queries running; try again shortly")
        try:
            return self._run(task)
        finally:
            self._slots.release()

    def close(self) -> None:
        """Stop the helper process, if any."""
        if self._zygote is not None:
            self._zygote.close()

    def _run(self, task: Task) -> Reply:
        ours, theirs = socket.socketpair()
        try:
            if self._zygote is not None:
                pid = self._zygote.fork(theirs)
            else:
                pid = os.fork()
                if pid == 0:
                    ours.close()
                    _worker_main(theirs, self.store)
        except OSError as exc:
            ours.close()
            return Reply.text(503, f"cannot start a query worker: {exc}")
        finally:
            theirs.close()
        deadline = time.monotonic() + self.timeout
        reply = None
        try:
            ours.settimeout(self.timeout)
            _send_message(ours, pickle.dumps((self._location, task, self.timeout, self.memory_mb)))
            reply = pickle.loads(_recv_message(ours, deadline))
        except TimeoutError:
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            reply = Reply.text(503, f"query timed out after {self.timeout:g} s")
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        finally:
            ours.close()
        status = None
        if self._zygote is None:  # our own child: reap it, and learn how it ended
            status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        if reply is None:
            how = f" (signal {signal.Signals(-status).name})" if status is not None and status < 0 else ""
            if status is None or status == -signal.SIGABRT:
                how += f"; it may have needed more than the {self.memory_mb} MB a query may use"
            reply = Reply.text(500, f"the query crashed its worker process{how}")
        return reply

