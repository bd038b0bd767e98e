"""Run a notebook with papermill and render it to HTML, the same bytes every time; and
what the walk-through notebook needs to run the documented ways.

Papermill and the kernel stamp start and end times on the notebook and on each cell, and
papermill gives the parameters cell it injects a random id; both are made fixed so two
runs of the same notebook on the same data give identical files. Papermill also adds its
injected parameters as a second cell: they replace the notebook's own, so the executed
notebook has one parameters cell. The HTML loads nothing from the network.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from pathlib import Path

import nbformat

TIMING_KEYS = ("papermill", "execution", "ExecuteTime")
OFFLINE_TEMPLATE = Path(__file__).with_name("notebook_offline.html.j2")


def results_folder(results: str | Path = "results") -> Path:
    """The pipeline's results folder: ``results`` where it exists from the working
    directory, else the folder of that name beside the nearest parent that has one
    (Jupyter runs a notebook in its own folder, notebooks/)."""
    given = Path(results)
    for base in [Path.cwd(), *Path.cwd().parents]:
        candidate = given if given.is_absolute() else base / given
        if (candidate / "stats").is_dir():
            return candidate
        if given.is_absolute():
            break
    raise FileNotFoundError(
        f"no pipeline results at {results!r} (looked in {Path.cwd()} and the folders above "
        "it): build them with `./pipeline build`, or pass the folder as the parameter "
        "`results`"
    )


def check_parameters(commodity: str, edition: str, commodities, editions) -> None:
    """A clear error for a commodity or edition the results do not hold."""
    if commodity not in set(commodities):
        raise ValueError(
            f"unknown commodity {commodity!r}: the parameter `commodity` is one of "
            + ", ".join(sorted(commodities))
        )
    if edition not in set(editions):
        raise ValueError(
            f"unknown edition {edition!r}: the parameter `edition` is one of "
            + ", ".join(sorted(editions))
            + " (the editions the pipeline was built with, config.yaml `editions`)"
        )


def shown(table, percent=(), whole=(), decimals: int = 3):
    """A table as the notebook shows it: no index column, numbers with thousands
    separators (``whole`` to the unit, others to ``decimals``), years as years, shares
    (``percent``) as percents, a missing value as a dash, never as 0 or "nan"."""
    numbers = table.select_dtypes("number").columns
    formats = {c: f"{{:,.{decimals}f}}" for c in numbers}
    # a year is a name, not an amount: 2009, never 2,009.000
    formats |= {c: "{:.0f}" for c in numbers if "year" in c.lower()}
    formats |= {c: "{:,.0f}" for c in whole} | {c: "{:.1%}" for c in percent}
    # pandas names a table's styles by a random id unless given one: one from the table's
    # columns and rows, so the same notebook gives the same bytes
    uuid = hashlib.sha256(f"{list(table.columns)}{len(table)}".encode()).hexdigest()[:8]
    # a cell or heading is text, never markup: a country named "<script>" is shown as such
    styled = (
        table.style.set_uuid(uuid)
        .format(formats, na_rep="–", escape="html")
        .format_index(escape="html", axis=1)
        .hide(axis="index")
    )
    # as HTML alone: a Styler's plain-text form is its memory address
    from IPython.display import HTML

    return HTML(styled.to_html())


def merge_parameters(nb) -> None:
    """Papermill's injected parameters take the place of the notebook's parameters cell."""
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    if not injected:
        return
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            body = injected[0].source.split("\n", 1)[1] if "\n" in injected[0].source else ""
            cell.source = "# Parameters (papermill set them for this run)\n" + body.lstrip("\n")
            cell.outputs, cell.execution_count = [], injected[0].execution_count
    nb.cells = [c for c in nb.cells if c not in injected]


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
    from raremetals.render.web import with_csp

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
    merge_parameters(nb)
    make_reproducible(nb)
    atomic_write(ipynb_out, nbformat.writes(nb) + "\n")
    exporter = HTMLExporter(template_name="lab", template_file=str(OFFLINE_TEMPLATE))
    body, _ = exporter.from_notebook_node(nb)
    atomic_write(html_out, with_csp(body))
