"""Where each output came from: the rule, the script and the inputs that made it, and the
version of the code.

Every job of the workflow writes a job record when it succeeds (its rule, script, inputs
and outputs; the workflow's script helpers do it). The manifest reads those records, so
it neither keeps a second list of the workflow by hand nor reads Snakemake's own files.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from raremetals.core.io import sha256_of


def job_records(paths) -> dict[str, dict]:
    """output path -> the record of the job that wrote it. ``paths``: the records, which
    the rule reading them takes as inputs, so that every one is complete when read."""
    by_output = {}
    for path in sorted(paths):
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        for output in record["outputs"]:
            by_output[output] = record
    return by_output


JOB_RECORD = ".job.json"  # the suffix of a job's record (workflow/rules/common.smk, logs())

# the package's own folder: its modules are listed once, in the manifest's ``library``
PACKAGE = Path(__file__).resolve().parents[1]


def file_provenance(path: str, records: dict[str, dict]) -> dict:
    """Rule, script and data inputs (with sha256) of one output file; the library modules
    a job ran are not among them, nor the job records a describing job read (they hold
    each job's memory, which no two builds share)."""
    if path not in records:
        raise FileNotFoundError(f"{path}: no job record says which job wrote it")
    record = records[path]
    return {
        "rule": record["rule"],
        "script": record["script"],
        "inputs": [
            {"path": p, "sha256": sha256_of(p)}
            for p in record["inputs"]
            if Path(p).is_file()
            and PACKAGE not in Path(p).resolve().parents
            and not p.endswith(JOB_RECORD)
        ],
    }


def code_version(root=".") -> str:
    """The git commit of the code, with ``+dirty`` if tracked files were changed; a marker
    when the tree is not a git checkout."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return commit + ("+dirty" if dirty else "")


def manifest(outputs: list[str], records: dict[str, dict], library: list[str], root=".") -> dict:
    """Every output with its checksum, size and provenance; the library's modules with
    checksums, named by their path in the package (``raremetals/core/io.py``) wherever it
    is installed."""
    files = [
        {
            "path": path,
            "sha256": sha256_of(path),
            "size": Path(path).stat().st_size,
            **file_provenance(path, records),
        }
        for path in sorted(outputs)
    ]
    modules = sorted(
        (Path(p).resolve().relative_to(PACKAGE.parent).as_posix(), sha256_of(p)) for p in library
    )
    return {
        "code_version": code_version(root),
        "library": [{"path": name, "sha256": digest} for name, digest in modules],
        "files": files,
    }
