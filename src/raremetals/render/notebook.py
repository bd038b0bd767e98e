"""Run a notebook with papermill and render it to HTML, the same bytes every time.

Papermill and the kernel stamp start and end times on the notebook and on each cell, and
papermill gives the parameters cell it injects a random id; both are made fixed so two
runs of the same notebook on the same data give identical files.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import nbformat

TIMING_KEYS = ("papermill", "execution", "ExecuteTime")


def make_reproducible(nb) -> None:
    """Drop timings, and number the cells (papermill gives the cell it injects a random id)."""
    for key in TIMING_KEYS:
        nb.metadata.pop(key, None)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
        for key in TIMING_KEYS:
            cell.metadata.pop(key, None)


def execute(source, ipynb_out, html_out, parameters: dict, cwd=".") -> None:
    import papermill
    from nbconvert import HTMLExporter

    from raremetals.core.io import atomic_write

    env_bin = str(Path(sys.executable).parent)
    # the kernel is this interpreter, in whose environment the library is installed
    os.environ["PATH"] = os.pathsep.join([env_bin, os.environ.get("PATH", "")])
    with tempfile.TemporaryDirectory() as tmp:
        executed = Path(tmp) / "executed.ipynb"
        papermill.execute_notebook(
            str(source),
            str(executed),
            parameters=parameters,
            kernel_name="python3",
            cwd=str(cwd),
            progress_bar=False,
            log_output=False,
        )
        nb = nbformat.read(executed, as_version=4)
    make_reproducible(nb)
    atomic_write(ipynb_out, nbformat.writes(nb) + "\n")
    body, _ = HTMLExporter().from_notebook_node(nb)
    atomic_write(html_out, body)
