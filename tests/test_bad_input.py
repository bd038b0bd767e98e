"""A bad source file stops the build with a message that names the file, place and
expectation, and leaves no output derived from it in results/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import copy_repo, run_pipeline

RAREE = "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv"
TABLE3 = "data/raw/paper/table3_as_printed.csv"


def _edit(workdir: Path, rel: str, old: str, new: str, *, register: bool = True) -> None:
    """Change a vendored file; with ``register`` also record its new checksum, as a
    maintainer replacing a source file would, so the cleaning step sees the bad file."""
    path = workdir / rel
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    text = path.read_text(encoding="utf-8-sig")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    if register:
        after = hashlib.sha256(path.read_bytes()).hexdigest()
        registry = workdir / "data/sources.yaml"
        registry.write_text(registry.read_text().replace(before, after))


OBS = "results/tidy/observations.csv"
CASES = {
    "missing column": (RAREE, "Source,Country,Type,", "Source,Country,Kind,", True,
                       "mcs2024-raree_world.csv: expected a column named 'Type'"),
    "non-numeric value": (RAREE, "210000,240000", "210000,24O000", True,
                          "mcs2024-raree_world.csv, row 7, column 'Prod_t_est_2023': expected "
                          "a non-negative number"),
    "unknown country": (RAREE, "MCS2024,Burma,", "MCS2024,Freedonia,", True,
                        "mcs2024-raree_world.csv, row 5, column 'Country': expected a country "
                        "name that maps to ISO 3166"),
    "wrong checksum": (RAREE, "210000,240000", "210000,240001", False,
                       "data/raw/usgs_mcs2024/world/mcs2024-raree_world.csv: expected sha256"),
    "table 3 number unlike its cell": (TABLE3, '"124,000t",124000', '"124,000t",12400', True,
                                       "table3_as_printed.csv, row 156, column 'value_number':"
                                       " expected 124000"),
    "shares far above the world total": (
        RAREE, "210000,240000", "210000,940000", True,
        "mcs2024-raree_world.csv, row 17: expected country values that fit their total "
        "(listed shares sum to 300.9% of the total"),
}
TARGETS = {"table 3 number unlike its cell": "results/tidy/paper_table3.csv",
           "shares far above the world total": "results/stats/concentration.csv"}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_stops_with_a_clear_message(case, tmp_path):
    rel, old, new, register, message = CASES[case]
    workdir = copy_repo(tmp_path / "repo")
    _edit(workdir, rel, old, new, register=register)
    target = TARGETS.get(case, OBS)
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


def test_rerun_after_fix_picks_up_cleanly(tmp_path):
    workdir = copy_repo(tmp_path / "repo")
    original = (workdir / RAREE).read_bytes()
    _edit(workdir, RAREE, "210000,240000", "210000,240001", register=False)
    assert run_pipeline(workdir, "results/tidy/observations.csv").returncode != 0
    (workdir / RAREE).write_bytes(original)
    proc = run_pipeline(workdir, "results/tidy/observations.csv")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "240000" in (workdir / "results/tidy/observations.csv").read_text()
