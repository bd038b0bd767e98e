"""Run the workflow's Python scripts in a warm interpreter.

Most of a job's time is spent starting Python and importing pandas, pandera and
matplotlib (about a second), not in its work. A job's script therefore hands itself to a
*job server*: a process of the same interpreter, library and environment that imported
all of these once and forks a fresh child for each job. The child runs the script from
the start, with the job's working folder, environment and standard streams, and its
exit status becomes the job's. Every job still runs in a process of its own, so one job
cannot change another's state, and Snakemake sees a job as it always does.

The server is started by the workflow as the build begins (with the environment
Snakemake gives a job), or else by the first job that needs one, and stops after
``IDLE`` seconds without work. It is found by a key made of the interpreter, the
library's files (path, size and time of change) and the environment variables that
change what Python imports, so a changed library or another environment never reuses a
server. When the server cannot be reached, or ``RAREMETALS_WARM=0``, the script simply
runs where it is.

A job hands the server its whole environment and its standard streams, so only the
build's own user may reach it: the socket and its lock live in ``.cache/warm`` of
the build's working folder, a directory of mode 0700 that the user owns (the server is
not used if it is anything else), and each end checks the other's uid (``SO_PEERCRED``)
before a byte is sent. Nothing is written outside the working folder.

    python workflow/scripts/_warm.py serve SOCKET LOCK_FD   (started by start())
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import select
import signal
import socket
import stat
import struct
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

IDLE = 30  # seconds without a job after which the server stops
START_TIMEOUT = 60
STOP_GRACE = 5  # seconds a stopped job has to clean up before it is killed
CHILD = "RAREMETALS_WARM_CHILD"
PRELOAD = (
    "pandas",
    "pandera.pandas",
    "numpy",
    "matplotlib.pyplot",
    "jsonschema",
    "yaml",
    "markdown",
    "papermill",
    "nbconvert",
    "snakemake.iocontainers",
    "snakemake.logging",
)
# variables that change which code Python imports or how the libraries start
KEY_VARIABLES = (
    "PYTHONPATH",
    "PYTHONHOME",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
    "MPLBACKEND",
    "MPLCONFIGDIR",
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
)


# Snakemake sets these in each job's environment to the job's threads (one for every rule
# here), so a server started outside a job must be started, and found, with them too
THREAD_VARIABLES = (
    "OMP_NUM_THREADS",
    "GOTO_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "NUMEXPR_NUM_THREADS",
)


def job_environment(threads: int = 1) -> dict[str, str]:
    """This process's environment as Snakemake hands it to a job of ``threads`` threads."""
    return {**os.environ, **dict.fromkeys(THREAD_VARIABLES, str(threads))}


def _key(env: Mapping[str, str] = os.environ) -> str:
    import raremetals

    package = Path(raremetals.__file__).resolve().parent
    digest = hashlib.sha256()
    for part in (sys.executable, str(package), *(env.get(v, "") for v in KEY_VARIABLES)):
        digest.update(part.encode() + b"\0")
    for path in sorted(package.rglob("*.py")) + [Path(__file__).resolve()]:
        st = path.stat()
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:20]


def private_folder(folder: str | os.PathLike) -> Path | None:
    """``folder``, made if need be, if it is a directory (not a link) of this user's with
    mode 0700; None if it is not and cannot be made so."""
    folder = Path(folder)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return None
    if stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(folder, 0o700)
    return folder


def _socket_path(env: Mapping[str, str] = os.environ) -> str | None:
    folder = private_folder(Path(".cache", "warm").absolute())
    return None if folder is None else str(folder / f"{_key(env)}.sock")


def _in_folder(sock: socket.socket, path: str, call: str) -> None:
    """``sock.bind`` or ``sock.connect`` to ``path`` through a descriptor of its folder:
    a socket's address holds at most 107 bytes, a working folder's path may be longer."""
    folder = os.open(os.path.dirname(path), os.O_RDONLY | os.O_DIRECTORY)
    try:
        getattr(sock, call)(f"/proc/self/fd/{folder}/{os.path.basename(path)}")
    finally:
        os.close(folder)


def peer_uid(sock: socket.socket) -> int:
    """The uid of the process at the other end of a Unix socket, as the kernel gives it."""
    creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    return struct.unpack("3i", creds)[1]


