"""Schemas of the tidy tables read from the USGS Mineral Commodity Summaries."""

from __future__ import annotations

import copy

import pandera.pandas as pa

from raremetals.core.schemas.columns import (
    AN_EDITION,
    EDITIONS_TEXT,
    FLAG_RE,
    PLACE,
    PROVENANCE,
    number,
    text,
)
from raremetals.core.vocab import PAPER_EDITION

OBSERVATIONS = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml"),
        "edition": text(f"USGS edition ({EDITIONS_TEXT})", checks=AN_EDITION),
        "commodity": text("Commodity id (data/commodities.csv)"),
        "series": text(
            "The distribution the row belongs to: the series of the world total "
            "it is part of (raremetals.clean.accounting), as the source's Type "
            "column (MCS 2022-2025) or Statistics_detail (MCS 2026, without "
            "'rounded') words it, plus the product part of the header (e.g. "
            "[Sponge]); shares are computed within one series"
        ),
        "series_raw": text(
            "The series as the row itself words it (MCS 2026 'Mine production: "
            "steatite' for India in talc's 'Mine production'); equal to series "
            "unless the row joined its world total's series"
        ),
        "stage": text(
            "mine, refinery, smelter, plant or unspecified (from the Type text)",
            checks=pa.Check.isin(["mine", "refinery", "smelter", "plant", "unspecified"]),
        ),
        "measure": text(
            "production, capacity or reserves",
            checks=pa.Check.isin(["production", "capacity", "reserves"]),
        ),
        "year": pa.Column(
            int,
            pa.Check.in_range(1990, 2100),
            description="Data year; reserves carry the edition's latest data "
            "year (the release does not state one)",
        ),
        **PLACE,
        "country_raw": text("Country cell exactly as in the source"),
        "country_qualifier": text(
            "What the source added to the name ('rounded', "
            "'beneficiated', 'excluding United States', ...)"
        ),
        "value": pa.Column(
            float,
            pa.Check.ge(0),
            nullable=True,
            description="The value in `unit`; empty where the source gives no number (see flag)",
        ),
        "unit": text("t (metric tons), carat or m3", checks=pa.Check.isin(["t", "carat", "m3"])),
        "value_raw": text("Cell exactly as in the source (trimmed)"),
        "unit_raw": text(
            "Unit as the source gives it: the token of the column header (t, kt, kg, "
            "Mt, ...; MCS 2022-2024) or the words of its unit column or note "
            "('thousand metric tons'; MCS 2025-2026)"
        ),
        "unit_applied": text(
            "Unit the value was converted from: the source's, or the one a "
            "unit-error finding gives (see unit_finding)"
        ),
        "unit_finding": text(
            "Id of the finding of data/corrections/usgs_units.csv that "
            "applies to this cell (a corrected header unit, or a confirmed "
            "revision between editions); empty if none"
        ),
        "basis": text(
            "What is weighed: REO equivalent, element content, gross weight, "
            "K2O equivalent, ...; 'as reported' where the source does not say"
        ),
        "flag": text(
            "Source flags joined by ';': e estimated, > more than, < less than, W "
            "withheld, NA not available, XX not applicable, zero (the USGS '—'), "
            "blank empty cell, large, moderate, small, lt_half_unit, range (e.g. "
            "'330 - 390'), incl_world / incl_other / incl_ilmenite (included in "
            "another row), suspect (data/corrections/usgs_value_issues.csv), "
            "corrected (a later version of the edition changed the value: "
            "data/corrections/usgs_version_corrections.csv)",
            checks=pa.Check.str_matches(FLAG_RE),
        ),
        "note": text("The source's note for that measure, and footnote marks on the name"),
        "excluded": text(
            "Why the row is in no distribution (a world total the source gives "
            "without countries); empty for a row of a distribution"
        ),
        **PROVENANCE,
        "column": text("Column of the source file"),
    },
    strict=True,
    ordered=True,
    name="observations",
    checks=pa.Check(
        lambda d: d["value"].notna() | (d["flag"] != ""),
        error="a value without a number must carry a flag",
    ),
)

# the best series is the observations' rows taken from the latest edition for each year
USGS_BEST_SERIES = copy.deepcopy(OBSERVATIONS)
USGS_BEST_SERIES.name = "usgs_best_series"

USGS_ROW_ACCOUNTING = pa.DataFrameSchema(
    {
        "edition": text("USGS edition", checks=AN_EDITION),
        "file": text("Source file (see data/sources.yaml)"),
        "row": pa.Column(int, pa.Check.ge(2), description="Line of that file (header = 1)"),
        "column": text("The value's column; empty for a row not read"),
        "commodity": text("Commodity id; empty for a row not read"),
        "measure": text("production, capacity or reserves; empty for a row not read"),
        "year": pa.Column(
            "Int64", nullable=True, description="Data year; empty for a row not read"
        ),
        "country_raw": text("Country cell as in the source"),
        "value_raw": text("Cell as in the source"),
        "distribution": text(
            "edition|commodity|series|measure|year of the distribution the cell is "
            "part of; empty where it is in none (see reason)"
        ),
        "role": text(
            "What the cell is in its distribution: world total, country, other "
            "countries, country without a number, country with a bound only "
            "(unassigned), suspect value (counted as unknown), group; or not read"
        ),
        "reason": text("Why the cell or row is in no distribution; empty for one that is"),
    },
    strict=True,
    ordered=True,
    name="usgs_row_accounting",
    checks=pa.Check(
        lambda d: (d["distribution"] != "") ^ (d["reason"] != ""),
        error="each cell is in one distribution or has a reason, never both or neither",
    ),
)

