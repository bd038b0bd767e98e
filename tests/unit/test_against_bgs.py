"""Table 3 against BGS by rule: a metal compared only on one basis, classes by the ratio,
a tie split into its countries, the reason a cell is not compared; and the one rule by
which a second publisher changes a claim's evidence class."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import languages, written
from raremetals.audit.against_bgs import table3_against_bgs
from raremetals.audit.checks import Sources
from raremetals.audit.claims import add_later_evidence
from raremetals.audit.evidence import with_sentences

PLAN = pd.DataFrame(
    {
        "commodity": ["tungsten", "manganese", "lithium"],
        "series": ["tungsten, mine", "manganese ore", ""],
        "first_year": ["1971", "1971", ""],
        "parts": ["", "", ""],
        "combine": ["", "", ""],
        "note": ["", "", "BGS gives lithium by form"],
    }
)
BEST = pd.DataFrame(
    {
        "commodity": ["tungsten", "tungsten", "manganese", "manganese"],
        "measure": ["production", "production", "production", "reserves"],
        "basis": ["as reported", "element content", "element content", "gross weight"],
    }
)


def t3(commodity, field, rank, code, value, row):
    return {
        "commodity": commodity,
        "field": field,
        "rank": rank,
        "country_code": code,
        "value": value,
        "unit": "t",
        "file": "table3_as_printed.csv",
        "row": row,
    }


def bgs(commodity, series, basis, code, value, row, flag=""):
    return {
        "source_id": "bgs",
        "commodity": commodity,
        "series": series,
        "stage": "mine",
        "basis": basis,
        "year": 2009,
        "country_code": code,
        "country": code,
        "area_type": "country",
        "value": value,
        "value_max": float("nan"),
        "unit": "t",
        "flag": flag,
        "file": "BGS_x.csv",
        "row": row,
    }


@pytest.fixture
def table():
    table3 = pd.DataFrame(
        [
            t3("tungsten", "world_production_2009", float("nan"), "WLD", 98.0, 2),
            t3("tungsten", "production_rank", 1.0, "CHN", 80.0, 3),
            t3("tungsten", "production_rank", 2.0, "RUS+CAN", 10.0, 4),
            t3("manganese", "production_rank", 1.0, "CHN", 50.0, 5),
            t3("lithium", "production_rank", 1.0, "CHL", 7.0, 6),
        ]
    )
    rows = pd.DataFrame(
        [
            bgs("tungsten", "tungsten, mine", "element content", "CHN", 78.0, 10, "e"),
            bgs("tungsten", "tungsten, mine", "element content", "RUS", 12.0, 11),
            bgs("tungsten", "tungsten, mine", "element content", "CAN", 5.0, 12),
            bgs("tungsten", "tungsten, mine", "element content", "BOL", float("nan"), 13, "NA"),
            bgs("manganese", "manganese ore", "gross weight", "CHN", 300.0, 20),
        ]
    )
    # as the job writes it: each reason in English, its sentence kept beside it
    return with_sentences(table3_against_bgs(table3, rows, PLAN, BEST), ["why"], languages()["en"])


def test_cells_are_classed_by_the_ratio_with_what_the_rows_show(table):
    w = table[table["commodity"] == "tungsten"].set_index("country_code")
    assert w.loc["WLD", "bgs_value"] == 95  # the countries' sum: BOL has no figure
    assert w.loc["WLD", "agreement"] == "agree"  # 98 / 95: within 5%
    assert "lower bound" in w.loc["WLD", "why"]
    assert w.loc["CHN", "ratio"] == pytest.approx(80 / 78)
    assert w.loc["CHN", "agreement"] == "agree" and "estimate" in w.loc["CHN", "why"]
    # a tie printed as one cell: each country against its own figure
    assert w.loc["RUS", "agreement"] == "close"  # 10 / 12
    assert w.loc["CAN", "agreement"] == "differ" and "BGS ranks CAN 3" in w.loc["CAN", "why"]
    assert (w["bgs_row"].dropna() >= 10).all()


def test_a_metal_weighed_otherwise_or_without_a_series_is_not_compared(table):
    m = table.set_index("commodity")
    assert m.loc["manganese", "agreement"] == "bases differ"
    assert m.loc["manganese", "why"] == (
        "USGS weighs element content, BGS gross weight; Table 3 states no basis: the USGS's "
        "for the metal"
    )
    assert pd.isna(m.loc["manganese", "bgs_value"])
    assert m.loc["lithium", "agreement"] == "no series"
    assert m.loc["lithium", "why"] == "BGS gives lithium by form"


def _audit(claim_id, value, tolerance, evidence_class):
    return pd.DataFrame(
        [
            {
                "claim_id": claim_id,
                "value": value,
                "status": "match",
                "tolerance": tolerance,
                "evidence": "Table 3",
                "sources": "table3_as_printed.csv:3",
                "evidence_class": evidence_class,
            }
        ]
    )


def _later(table, audit, method: str, args: str) -> pd.DataFrame:
    """``audit`` with the evidence a later-evidence row of ``method`` adds."""
    empty = pd.DataFrame()
    src = Sources(empty, empty, empty, empty, empty, pd.DataFrame({"claim_id": []}), bgs=table)
    later = pd.DataFrame([{"claim_id": "C1", "method": method, "args": args, "note": ""}])
    return add_later_evidence(audit, later, src, "later.csv")


@pytest.mark.parametrize(
    "value, tolerance, evidence_class, expected",
    [
        ("80", "0.5", "paper_table3", "paper_table3"),  # BGS: 78.0, outside 0.5
        ("78", "0.5", "paper_table3", "independent"),  # within the claim's tolerance
        ("78", "0.5", "paper_text", "paper_text"),  # only a claim resting on Table 3
    ],
)
def test_a_second_publisher_within_the_claims_tolerance_makes_its_evidence_independent(
    table, value, tolerance, evidence_class, expected
):
    audit = _audit("C1", value, tolerance, evidence_class)
    out = _later(table, audit, "bgs_value", "commodity=tungsten;country=CHN")
    assert out.loc[0, "evidence_class"] == expected
    assert out.loc[0, "status"] == "match"
    said = written(out.loc[0, "evidence"])
    assert "Another publisher: BGS 2009 (tungsten, mine): CHN 78 t (e)" in said


def test_a_metal_bgs_does_not_compare_says_why_in_the_evidence(table):
    audit = _audit("C1", "25", "0.5", "paper_table3")
    out = _later(table, audit, "bgs_share", "commodity=manganese;country=CHN")
    assert out.loc[0, "evidence_class"] == "paper_table3"
    assert "BGS 2009 does not compare (bases differ)" in written(out.loc[0, "evidence"])