def _connect(path: str) -> socket.socket | None:
    """A connection to the server at ``path``, only if this user's process answers."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        _in_folder(sock, path, "connect")
        if peer_uid(sock) != os.getuid():
            raise PermissionError(f"{path} is served by another user")
    except OSError:
        sock.close()
        return None
    return sock


def enabled() -> bool:
    """Whether jobs may run in a warm interpreter (RAREMETALS_WARM=0 says no). Not on a
    cluster node (SLURM_JOB_ID is set there): each job runs on a node of its own, where a
    server would serve that job alone and then sit idle."""
    return (
        os.environ.get("RAREMETALS_WARM") != "0"
        and "SLURM_JOB_ID" not in os.environ
        and not os.environ.get(CHILD)
        and hasattr(os, "fork")
        and hasattr(os, "pidfd_open")
    )


def start(path: str | None = None, env: Mapping[str, str] = os.environ) -> subprocess.Popen | None:
    """Start the job server for jobs of environment ``env`` unless it runs or is starting;
    return the new process.

    A lock file makes the start a one-at-a-time affair: the starter holds it, the new
    server inherits it and lets go once it listens, so jobs arriving meanwhile wait for
    that server rather than start their own."""
    import fcntl

    path = path or _socket_path(env)
    if path is None:
        return None
    with open(path + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if sock := _connect(path):
            sock.close()
            return None
        return subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "serve", path, str(lock.fileno())],
            start_new_session=True,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=[lock.fileno()],
        )


def _server_socket(path: str) -> socket.socket | None:
    """A connection to the job server, started if need be."""
    if sock := _connect(path):
        return sock
    server = start(path)
    if server is None:  # another job's server listens now
        return _connect(path)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline and server.poll() is None:
        if sock := _connect(path):
            return sock
        time.sleep(0.05)
    return _connect(path)


def delegate(script: str) -> None:
    """In a job's own process: run ``script`` in a child of the job server and exit with
    its status. Returns (and the script goes on here) in the server's child, when warm
    running is switched off, or when no server can be had."""
    if not enabled():
        return
    path = _socket_path()
    sock = None if path is None else _server_socket(path)
    if sock is None:
        return
    request = json.dumps(
        {"script": script, "cwd": os.getcwd(), "env": dict(os.environ), "argv": sys.argv}
    ).encode()
    sys.stdout.flush()
    sys.stderr.flush()
    socket.send_fds(sock, [len(request).to_bytes(8, "big") + request], [0, 1, 2])

    def stop(signum, frame):
        # stopped, the job's process has its script stopped (the supervisor sees the
        # connection's end) and waits for it, so that the script's last words are in the
        # log before Snakemake reads it
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_WR)

    signal.signal(signal.SIGTERM, stop)
    status = sock.recv(16)
    # the server closes without a status only if it died; the job failed with it
    os._exit(int(status.decode()) if status else 1)


# --- the server ----------------------------------------------------------------------


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    head, fds, _, _ = socket.recv_fds(conn, 8, 3)
    size = int.from_bytes(head, "big")
    body = b""
    while len(body) < size:
        chunk = conn.recv(size - len(body))
        if not chunk:
            raise ConnectionError("the job went away")
        body += chunk
    return json.loads(body), list(fds)


def _run_child(job: dict, fds: list[int]) -> None:
    """In the forked child: become the job and run its script from the start."""
    import atexit
    import runpy

    os.setpgid(0, 0)
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    sys.stdin, sys.stdout, sys.stderr = (
        open(i, mode, closefd=False)  # noqa: SIM115
        for i, mode in ((0, "r"), (1, "w"), (2, "w"))
    )
    os.chdir(job["cwd"])
    os.environ.clear()
    os.environ.update(job["env"], **{CHILD: "1"})
    sys.argv = list(job["argv"])
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    code = 0
    try:
        runpy.run_path(job["script"], run_name="__main__")
    except SystemExit as done:
        if isinstance(done.code, str):  # as Python does with sys.exit("message")
            print(done.code, file=sys.stderr)
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    except BaseException:  # noqa: BLE001 - the job's error is reported as Python would
        sys.excepthook(*sys.exc_info())
        code = 1
    try:
        # the child leaves with os._exit (it must not unwind into the server's code), so
        # it runs the exit handlers itself: among them the one writing the job record
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def _supervise(conn: socket.socket) -> None:
    """In a forked supervisor: start the job's child, wait for it, report its status; if
    the job's process goes away (Snakemake stopped it), stop the child."""
    # a SIGTERM to every process of the build reaches the supervisor too: it must live
    # until its child has written its last words and report them, or the job would end
    # (and Snakemake read its log) first
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    job, fds = _receive(conn)
    pid = os.fork()
    if pid == 0:
        conn.close()
        _run_child(job, fds)
    for fd in fds:
        os.close(fd)
    pidfd = os.pidfd_open(pid)
    ready, _, _ = select.select([pidfd, conn], [], [])
    if pidfd not in ready:  # the job's process closed the connection: it was stopped
        # as the job would have been: SIGTERM, so that it can remove what it half wrote,
        # and SIGKILL if it is still there after STOP_GRACE seconds
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
            if not select.select([pidfd], [], [], STOP_GRACE)[0]:
                os.killpg(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    try:
        conn.sendall(str(code if code >= 0 else 128 - code).encode())
    except OSError:
        pass


def serve(path: str, lock_fd: int) -> None:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # no thread pools before fork
    os.environ.setdefault("MPLBACKEND", "Agg")
    import importlib
    import pkgutil

    import raremetals

    for name in PRELOAD:
        importlib.import_module(name)
    for module in pkgutil.walk_packages(raremetals.__path__, "raremetals."):
        importlib.import_module(module.name)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        _in_folder(server, path, "bind")
    except OSError:
        os.unlink(path)  # left by a server that died (a live one would hold the lock)
        _in_folder(server, path, "bind")
    server.listen(16)
    os.close(lock_fd)  # listening: jobs waiting on the lock may connect
    server.settimeout(IDLE)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # supervisors are reaped by the system
    try:
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                return
            if peer_uid(conn) != os.getuid():  # only the user's own jobs are served
                conn.close()
                continue
            if os.fork() == 0:
                server.close()
                try:
                    _supervise(conn)
                finally:
                    os._exit(0)
            conn.close()
    finally:
        os.unlink(path)


if __name__ == "__main__" and sys.argv[1:2] == ["serve"]:
    serve(sys.argv[2], int(sys.argv[3]))
