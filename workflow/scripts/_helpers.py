"""What every script of the workflow does first (imported as ``from _helpers import ...``;
Snakemake puts this folder on the script's ``sys.path``).

``configure(snakemake)`` hands the job to a warm interpreter (``_warm``), sends the script's
error output to the rule's log and, when the job succeeds, writes its job record (rule,
script, inputs and outputs) to the rule's ``job`` log, from which the manifest says where
each output came from.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import traceback
from pathlib import Path

from _warm import delegate
from raremetals.core.errors import FetchError, InputError, OutputError

_failed = []


def _report(kind, error, tb):
    """Bad input and failed downloads are the user's to fix: say what and where, no trace."""
    _failed.append(error)
    if isinstance(error, (InputError, FetchError, OutputError)):
        print(f"error: {error}", file=sys.stderr)
    else:
        traceback.print_exception(kind, error, tb)


def job_record(snakemake, script: str) -> dict:
    import resource

    return {
        "rule": snakemake.rule,
        "script": script,
        "inputs": sorted(str(p) for p in snakemake.input),
        "outputs": sorted(str(p) for p in snakemake.output),
        # the job process's peak memory, which benchmarks/run.py reports
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def _write_record(snakemake, script: str) -> None:
    if _failed or sys.exc_info()[0] is not None:
        return
    from raremetals.core.io import atomic_write

    atomic_write(snakemake.log.job, json.dumps(job_record(snakemake, script), indent=1) + "\n")


def configure(snakemake) -> None:
    """Send the script's error output (and so any error message) to the rule's log, and
    record the job when it succeeds.

    The build runs with --show-failed-logs, so the message still reaches the terminal.
    The job itself runs in a warm interpreter when one can be had (see ``_warm``). A
    script run by ``_debug`` (outside Snakemake) keeps the terminal and Python's own
    tracebacks, and records no job.
    """
    if os.environ.get("RAREMETALS_DEBUG"):
        return
    delegate(sys.argv[0])
    sys.stderr = open(snakemake.log.stderr, "w", encoding="utf-8")  # noqa: SIM115
    sys.excepthook = _report
    # Snakemake sets __file__ of the copy it runs to the script's own path
    name = Path(sys.modules["__main__"].__file__).name
    atexit.register(_write_record, snakemake, f"workflow/scripts/{name}")
