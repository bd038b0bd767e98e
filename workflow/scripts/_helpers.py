"""What every script of the workflow does first (imported as ``from _helpers import ...``;
Snakemake puts this folder on the script's ``sys.path``).

``configure(snakemake)`` sends the script's error output to the rule's log and, when the
job succeeds, writes its job record (rule, script, inputs and outputs) to the rule's
``job`` log, from which the manifest says where each output came from.
"""

from __future__ import annotations

import atexit
import json
import sys
import traceback
from pathlib import Path

from raremetals.core.errors import FetchError, InputError

_failed = []


def _report(kind, error, tb):
    """Bad input and failed downloads are the user's to fix: say what and where, no trace."""
    _failed.append(error)
    if isinstance(error, (InputError, FetchError)):
        print(f"error: {error}", file=sys.stderr)
    else:
        traceback.print_exception(kind, error, tb)


def job_record(snakemake, script: str) -> dict:
    return {
        "rule": snakemake.rule,
        "script": script,
        "inputs": sorted(str(p) for p in snakemake.input),
        "outputs": sorted(str(p) for p in snakemake.output),
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
    """
    sys.stderr = open(snakemake.log.stderr, "w", encoding="utf-8")  # noqa: SIM115
    sys.excepthook = _report
    # Snakemake runs a copy of the script named tmp<random>.<name>.py
    name = Path(sys.argv[0]).name.split(".", 1)[-1]
    atexit.register(_write_record, snakemake, f"workflow/scripts/{name}")
