"""The warm interpreter's job server is its user's alone: its socket sits in a folder of
mode 0700 in the build's working folder, and each end checks the other's uid. The tests
of another user run a second process as ``nobody`` (they need root to switch users)."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from conftest import REPO, script_module

warm = script_module("_warm")
NOBODY = 65534
as_root = pytest.mark.skipif(os.getuid() != 0, reason="switching to a second user needs root")


@pytest.fixture
def shared_dir():
    """A folder another user can enter (pytest's own is private to this user)."""
    folder = Path(tempfile.mkdtemp(prefix="warm-test-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def as_nobody(code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run Python ``code`` as the user nobody (the system's Python: the test's own
    environment may be in a folder nobody cannot read)."""
    return subprocess.run(
        [shutil.which("python3", path="/usr/bin:/bin") or "python3", "-c", textwrap.dedent(code)],
        user=NOBODY,
        group=NOBODY,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_socket_lives_in_a_private_folder_of_the_working_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = Path(warm._socket_path())
    folder = tmp_path / ".cache/warm"
    assert path.parent == folder and path.name.endswith(".sock")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    folder.chmod(0o755)  # loosened by hand: the build's user tightens it again
    warm._socket_path()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    # a link in its place (to a folder anyone may write) is not used: jobs run cold
    shutil.rmtree(folder)
    folder.symlink_to(tmp_path)
    assert warm._socket_path() is None


@as_root
def test_another_user_can_neither_reach_nor_answer_for_the_server(shared_dir, monkeypatch):
    """The attack of the last round: a process of another user binds the path a job
    connects to, and receives the job's environment and streams. The server's temporary
    folder is one of the test's own, which must stay empty (the machine's /tmp holds what
    other tests, running beside this one, write)."""
    private = shared_dir / "tmp"
    private.mkdir()
    monkeypatch.setenv("TMPDIR", str(private))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    build = shared_dir / "build"
    build.mkdir()
    monkeypatch.chdir(build)
    path = warm._socket_path()
    server = warm.start(path)
    try:
        deadline = time.monotonic() + 60
        while (sock := warm._connect(path)) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert sock is not None and warm.peer_uid(sock) == os.getuid()
        sock.close()
        # another user cannot even reach the socket: its folder is the user's, mode 0700
        reach = as_nobody(
            f"""
            import socket
            s = socket.socket(socket.AF_UNIX)
            try:
                s.connect({path!r})
            except PermissionError:
                print("refused")
            """,
            shared_dir,
        )
        assert reach.stdout.strip() == "refused", reach.stderr
        # were the folder opened (a careless chmod, a copy that kept no modes), the
        # server still serves no one else: it closes without reading a byte
        os.chmod(Path(path).parent, 0o777)
        os.chmod(path, 0o777)
        knock = as_nobody(
            f"""
            import socket
            s = socket.socket(socket.AF_UNIX)
            s.connect({path!r})
            s.settimeout(20)
            print(repr(s.recv(16)))
            """,
            shared_dir,
        )
        assert knock.stdout.strip() == "b''", knock.stderr
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert tempfile.gettempdir() == str(private) and list(private.iterdir()) == []


@as_root
def test_a_job_does_not_talk_to_a_server_of_another_user(shared_dir):
    """A socket another user listens on, where a job would look for its server: the job
    hangs up before it sends its environment, and runs where it is."""
    folder = shared_dir / "warm"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    path = folder / "impostor.sock"
    impostor = subprocess.Popen(
        [
            shutil.which("python3", path="/usr/bin:/bin") or "python3",
            "-c",
            textwrap.dedent(
                f"""
                import socket, sys
                s = socket.socket(socket.AF_UNIX)
                s.bind({str(path)!r})
                s.listen(1)
                print("listening", flush=True)
                conn, _ = s.accept()
                conn.settimeout(5)
                try:
                    print("received", len(conn.recv(1 << 16)), flush=True)
                except OSError:
                    print("received nothing", flush=True)
                """
            ),
        ],
        user=NOBODY,
        group=NOBODY,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert impostor.stdout.readline().strip() == "listening"
        assert warm._connect(str(path)) is None
        out, _ = impostor.communicate(timeout=30)
        assert "received 0" in out or "received nothing" in out
    finally:
        impostor.kill()
        impostor.wait()


def test_peer_uid_reads_the_kernels_credentials():
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        assert warm.peer_uid(a) == os.getuid()


def test_the_private_interpreter_api_the_server_uses_still_works():
    """A job's child leaves with os._exit and runs the exit handlers itself through
    atexit._run_exitfuncs (the job record is written by one): should Python rename or
    change it, this fails, not a build that silently loses its records."""
    # in a process of its own: the call runs every exit handler of the process
    code = (
        "import atexit, os; atexit.register(print, 'ran', flush=True); "
        "atexit._run_exitfuncs(); os._exit(0)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout == "ran\n"
    assert "_run_exitfuncs" in open(warm.__file__, encoding="utf-8").read()


def test_the_server_started_before_the_jobs_is_the_one_they_find(tmp_path):
    """The workflow starts the server while Snakemake plans (``onstart``), so that the
    first jobs need not wait for one. A job finds a server by a key of its environment,
    to which Snakemake adds the job's threads (``OMP_NUM_THREADS``, ...): the server
    started beforehand must have the key of a job's environment, or every build starts a
    second server and the first sits idle. Should Snakemake change what it sets, this
    fails."""
    scripts = str(REPO / "workflow/scripts")
    (tmp_path / "Snakefile").write_text(
        textwrap.dedent(
            f"""\
            import sys
            sys.path.insert(0, {scripts!r})
            import _warm

            onstart:
                with open("before.key", "w") as fh:
                    fh.write(_warm._key(_warm.job_environment()))

            rule key:
                output: "job.key"
                script: "job.py"
            """
        )
    )
    (tmp_path / "job.py").write_text(
        f"import sys\nsys.path.insert(0, {scripts!r})\nimport _warm\n"
        "open(snakemake.output[0], 'w').write(_warm._key())\n"
    )
    subprocess.run(
        [sys.executable, "-m", "snakemake", "--cores", "1", "--quiet"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO / "src"), "RAREMETALS_WARM": "0"},
        capture_output=True,
        check=True,
        timeout=120,
    )
    assert (tmp_path / "job.key").read_text() == (tmp_path / "before.key").read_text()