USGS_PEER_CHECK = pa.DataFrameSchema(
    {
        "statement_file": text("The USGS file that states it (MCS 2026 T7 or Fig. 3, MCS 2024 T5)"),
        "statement_row": pa.Column(int, description="Line of that file (header = 1)"),
        "edition": text("The edition both the statement and the pipeline's number come from"),
        "year": pa.Column(int, description="Data year"),
        "name_in_source": text("The mineral as the statement names it"),
        "commodity": text("Commodity id; empty where nothing is compared"),
        "series": text("The world table's series the pipeline's number is of"),
        "statement": text(
            "What is compared: world total (t), leading country, leading country's "
            "share (%), net import reliance (%), largest import source"
        ),
        "usgs_states": text("The statement as printed (a country as its ISO3 code)"),
        "pipeline": text("The pipeline's number or country for the same thing"),
        "difference": number(
            "Pipeline minus USGS in percentage points (shares), or the USGS total over the "
            "pipeline's minus 1 (totals); empty for names"
        ),
        "agreement": text(
            "agrees (within one point, 2% for totals), differs, explained, or not compared",
            checks=pa.Check.isin(["agrees", "differs, explained", "not compared"]),
        ),
        "explanation": text(
            "Why they differ: denominator, usgs-arithmetic, excludes-us, revision, "
            "open-total, bound-sign, no-figures (raremetals.audit.peer), or documented "
            "(data/audit/usgs_peer_notes.csv); why nothing is compared"
        ),
    },
    strict=True,
    ordered=True,
    name="usgs_peer_check",
)

USGS_REVISIONS = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id (data/commodities.csv)"),
        "measure": text("production, capacity or reserves"),
        "series": text("Series as the later edition names it"),
        "country_code": PLACE["country_code"],
        **{
            f"{c}_{side}": spec
            for side, label in (("earlier", "the earlier edition"), ("later", "the later edition"))
            for c, spec in (
                ("edition", text(f"USGS edition: {label}")),
                (
                    "year",
                    pa.Column(
                        int,
                        description=f"Data year in {label} (production: the "
                        "same year in both; reserves: each edition's own)",
                    ),
                ),
                (
                    "value",
                    number(f"Value in {label}, in unit (a country's rows summed)", nullable=False),
                ),
                ("value_raw", text(f"Cell(s) as printed in {label}")),
                ("ref", text(f"file:row:column of the cell(s) in {label}")),
            )
        },
        "unit": text("Unit of both values (t, carat, m3)"),
        "ratio": number("value_later / value_earlier"),
        "scale": pa.Column(
            int,
            description="The power of ten (±3, ±6) the ratio is near, "
            "0 if none: a non-zero scale is a unit error or a recorded "
            "revision",
        ),
        "unit_findings": text("Findings of data/corrections/usgs_units.csv on either cell"),
        "verdict": text(
            "same, revision, unit-corrected (a corrected header unit on one "
            "side), confirmed-revision (near 10^3 but a recorded revision)",
            checks=pa.Check.isin(["same", "revision", "unit-corrected", "confirmed-revision"]),
        ),
    },
    strict=True,
    ordered=True,
    name="usgs_revisions",
)


def usgs_values_by_edition(editions) -> pa.DataFrameSchema:
    """The schema of ``usgs_values_by_edition.csv``: a value and a raw column for the paper
    and for each of ``editions`` (the editions a build reads, oldest first)."""
    return pa.DataFrameSchema(
        {
            "commodity": text("Commodity id (data/commodities.csv)"),
            "measure": text("production, capacity or reserves"),
            "series": text("Series as the latest edition giving it names it"),
            "country_code": PLACE["country_code"],
            "year": pa.Column(int, description="Data year"),
            "unit": text("Unit of the values (t, carat, m3)"),
            **{
                f"{p}_{e}": spec
                for e in [PAPER_EDITION, *editions]
                for p, spec in (
                    ("value", number(f"Value in {e}, in unit; empty where {e} gives no number")),
                    ("raw", text(f"Cell(s) as printed in {e}; empty where {e} has no row")),
                )
            },
            "editions": text("Editions that have a row for it (paper2010: the paper's Table 3)"),
            "best_edition": text(
                "The edition the best series (usgs_best_series) takes it from; paper2010 for 2009"
            ),
            "revised": pa.Column(
                bool,
                description=(
                    "The USGS editions' numbers differ by more than 0.5 % (or 0 against not 0)"
                ),
            ),
            "refs": text("edition file:row:column of every cell, joined by ' | '"),
        },
        strict=True,
        ordered=True,
        name="usgs_values_by_edition",
    )
