"""Faults: a build killed part-way, and configuration errors."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from conftest import REPO, copy_repo, result_files, run_pipeline


def test_a_killed_build_finishes_on_rerun_with_identical_results(built, tmp_path):
    """A build killed outright (SIGKILL to every process of ./pipeline build, as a power
    cut or the OOM killer would) while figure jobs run, then the README's command again:
    a second build in the same folder, through a link to it, finds the first one's lock
    live and leaves it alone; after the kill the lock is stale and removed, the jobs cut
    short run again, and every file of results/ is byte for byte the session's build's.
    (That two builds from scratch give the same bytes is the other-folder test's.)"""
    workdir, env = _copy_with_command(built, "killed")
    pins = hashlib.sha256(
        (REPO / "pyproject.toml").read_bytes() + (REPO / "requirements.lock").read_bytes()
    ).hexdigest()
    marker = Path(sys.prefix, ".installed")
    # the installed environment, which ./pipeline finds up to date and leaves alone (were
    # it out of date, ./pipeline would install this copy into it)
    assert marker.is_file() and marker.read_text().split()[0] == pins, (
        "the test environment is not the one ./pipeline test installs; run ./pipeline test"
    )
    build = _figures_forced(workdir, env, tmp_path / "killed.log", 0.5)
    assert any((workdir / ".snakemake/locks").glob("*"))
    link = tmp_path / "link"
    link.symlink_to(workdir)
    second = subprocess.run(
        ["./pipeline", "build"], cwd=link, env=env, capture_output=True, text=True, timeout=300
    )
    assert second.returncode != 0 and "removing the lock" not in second.stderr
    assert "locked" in second.stdout + second.stderr
    assert build.poll() is None, "the second build stopped the first (or it ended)"
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert any((workdir / ".snakemake/locks").glob("*")), "the kill left no lock to clear"
    gone = [p for p in result_files(built) if not (workdir / "results" / p).exists()]
    assert gone, "the killed build had removed nothing: the test did not make the fault"
    rerun = subprocess.run(
        ["./pipeline", "build"], cwd=workdir, env=env, capture_output=True, text=True, timeout=600
    )
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "removing the lock" in rerun.stderr
    made, clean = result_files(workdir), result_files(built)
    assert sorted(made) == sorted(clean)
    assert [p for p in made if made[p] != clean[p] and p != "manifest.json"] == []


def _copy_with_command(built, name: str):
    """A copy of the session's build that ./pipeline runs in, with the test environment."""
    from conftest import copy_build

    workdir = copy_build(built, name)
    for part in ("pipeline", "pyproject.toml", "requirements.lock"):
        shutil.copy2(REPO / part, workdir / part)
    return workdir, {**os.environ, "VENV": sys.prefix}


def _figures_forced(workdir, env, log, pause: float) -> subprocess.Popen:
    """`./pipeline build --forcerun figure`, ``pause`` seconds after its first figure job
    started (its output in ``log``)."""
    with log.open("w") as out:  # the build writes through its own descriptor
        build = subprocess.Popen(
            ["./pipeline", "build", "--forcerun", "figure"],
            cwd=workdir,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.time() + 300
    while "localrule figure:" not in log.read_text():
        assert build.poll() is None and time.time() < deadline, log.read_text()[-3000:]
        time.sleep(0.05)
    time.sleep(pause)
    return build


def test_a_build_after_an_interrupted_forced_rerun_makes_what_it_removed(built, tmp_path):
    """SIGTERM to `./pipeline build --forcerun figure` once figure jobs run: Snakemake has
    removed what those jobs were remaking. The next plain build makes it again, so that
    every file the manifest and the report list exists, with the clean build's bytes."""
    workdir, env = _copy_with_command(built, "forcerun")
    build = _figures_forced(workdir, env, tmp_path / "forcerun.log", 1.5)
    build.send_signal(signal.SIGTERM)
    build.wait(timeout=120)
    gone = [p for p in result_files(built) if not (workdir / "results" / p).exists()]
    assert gone, "the interrupted rerun removed nothing: the test did not make the fault"
    rerun = subprocess.run(
        ["./pipeline", "build"], cwd=workdir, env=env, capture_output=True, text=True, timeout=600
    )
    assert rerun.returncode == 0, rerun.stdout[-3000:] + rerun.stderr[-3000:]
    assert "Nothing to be done" not in rerun.stdout + rerun.stderr
    made, clean = result_files(workdir), result_files(built)
    assert sorted(made) == sorted(clean)
    assert [p for p in made if made[p] != clean[p] and p != "manifest.json"] == []


def test_sigterm_stops_a_build_every_time(built, tmp_path):
    """SIGTERM to ./pipeline build while figure jobs run, at ten moments: the build ends
    within seconds each time and leaves no lock (Snakemake itself is not signalled: its
    handler can deadlock on a lock its main thread holds, 2 tries in 9 when it was)."""
    workdir, env = _copy_with_command(built, "sigterm")
    for attempt in range(10):
        log = tmp_path / f"try{attempt}.log"
        # from at once to 2.7 s into the figure jobs
        build = _figures_forced(workdir, env, log, 0.3 * attempt)
        stopped = time.monotonic()
        build.send_signal(signal.SIGTERM)
        try:
            build.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(build.pid, signal.SIGKILL)
            pytest.fail(f"try {attempt}: the build hung after SIGTERM")
        assert time.monotonic() - stopped < 30, f"try {attempt}: {log.read_text()[-2000:]}"
        assert build.returncode != 0
        assert not any((workdir / ".snakemake/locks").glob("*")), f"try {attempt}: lock left"


@pytest.mark.parametrize("cores", ["-1", "0", "two", "1.5"])
def test_a_number_of_cores_that_cannot_work_is_refused_before_anything_runs(cores):
    proc = subprocess.run(
        ["./pipeline", "build", "-n"],
        cwd=REPO,
        env={**os.environ, "CORES": cores, "VENV": "/nonexistent"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == (
        "pipeline: CORES is how many jobs a build runs at once: a whole number from 1 "
        f"(or all), found '{cores}'"
    )


def test_an_alias_bomb_in_a_configfile_is_refused_at_once(tmp_path):
    """Nine nested aliases stand for 9**9 items; the file given with --configfile is
    refused before Snakemake (or its schema check) expands them."""
    workdir = copy_repo(tmp_path / "repo")
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi")
    )
    (workdir / "override.yaml").write_text(bomb)
    started = time.monotonic()
    proc = run_pipeline(workdir, "-n", "--configfile", "override.yaml")
    out = proc.stdout + proc.stderr
    assert time.monotonic() - started < 30
    assert proc.returncode != 0 and "Traceback" not in out
    assert (
        f"error: {workdir}/override.yaml: expected plain YAML without anchors or aliases (line 1, "
        "column 4), found '&a'"
    ) in out, out[-2000:]


def test_slurm_profile_dry_runs(tmp_path):
    # on a fresh copy, so that the dry run plans every job whatever results/ holds here
    workdir = copy_repo(tmp_path / "repo")
    shutil.copytree(REPO / "profiles", workdir / "profiles")
    proc = subprocess.run(
        [sys.executable, "-m", "snakemake", "-n", "--profile", "profiles/slurm"],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Using profile profiles/slurm" in out and "dry-run" in out
    assert re.search(r"^total\s+\d+$", out, re.M)


def _dry_run_with(tmp_path, override: dict):
    workdir = copy_repo(tmp_path / "repo")
    path = workdir / "override.yaml"
    path.write_text(yaml.safe_dump(override))
    return run_pipeline(workdir, "-n", "--configfile", str(path))


@pytest.mark.parametrize(
    "override, message",
    [
        ({"colour": "red"}, "Additional properties are not allowed ('colour' was unexpected)"),
        (
            {
                "fetch": {
                    "mode": "snapshot",
                    "mirror": None,
                    "timeout": "soon",
                    "cache_dir": ".cache",
                }
            },
            "'soon' is not of type 'number'",
        ),
        (
            {
                "fetch": {
                    "mode": "snapshot",
                    "mirror": None,
                    "timeout": "soon",
                    "cache_dir": ".cache",
                }
            },
            "On instance['fetch']['timeout']",
        ),
        (
            {
                "fetch": {
                    "mode": "download",
                    "mirror": "file:///etc/passwd#",
                    "timeout": 5,
                    "cache_dir": ".cache",
                }
            },
            "'file:///etc/passwd#' does not match '^(https?|ftp)://",
        ),
        (
            {"editions": ["mcs2099"]},
            "config key editions: 'mcs2099' is not an edition of data/sources.yaml (its "
            "usgs_release entries: mcs2022, mcs2023, mcs2024, mcs2025, mcs2026)",
        ),
        (
            {"editions": ["MCS 2026"]},
            "On instance['editions']:\n    ['MCS 2026']",
        ),
        (
            {"comparison": {"middle_year": 2009}},
            "2009 is less than the minimum of 2010",
        ),
    ],
)
def test_config_errors_are_refused_naming_the_key(tmp_path, override, message):
    """The schema's refusals, and one of the values only the registry can judge (each of
    those is met where it is checked: tests/unit/test_registry.py), before anything runs."""
    proc = _dry_run_with(tmp_path, override)
    assert proc.returncode != 0
    assert message in proc.stdout + proc.stderr
