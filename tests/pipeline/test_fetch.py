"""Fetch stage: snapshot verification and download mode against a local HTTP server."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_repo, run_pipeline
from raremetals.core import catalogue
from raremetals.core.errors import InputError
from raremetals.sources.fetch import verify_snapshot
from servers import TAMPERED, Trickle


def test_snapshot_refuses_a_changed_file(registry, tmp_path):
    copy = copy_repo(tmp_path / "repo")
    with open(copy / "data/raw" / TAMPERED, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(InputError, match=r"data/raw/paper/claims\.csv: expected sha256 "):
        verify_snapshot(registry["paper"], root=copy)


def _download_config(workdir: Path, mirror: str) -> Path:
    path = workdir / "download.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "fetch": {
                    "mode": "download",
                    "mirror": mirror,
                    "timeout": 10,
                    "cache_dir": ".cache/sources",
                }
            }
        )
    )
    return path


def test_pipeline_in_download_mode_matches_snapshot(built, serve, tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    base = serve(REPO / "data/raw")
    tidy = [t.path for t in catalogue.of_stage("tidy")]  # what the fetched files feed
    proc = run_pipeline(workdir, *tidy, "--configfile", str(_download_config(workdir, base)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for path in tidy:
        assert (workdir / path).read_bytes() == (built / path).read_bytes(), path
    assert (workdir / ".cache/sources/usgs_mcs2024/world/mcs2024-raree_world.csv").is_file()


def test_pipeline_download_failure_names_source_and_file(serve, mirror_tree, tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    proc = run_pipeline(
        workdir,
        catalogue.path("paper_table3"),
        "--configfile",
        str(_download_config(workdir, serve(mirror_tree))),
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "error: source 'paper', file data/raw/paper/claims.csv" in out
    assert "checksum mismatch" in out
    assert not (workdir / "results/fetch/paper.json").exists()
    assert not (workdir / catalogue.path("paper_table3")).exists()
    assert not list((workdir / ".cache/sources/paper").glob("*claims*"))


# --- hostile servers and archives: every download has a deadline and a size cap ----------


def test_sigterm_stops_a_build_stuck_in_a_download(start_server, tmp_path):
    """The README's build, waiting on a trickling server (its deadline ten minutes away),
    stops within seconds of SIGTERM, leaving no partial file in the cache and no job behind.
    (Snakemake alone meets SIGTERM by waiting for its jobs: ``./pipeline build`` passes the
    signal to them.)"""
    import os
    import signal
    import subprocess
    import sys

    if not (Path(sys.prefix) / ".installed").is_file():
        pytest.skip("runs ./pipeline in the environment ./pipeline test made")
    workdir = copy_repo(tmp_path / "repo")
    for name in ("pipeline", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO / name, workdir / name)
    config = _download_config(workdir, start_server(type("H", (Trickle,), {"size": 47628})))
    proc = subprocess.Popen(
        ["./pipeline", "build", "results/fetch/paper.json", "--configfile", str(config)],
        cwd=workdir,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "VENV": sys.prefix},
    )
    cache = workdir / ".cache/sources/paper"
    deadline = time.monotonic() + 60
    while not any(cache.glob(".*")) and time.monotonic() < deadline:  # the download began
        time.sleep(0.2)
    assert any(cache.glob(".*")), "the download never started"
    stopped = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert time.monotonic() - stopped < 20, out
    assert proc.returncode != 0
    assert "error: fetch stopped by signal SIGTERM" in out, out[-3000:]
    assert not [p for p in cache.rglob("*") if p.is_file()], "no partial file left"
    assert not (workdir / "results/fetch/paper.json").exists()
    # the warm job server may stay (it stops when idle); no job of it may
    ps = subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True)
    mine = {
        int(pid): int(ppid)
        for pid, ppid, args in (line.split(None, 2) for line in ps.stdout.splitlines())
        if str(workdir) in args
    }
    assert not [pid for pid, ppid in mine.items() if ppid in mine], f"jobs left: {ps.stdout}"
