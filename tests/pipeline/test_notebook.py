"""The walk-through notebook runs the ways its first cell documents: in Jupyter's folder
(notebooks/) and from the repository root, with nbconvert and with papermill; a bad
parameter stops it with a message that names the choices; its HTML needs no network."""

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest

BIN = Path(sys.executable).parent


@pytest.mark.parametrize("folder", [".", "notebooks"])
def test_runs_with_nbconvert_from_the_root_and_from_its_folder(built, tmp_path, folder):
    notebook = (built / "notebooks/explore.ipynb").relative_to(built / folder)
    proc = subprocess.run(
        [
            BIN / "jupyter",
            "nbconvert",
            "--to",
            "notebook",
            "--execute",
            str(notebook),
            "--output-dir",
            str(tmp_path),
        ],
        cwd=built / folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    nb = nbformat.read(tmp_path / "explore.ipynb", as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    # the results were found from either folder; the metal is named, not given by its id
    assert "Rare earths: production in 2025, USGS mcs2026" in text
    assert "observations of" in text


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"commodity": "unobtainium"}, "unknown commodity 'unobtainium'"),
        ({"edition": "mcs2099"}, "unknown edition 'mcs2099'"),
        ({"results": "no/such/folder"}, "no pipeline results at 'no/such/folder'"),
    ],
)
def test_a_bad_parameter_names_the_choices(built, tmp_path, parameters, message):
    with pytest.raises(papermill.PapermillExecutionError) as err:
        papermill.execute_notebook(
            str(built / "notebooks/explore.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters=parameters,
            cwd=str(built),
            kernel_name="python3",
            progress_bar=False,
        )
    assert message in str(err.value)
    assert "IndexError" not in str(err.value)
    if "commodity" in parameters:
        assert "rare_earths" in str(err.value) and "tungsten" in str(err.value)


def test_the_pipeline_run_has_one_parameters_cell_and_offline_html(built):
    nb = nbformat.read(built / "results/notebooks/explore.ipynb", as_version=4)
    tags = [t for c in nb.cells for t in c.metadata.get("tags", [])]
    assert tags.count("parameters") == 1 and "injected-parameters" not in tags
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assert 'commodity = "rare_earths"' in params.source and 'edition = "mcs2026"' in params.source
    prose = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for term in ("CR1, CR3", "HHI", "lower bound", "upper bound"):
        assert term in prose
    html = (built / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert not re.search(r'<script[^>]+src=|<link[^>]+href="https?:|from "https?:', html)


def test_the_notebook_tables_read_as_tables(built):
    """No index column, thousands separators, shares as percents, a gap as a dash."""
    html = (built / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert "row_heading" not in html  # pandas' index column is hidden
    # rare earths 2009, Table 3: China 120,000 of 124,000 t, HHI 9,370.3 (lower bound)
    assert ">96.8%<" in html and ">9,370<" in html
    assert ">nan<" not in html and ">NaN<" not in html
    # the one-metal table: rare earths 2025, China 270,000 t (MCS 2026)
    assert ">270,000<" in html
    # a year is a year, and the comparison gives the HHI as the range the data allow:
    # cobalt production 2009, Table 3: 1,930-2,800 (three countries named, the rest open)
    assert ">2,009" not in html and ">2009<" in html
    assert ">1,930–2,800<" in html


def test_markup_in_a_name_is_shown_as_text_and_no_script_runs(built):
    """A country's name holding markup (a careless or hostile edit of data/countries.csv)
    reaches the notebook's tables as text, and the page's policy runs no inline script."""
    from conftest import copy_build, run_pipeline

    workdir = copy_build(built, "markup")
    path = workdir / "data/countries.csv"
    text = path.read_text(encoding="utf-8")
    hostile = "Myanmar<script>alert(1)</script>"
    assert "Burma,MMR,country,Myanmar," in text
    path.write_text(text.replace("Burma,MMR,country,Myanmar,", f"Burma,MMR,country,{hostile},"))
    proc = run_pipeline(workdir, "results/notebooks/explore.html")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    html = (workdir / "results/notebooks/explore.html").read_text(encoding="utf-8")
    assert "Myanmar&lt;script&gt;alert(1)&lt;/script&gt;" in html  # rare earths, 2025
    assert "<script>alert" not in html
    assert "script-src 'none'" in html  # the page holds no script of its own
