"""What every script of the workflow does first (imported as ``from _helpers import ...``).

Snakemake puts this folder on ``sys.path`` of each script; the project's library is made
importable from ``src/`` so the scripts also run in an environment that does not install
it (for example one made by Snakemake from environment.yml).
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from raremetals.errors import InputError  # noqa: E402
from raremetals.fetch import FetchError  # noqa: E402


def _report(kind, error, tb):
    """Bad input and failed downloads are the user's to fix: say what and where, no trace."""
    if isinstance(error, (InputError, FetchError)):
        print(f"error: {error}", file=sys.stderr)
    else:
        traceback.print_exception(kind, error, tb)


def configure(snakemake) -> None:
    """Send the script's error output (and so any error message) to the rule's log.

    The build runs with --show-failed-logs, so the message still reaches the terminal.
    """
    if snakemake.log:
        sys.stderr = open(snakemake.log[0], "w", encoding="utf-8")  # noqa: SIM115
    sys.excepthook = _report
