"""A bad source file stops the build with a message that names the file, the place and the
expectation, and leaves no output derived from it in results/. Each case corrupts one
input of a copy of the repository and runs the real pipeline on it."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import copy_repo, run_pipeline

RAREE = "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv"
TABLE3 = "data/raw/paper/table3_as_printed.csv"
OBS = "results/tidy/observations.csv"
CONC = "results/stats/concentration.csv"


def _register(workdir: Path, rel: str, before: str) -> None:
    """Record a changed file's new checksum, as a maintainer replacing a source file
    would, so that the cleaning step (not the checksum) meets the bad file."""
    after = hashlib.sha256((workdir / rel).read_bytes()).hexdigest()
    registry = workdir / "data/sources.yaml"
    registry.write_text(registry.read_text().replace(before, after))


def replace(old: str, new: str):
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)
    return edit


def truncate(text: str) -> str:
    return text[:text.index("MCS2024,Vietnam") + len('MCS2024,Vietnam,"Rare earths, mine')]


def duplicate_row(text: str) -> str:
    row = next(line for line in text.splitlines() if line.startswith("MCS2024,India,"))
    return text.replace(row, row + "\n" + row, 1)


# case: (file, edit of its text or bytes, record the new checksum?, target, expected message)
CASES = {
    "empty file": (RAREE, lambda t: "", True, OBS,
                   "mcs2024-raree_world.csv: expected a non-empty file"),
    "header only": (RAREE, lambda t: t.splitlines()[0] + "\n", True, OBS,
                    "mcs2024-raree_world.csv: expected a header and at least one data row"),
    "missing column": (RAREE, replace("Source,Country,Type,", "Source,Country,"), True, OBS,
                       "mcs2024-raree_world.csv: expected a column named 'Type'"),
    "renamed column": (RAREE, replace("Prod_t_est_2023", "Production_2023"), True, OBS,
                       "mcs2024-raree_world.csv, row 1, column 'Production_2023': expected a "
                       "column named like Prod_<unit>[_est]_<year>"),
    "non-numeric value": (RAREE, replace("210000,240000", "210000,24O000"), True, OBS,
                          "mcs2024-raree_world.csv, row 7, column 'Prod_t_est_2023': expected "
                          "a non-negative number"),
    "negative production": (RAREE, replace("210000,240000", "210000,-240000"), True, OBS,
                            "row 7, column 'Prod_t_est_2023': expected a non-negative number "
                            "or a USGS code (W, NA, XX, Large, ...), found '-240000'"),
    "shares far above the world total": (
        RAREE, replace("210000,240000", "210000,940000"), True, CONC,
        "mcs2024-raree_world.csv, row 17: expected country values that fit their total "
        "(listed shares sum to 300.9% of the total"),
    "unknown country": (RAREE, replace("MCS2024,Burma,", "MCS2024,Freedonia,"), True, OBS,
                        "mcs2024-raree_world.csv, row 5, column 'Country': expected a country "
                        "name that maps to ISO 3166"),
    "duplicate rows": (RAREE, duplicate_row, True, OBS,
                       "mcs2024-raree_world.csv, row 10, column 'Country': expected one row "
                       "per country and type (row 9 has the same)"),
    "unknown unit": (RAREE, replace("Prod_t_est_2023", "Prod_lb_est_2023"), True, OBS,
                     "row 1, column 'Prod_lb_est_2023': expected a unit the pipeline knows"),
    # Windows-1252, the usual other encoding; row 2 holds the file's first non-ASCII
    # character (a no-break space)
    "other encoding": (RAREE, lambda t: t.encode("cp1252"), True, OBS,
                       "mcs2024-raree_world.csv, row 2: expected UTF-8 text, found "
                       "'byte 0xa0 that is not UTF-8'"),
    "truncated file": (RAREE, truncate, True, OBS,
                       "mcs2024-raree_world.csv, row 16: expected a row with all 8 named "
                       "columns (a truncated file?), found '3 cells'"),
    "wrong checksum": (RAREE, replace("210000,240000", "210000,240001"), False, OBS,
                       "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv: expected sha256"),
    "table 3 number unlike its cell": (TABLE3, replace('"124,000t",124000', '"124,000t",12400'),
                                       True, "results/tidy/paper_table3.csv",
                                       "table3_as_printed.csv, row 156, column 'value_number':"
                                       " expected 124000"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_with_a_clear_message(case, tmp_path):
    rel, edit, register, target, message = CASES[case]
    workdir = copy_repo(tmp_path / "repo")
    path = workdir / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    changed = edit(path.read_text(encoding="utf-8-sig"))
    if isinstance(changed, bytes):
        path.write_bytes(changed)
    else:
        path.write_text(changed, encoding="utf-8")
    if register:
        _register(workdir, rel, before)
    proc = run_pipeline(workdir, target)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert message in out, out[-3000:]
    assert not (workdir / target).exists()
    leftovers = [p for p in (workdir / "results").rglob("*")
                 if p.is_file() and (p.name.startswith(".") or p.parent.name == "stats")]
    assert leftovers == []
    if target == OBS:
        assert not list((workdir / "results").glob("tidy/*"))


def test_registry_entry_pointing_to_a_missing_file(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    registry = workdir / "data/sources.yaml"
    entry = ("      - path: data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv\n")
    missing = ("      - path: data/raw/usgs_mcs2024/world/mcs2024-missing_world.csv\n"
               "        sha256: " + "0" * 64 + "\n        url: null\n")
    text = registry.read_text()
    assert entry in text
    registry.write_text(text.replace(entry, missing + entry, 1))
    proc = run_pipeline(workdir, OBS)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    # Snakemake refuses to start: the fetch rule reads every registered file
    assert "Missing input files for rule fetch" in out and "source=usgs_mcs2024" in out
    assert "data/raw/usgs_mcs2024/world/mcs2024-missing_world.csv" in out
    assert not (workdir / "results").exists()


def test_rerun_after_fix_picks_up_cleanly(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    original = (workdir / RAREE).read_bytes()
    (workdir / RAREE).write_bytes(original.replace(b"210000,240000", b"210000,240001"))
    assert run_pipeline(workdir, OBS).returncode != 0
    (workdir / RAREE).write_bytes(original)
    proc = run_pipeline(workdir, OBS)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "240000" in (workdir / OBS).read_text()
