"""Shared fixtures: the real pipeline, run on a copy of the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[1]
# What a build needs; results/, logs and caches are left behind.
WORKFLOW_PARTS = ("Snakefile", "config", "workflow", "src", "data", "notebooks", "docs",
                  "README.md", "environment.yml")


def copy_repo(dst: Path) -> Path:
    dst.mkdir(parents=True, exist_ok=True)
    for part in WORKFLOW_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dst / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dst / part)
    return dst


def run_pipeline(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run Snakemake in ``workdir`` as the README's build command does."""
    cmd = [sys.executable, "-m", "snakemake", "--cores", "2", "--show-failed-logs",
           "--nocolor", *args]
    return subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=600)


def result_files(workdir: Path) -> dict[str, bytes]:
    root = workdir / "results"
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A clean build of the whole pipeline on the vendored snapshot."""
    workdir = copy_repo(tmp_path_factory.mktemp("build"))
    proc = run_pipeline(workdir)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return workdir


@pytest.fixture(scope="session")
def observations(built) -> pd.DataFrame:
    return pd.read_csv(built / "results/tidy/observations.csv", keep_default_na=False,
                       na_values={"value": [""]}, dtype={"flag": str})
