"""Shared fixtures: the real pipeline, run on a copy of the repository."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

from raremetals.core import catalogue
from raremetals.core.schemas.stats import CONCENTRATION
from raremetals.sources.registry import load_registry
from servers import MISSING, TAMPERED, SlowHandler

REPO = Path(__file__).resolve().parents[1]


def script_module(name: str):
    """A module of workflow/scripts (the workflow's machinery: _warm, _library), loaded as
    the workflow loads it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, REPO / f"workflow/scripts/{name}.py")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


@functools.cache
def languages() -> dict:
    """The language catalogues of data/languages, by code."""
    from raremetals.core.text import load_languages

    return load_languages(sorted((REPO / "data/languages").glob("*.yaml")))


def written(evidence, code: str = "en") -> str:
    """The audit's evidence (``audit.evidence``) as the language ``code`` writes it."""
    from raremetals.audit.evidence import text

    return text(evidence, languages()[code])


# what a build needs (the benchmark copies the same)
WORKFLOW_PARTS = script_module("_parts").PARTS


def copy_repo(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for part in WORKFLOW_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dst / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst / part)
    return dst


def copy_build(built: Path, name: str) -> Path:
    """A copy of the session's build (``built``) with its outputs and Snakemake's records of
    them, their times kept: a test that changes one thing then rebuilds only what depends on
    it, as a maintainer's second build does. The copy lies beside the build, so that the
    library's files, which the rules name by paths relative to the folder, keep their paths
    (Snakemake re-runs a job whose set of input paths changed)."""
    import uuid

    dst = built.parent / f"{built.name}-{name}-{uuid.uuid4().hex[:8]}"
    shutil.copytree(
        built, dst, symlinks=True, ignore=shutil.ignore_patterns("locks", "incomplete", "warm")
    )
    return dst


def run_pipeline(
    workdir: Path, *args: str, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess:
    """Run Snakemake on the copy in ``workdir`` as the README's build command does: with
    the copy's own library first on the path (``./pipeline`` puts ``src/`` there), so that
    the rules name the library's files as ``src/...`` in every copy alike, and a copy of a
    build (``copy_build``) that ``./pipeline build`` then runs in re-runs nothing for
    them. ``env`` adds environment variables."""
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "--show-failed-logs", "--nocolor"]
    own = os.pathsep.join([str(workdir / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])
    return subprocess.run(
        [*cmd, *args],
        cwd=cwd or workdir,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": own, **env},
    )


def register(workdir: Path, rel: str, before: str) -> None:
    """Record a changed source file's new checksum and size in the copy's registry, as a
    maintainer replacing the file would (``before``: its old sha256)."""
    import hashlib
    import re

    data = (workdir / rel).read_bytes()
    registry = workdir / "data/sources.yaml"
    text, n = re.subn(
        rf"sha256: {before}\n(\s*)bytes: \d+",
        lambda m: f"sha256: {hashlib.sha256(data).hexdigest()}\n{m[1]}bytes: {len(data)}",
        registry.read_text(encoding="utf-8"),
    )
    assert n == 1, rel
    registry.write_text(text, encoding="utf-8")


def make_fault(workdir: Path, rel: str, edit, record: bool) -> None:
    """Make ``edit`` (a function of the path, editing in place) to the copy's file ``rel``;
    with ``record``, record the file's new checksum as ``register`` does, so that the step
    that reads the file, not the checksum, meets the fault."""
    import hashlib

    before = hashlib.sha256((workdir / rel).read_bytes()).hexdigest()
    edit(workdir / rel)
    if record:
        register(workdir, rel, before)


def result_files(workdir: Path) -> dict[str, bytes]:
    root = workdir / "results"
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory, worker_id) -> Path:
    """A clean build of the whole pipeline on the vendored snapshot, made once and shared
    by the test processes (pytest-xdist workers) of the run."""
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # the folder all workers' temporary folders are in
    workdir = root / "build"
    with FileLock(str(root / "build.lock")):
        if not (workdir / "results/manifest.json").is_file():
            shutil.rmtree(workdir, ignore_errors=True)
            proc = run_pipeline(copy_repo(workdir))
            assert proc.returncode == 0, proc.stdout + proc.stderr
    return workdir


@pytest.fixture(scope="session")
def observations(built) -> pd.DataFrame:
    return pd.read_csv(
        built / catalogue.path("observations"),
        keep_default_na=False,
        na_values={"value": [""]},
        dtype={"flag": str},
    )


@pytest.fixture(scope="session")
def conc(built) -> pd.DataFrame:
    from raremetals.core.io import read_tidy

    return read_tidy(built / catalogue.path("concentration"), CONCENTRATION)


def one(df: pd.DataFrame, **where) -> pd.Series:
    """The one row of ``df`` with these column values (a test fails on none or several)."""
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, f"{len(df)} rows match {where}"
    return df.iloc[0]


# the fixtures that build the workflow: a test that uses one is in tests/pipeline/
PIPELINE_FIXTURES = {"built", "observations", "conc"}


def pytest_collection_modifyitems(items):
    """The tier of a test is its folder: the tests under tests/pipeline/ build the workflow
    on copies of the repository and are marked ``pipeline``; those under tests/unit/ do
    not (``pytest tests/unit``, or ``-m "not pipeline"``, runs them alone)."""
    for item in items:
        if item.path.parent.name == "pipeline":
            item.add_marker(pytest.mark.pipeline)
        elif PIPELINE_FIXTURES & set(item.fixturenames):
            raise pytest.UsageError(
                f"{item.nodeid} builds the workflow: it belongs in tests/pipeline/"
            )


# --- local servers for the fetch tests (tests/servers.py) ---------------------------


@pytest.fixture
def start_server():
    """Start HTTP servers on 127.0.0.1 for a test; yields a function of the handler."""
    servers = []

    def start(handler) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def serve(start_server):
    """A server of a folder; a function of (folder, delay) that returns its base URL."""

    def start(folder: Path, delay: float = 0.0) -> str:
        handler = type("Handler", (SlowHandler,), {"delay": delay})
        return start_server(functools.partial(handler, directory=str(folder)))

    return start


@pytest.fixture(scope="module")
def registry():
    return load_registry(REPO / "data/sources.yaml")


@pytest.fixture
def mirror_tree(tmp_path) -> Path:
    """A copy of data/raw with one tampered file and one missing file."""
    served = tmp_path / "served"
    shutil.copytree(REPO / "data/raw", served)
    data = (served / TAMPERED).read_bytes()
    (served / TAMPERED).write_bytes(data[:-9] + b"tampered\n")  # the registry's size
    (served / MISSING).unlink()
    return served
