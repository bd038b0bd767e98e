"""MCS 2022, 2025 and 2026 and Data Series 140: values read from the vendored files by
hand, the codes kept as flags, the version 1.3 correction, the editions side by side,
and the refusals of bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import copy_repo, run_pipeline
from raremetals.clean import editions
from raremetals.core import catalogue


def cell(df, **where):
    for k, v in where.items():
        df = df[df[k] == v]
    assert len(df) == 1, where
    return df.iloc[0]


# --- the editions side by side -------------------------------------------------------------------


def test_values_by_edition_show_a_revision(built):
    v = pd.read_csv(built / catalogue.path("usgs_values_by_edition"), keep_default_na=False)
    row = cell(v, commodity="rare_earths", measure="production", country_code="CHN", year=2023)
    # MCS 2024 estimated 240,000 t (mcs2024-raree_world.csv line 7); MCS 2025 revised to
    # 255,000 t (MCS2025_World_Data.csv line 885), which the best series takes
    assert (float(row.value_mcs2024), row.raw_mcs2024) == (240_000, "240000")
    assert (float(row.value_mcs2025), row.raw_mcs2025) == (255_000, "255000")
    assert row.best_edition == "mcs2025" and str(row.revised) == "True"
    # 2020 comes from MCS 2022 alone
    row = cell(v, commodity="rare_earths", measure="production", country_code="CHN", year=2020)
    assert (float(row.value_mcs2022), row.editions, row.best_edition) == (
        140_000,
        "mcs2022",
        "mcs2022",
    )


def test_best_series_takes_each_year_from_the_latest_edition(built):
    best = pd.read_csv(built / catalogue.path("usgs_best_series"), keep_default_na=False)
    ree = best[(best.commodity == "rare_earths") & (best.measure == "production")]
    assert ree.groupby("year").edition.unique().map(list).to_dict() == {
        2020: ["mcs2022"],
        2021: ["mcs2023"],
        2022: ["mcs2024"],
        2023: ["mcs2025"],
        2024: ["mcs2026"],
        2025: ["mcs2026"],
    }
    assert (
        editions.best_editions(best)
        .best_edition.isin(["mcs2022", "mcs2023", "mcs2024", "mcs2025", "mcs2026"])
        .all()
    )


def test_concentration_series(built):
    s = pd.read_csv(built / catalogue.path("concentration_series"), keep_default_na=False)
    ree = s[(s.commodity == "rare_earths") & (s.measure == "production")].set_index("year")
    assert list(ree.index) == [2009, 2020, 2021, 2022, 2023, 2024, 2025]
    assert float(ree.loc[2009, "china_share"]) == pytest.approx(120_000 / 124_000)
    assert float(ree.loc[2025, "china_share"]) == pytest.approx(270_000 / 390_000)
    assert ree.loc[2025, "cr3_countries"] == "CHN;USA;AUS"
    assert "12 commodities" in ree.loc[2020, "coverage_note"]
    # vanadium is not among the 12 commodities of MCS 2022 obtained: no 2020 row
    van = s[(s.commodity == "vanadium") & (s.measure == "production")]
    assert 2020 not in set(van.year)


def test_the_paper_2009_stands_alongside_the_editions(built):
    v = pd.read_csv(built / catalogue.path("usgs_values_by_edition"), keep_default_na=False)
    # table3_as_printed.csv line 161: China's rare-earth production, 120,000t
    row = cell(v, commodity="rare_earths", measure="production", country_code="CHN", year=2009)
    assert (float(row.value_paper2010), row.raw_paper2010) == (120_000, "120,000t")
    assert row.best_edition == "paper2010" and row.value_mcs2026 == ""


def test_two_editions_alone_still_build(tmp_path):
    """A config that reads MCS 2023 and 2024 only: the corrections and findings of the
    other editions wait unused, and the statistics run on what is read."""
    workdir = copy_repo(tmp_path / "repo")
    (workdir / "sub.yaml").write_text(
        "editions: [mcs2023, mcs2024]\n"
        "notebook: {commodity: rare_earths, edition: mcs2024, results: results}\n",
        encoding="utf-8",
    )
    proc = run_pipeline(workdir, catalogue.path("concentration_series"), "--configfile", "sub.yaml")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    s = pd.read_csv(workdir / catalogue.path("concentration_series"), keep_default_na=False)
    ree = s[(s.commodity == "rare_earths") & (s.measure == "production")]
    assert list(ree.year) == [2009, 2021, 2022, 2023]
    assert set(ree.edition) == {"paper2010", "mcs2023", "mcs2024"}


def test_mcs2025_magnesium_reserves_are_capacity_and_count_for_nothing(observations, built):
    # MCS2025_World_Data.csv lines 655-664: RESERVES_2024 repeats CAP_EST_ 2024; the US row
    # says "Moved to capacity column not a reserve"
    mg = observations[
        (observations.edition == "mcs2025")
        & (observations.commodity == "magnesium_metal")
        & (observations.measure == "reserves")
    ]
    assert len(mg) == 10 and all("suspect" in f.split(";") for f in mg.flag)
    conc = pd.read_csv(built / catalogue.path("concentration"), keep_default_na=False)
    row = cell(conc, commodity="magnesium_metal", measure="reserves", year=2024)
    assert (row.n_listed, row.hhi_lower) == (0, "")
