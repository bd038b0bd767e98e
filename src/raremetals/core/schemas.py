"""Schemas of the tidy tables: checked on every write, and the source of the data dictionary.

Each column carries its description, so ``results/tidy/data_dictionary.csv`` is written
from the same definitions that validate the tables.
"""

from __future__ import annotations

import copy

import pandas as pd
import pandera.pandas as pa

from raremetals.core.vocab import AREA_TYPES, EDITION_PATTERN, FLAG_ORDER, PAPER_EDITION


def _str(description, **kw):
    return pa.Column(str, description=description, **kw)


SHARE = pa.Check.in_range(0, 1)
HHI = pa.Check.in_range(0, 10_000)
FRACTION = "; a fraction from 0 to 1 (0.25 is 25%)"


def _num(description, nullable=True, checks=None):
    if checks is SHARE:  # every share is a fraction, and its description says so
        description += FRACTION
    return pa.Column(float, checks=checks, nullable=nullable, description=description)


EDITIONS_TEXT = "mcs and the year of the data release, as data/sources.yaml registers it"
AN_EDITION = pa.Check.str_matches(EDITION_PATTERN)


FLAG_RE = (
    r"^("
    + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER)
    + r")?(;("
    + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER)
    + "))*$"
)

PLACE = {
    "country_code": _str(
        "ISO 3166 alpha-3 code; for aggregates a code of their own: WLD "
        "(world total), OTH (the source's 'Other countries'), CIS, or "
        "codes joined by + for a group the source reports together"
    ),
    "country": _str("Standard English short name (country_converter), or the aggregate's name"),
    "area_type": _str(
        "country, world (a world total), residual ('Other countries') or "
        "group (several countries reported together), region (e.g. Europe) or "
        "tie (countries printed together because each has the same value)",
        checks=pa.Check.isin(AREA_TYPES),
    ),
}
PROVENANCE = {
    "file": _str("Source file the value was read from (see data/sources.yaml)"),
    "row": pa.Column(int, pa.Check.ge(2), description="Line of that file (header = 1)"),
}

OBSERVATIONS = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "edition": _str(f"USGS edition ({EDITIONS_TEXT})", checks=AN_EDITION),
        "commodity": _str("Commodity id (data/commodities.csv)"),
        "series": _str(
            "The distribution the row belongs to: the series of the world total "
            "it is part of (raremetals.clean.accounting), as the source's Type "
            "column (MCS 2022-2025) or Statistics_detail (MCS 2026, without "
            "'rounded') words it, plus the product part of the header (e.g. "
            "[Sponge]); shares are computed within one series"
        ),
        "series_raw": _str(
            "The series as the row itself words it (MCS 2026 'Mine production: "
            "steatite' for India in talc's 'Mine production'); equal to series "
            "unless the row joined its world total's series"
        ),
        "stage": _str(
            "mine, refinery, smelter, plant or unspecified (from the Type text)",
            checks=pa.Check.isin(["mine", "refinery", "smelter", "plant", "unspecified"]),
        ),
        "measure": _str(
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
        "country_raw": _str("Country cell exactly as in the source"),
        "country_qualifier": _str(
            "What the source added to the name ('rounded', "
            "'beneficiated', 'excluding United States', ...)"
        ),
        "value": pa.Column(
            float,
            pa.Check.ge(0),
            nullable=True,
            description="The value in `unit`; empty where the source gives no number (see flag)",
        ),
        "unit": _str("t (metric tons), carat or m3", checks=pa.Check.isin(["t", "carat", "m3"])),
        "value_raw": _str("Cell exactly as in the source (trimmed)"),
        "unit_raw": _str(
            "Unit as the source gives it: the token of the column header (t, kt, kg, "
            "Mt, ...; MCS 2022-2024) or the words of its unit column or note "
            "('thousand metric tons'; MCS 2025-2026)"
        ),
        "unit_applied": _str(
            "Unit the value was converted from: the source's, or the one a "
            "unit-error finding gives (see unit_finding)"
        ),
        "unit_finding": _str(
            "Id of the finding of data/corrections/usgs_units.csv that "
            "applies to this cell (a corrected header unit, or a confirmed "
            "revision between editions); empty if none"
        ),
        "basis": _str(
            "What is weighed: REO equivalent, element content, gross weight, "
            "K2O equivalent, ...; 'as reported' where the source does not say"
        ),
        "flag": _str(
            "Source flags joined by ';': e estimated, > more than, < less than, W "
            "withheld, NA not available, XX not applicable, zero (the USGS '—'), "
            "blank empty cell, large, moderate, small, lt_half_unit, range (e.g. "
            "'330 - 390'), incl_world / incl_other / incl_ilmenite (included in "
            "another row), suspect (data/corrections/usgs_value_issues.csv), "
            "corrected (a later version of the edition changed the value: "
            "data/corrections/usgs_version_corrections.csv)",
            checks=pa.Check.str_matches(FLAG_RE),
        ),
        "note": _str("The source's note for that measure, and footnote marks on the name"),
        "excluded": _str(
            "Why the row is in no distribution (a world total the source gives "
            "without countries); empty for a row of a distribution"
        ),
        **PROVENANCE,
        "column": _str("Column of the source file"),
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
        "edition": _str("USGS edition", checks=AN_EDITION),
        "file": _str("Source file (see data/sources.yaml)"),
        "row": pa.Column(int, pa.Check.ge(2), description="Line of that file (header = 1)"),
        "column": _str("The value's column; empty for a row not read"),
        "commodity": _str("Commodity id; empty for a row not read"),
        "measure": _str("production, capacity or reserves; empty for a row not read"),
        "year": pa.Column(
            "Int64", nullable=True, description="Data year; empty for a row not read"
        ),
        "country_raw": _str("Country cell as in the source"),
        "value_raw": _str("Cell as in the source"),
        "distribution": _str(
            "edition|commodity|series|measure|year of the distribution the cell is "
            "part of; empty where it is in none (see reason)"
        ),
        "role": _str(
            "What the cell is in its distribution: world total, country, other "
            "countries, country without a number, country with a bound only "
            "(unassigned), suspect value (counted as unknown), group; or not read"
        ),
        "reason": _str("Why the cell or row is in no distribution; empty for one that is"),
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
        "statement_file": _str("The USGS file that states it (MCS 2026 T7 or Fig. 3, MCS 2024 T5)"),
        "statement_row": pa.Column(int, description="Line of that file (header = 1)"),
        "edition": _str("The edition both the statement and the pipeline's number come from"),
        "year": pa.Column(int, description="Data year"),
        "name_in_source": _str("The mineral as the statement names it"),
        "commodity": _str("Commodity id; empty where nothing is compared"),
        "series": _str("The world table's series the pipeline's number is of"),
        "statement": _str(
            "What is compared: world total (t), leading country, leading country's "
            "share (%), net import reliance (%), largest import source"
        ),
        "usgs_states": _str("The statement as printed (a country as its ISO3 code)"),
        "pipeline": _str("The pipeline's number or country for the same thing"),
        "difference": _num(
            "Pipeline minus USGS in percentage points (shares), or the USGS total over the "
            "pipeline's minus 1 (totals); empty for names"
        ),
        "agreement": _str(
            "agrees (within one point, 2% for totals), differs, explained, or not compared",
            checks=pa.Check.isin(["agrees", "differs, explained", "not compared"]),
        ),
        "explanation": _str(
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
        "commodity": _str("Commodity id (data/commodities.csv)"),
        "measure": _str("production, capacity or reserves"),
        "series": _str("Series as the later edition names it"),
        "country_code": PLACE["country_code"],
        **{
            f"{c}_{side}": spec
            for side, label in (("earlier", "the earlier edition"), ("later", "the later edition"))
            for c, spec in (
                ("edition", _str(f"USGS edition: {label}")),
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
                    _num(f"Value in {label}, in unit (a country's rows summed)", nullable=False),
                ),
                ("value_raw", _str(f"Cell(s) as printed in {label}")),
                ("ref", _str(f"file:row:column of the cell(s) in {label}")),
            )
        },
        "unit": _str("Unit of both values (t, carat, m3)"),
        "ratio": _num("value_later / value_earlier"),
        "scale": pa.Column(
            int,
            description="The power of ten (±3, ±6) the ratio is near, "
            "0 if none: a non-zero scale is a unit error or a recorded "
            "revision",
        ),
        "unit_findings": _str("Findings of data/corrections/usgs_units.csv on either cell"),
        "verdict": _str(
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
            "commodity": _str("Commodity id (data/commodities.csv)"),
            "measure": _str("production, capacity or reserves"),
            "series": _str("Series as the latest edition giving it names it"),
            "country_code": PLACE["country_code"],
            "year": pa.Column(int, description="Data year"),
            "unit": _str("Unit of the values (t, carat, m3)"),
            **{
                f"{p}_{e}": spec
                for e in [PAPER_EDITION, *editions]
                for p, spec in (
                    ("value", _num(f"Value in {e}, in unit; empty where {e} gives no number")),
                    ("raw", _str(f"Cell(s) as printed in {e}; empty where {e} has no row")),
                )
            },
            "editions": _str("Editions that have a row for it (paper2010: the paper's Table 3)"),
            "best_edition": _str(
                "The edition the best series (usgs_best_series) takes it from; paper2010 for 2009"
            ),
            "revised": pa.Column(
                bool,
                description=(
                    "The USGS editions' numbers differ by more than 0.5 % (or 0 against not 0)"
                ),
            ),
            "refs": _str("edition file:row:column of every cell, joined by ' | '"),
        },
        strict=True,
        ordered=True,
        name="usgs_values_by_edition",
    )


DS140 = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml (usgs_ds140)"),
        "year": pa.Column(int, pa.Check.in_range(1900, 2100), description="Data year"),
        "statistic": _str(
            "us_production, us_imports, us_exports, us_apparent_consumption, unit_value "
            "(current dollars), unit_value_1998usd (1998 dollars), world_production",
            checks=pa.Check.isin(
                [
                    "us_production",
                    "us_imports",
                    "us_exports",
                    "us_apparent_consumption",
                    "unit_value",
                    "unit_value_1998usd",
                    "world_production",
                ]
            ),
        ),
        "value": _num("The value in unit; empty where the source gives a code (see flag)"),
        "unit": _str(
            "t REO (metric tons, rare-earth oxide equivalent), USD/t or USD(1998)/t",
            checks=pa.Check.isin(["t REO", "USD/t", "USD(1998)/t"]),
        ),
        "value_raw": _str("Cell as in the workbook"),
        "flag": _str(
            "NA not available, W withheld, blank empty cell",
            checks=pa.Check.isin(["", "NA", "W", "blank"]),
        ),
        "file": _str("Source file (data/raw/usgs_ds140/)"),
        "row": pa.Column(int, description="Row of the worksheet"),
        "column": _str("Column letter of the worksheet and its header"),
    },
    strict=True,
    ordered=True,
    name="ds140_rare_earths",
    checks=pa.Check(
        lambda d: d["value"].notna() | (d["flag"] != ""),
        error="a value without a number must carry a flag",
    ),
)

NET_IMPORT_RELIANCE = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "edition": _str("USGS edition"),
        "year": pa.Column(int, description="Year of the net import reliance figure"),
        "commodity": _str(
            "Commodity id, empty where no world table exists for it (data/usgs_nir_commodities.csv)"
        ),
        "commodity_label": _str("Commodity as the source labels it"),
        "value": pa.Column(
            float,
            pa.Check.in_range(0, 100),
            nullable=True,
            description="Net import reliance, % of apparent consumption",
        ),
        "unit": _str("Unit of value: % (of US apparent consumption)"),
        "flag": _str(
            "'>' or '<' when the source gives a bound, E for net exporter "
            "(no number), empty otherwise",
            checks=pa.Check.isin(["", ">", "<", "E"]),
        ),
        "value_raw": _str("Cell exactly as in the source"),
        "import_sources": _str("Major import sources as the source lists them"),
        "import_source_codes": _str("ISO3 codes of those sources, ';'-joined, same order"),
        "import_sources_years": _str("Years the import sources refer to"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="usgs_net_import_reliance",
)

WGI = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        **{k: PLACE[k] for k in ("country_code", "country")},
        "wb_code": _str("World Bank economy code as in the source"),
        "dimension": _str(
            "WGI dimension code", checks=pa.Check.isin(["CC", "GE", "PV", "RL", "RQ", "VA"])
        ),
        "dimension_name": _str("WGI dimension"),
        "year": pa.Column(int, description="Year rated"),
        "estimate": pa.Column(
            float,
            pa.Check.in_range(-5, 5),
            description="Estimate on the WGI scale (standard normal units, mostly -2.5 to 2.5)",
        ),
        **PROVENANCE,
        "column": _str("Column of the source file (the year)"),
    },
    strict=True,
    ordered=True,
    name="wgi_estimates",
)

TABLE3 = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "commodity": _str("Commodity id (data/commodities.csv)"),
        "symbol": _str("Symbol as the paper uses it"),
        "field": _str("Cell of Table 3 (world_production_2009, reserves_rank, ...)"),
        "measure": _str(
            "production, reserves, japan_import_share, us_import_source or us_net_import_reliance"
        ),
        "year": pa.Column(int, description="Data year (2009)"),
        "rank": pa.Column(float, nullable=True, description="Rank printed in the cell (①②③)"),
        **{k: pa.Column(str, description=v.description) for k, v in PLACE.items()},
        "country_ja": _str("Country as printed (Japanese)"),
        "value": pa.Column(
            float,
            nullable=True,
            description="The printed number read "
            "literally, in t or %; errors of the print are kept here",
        ),
        "unit": _str("t or %; empty where nothing is printed"),
        "value_as_printed": _str("Cell as printed"),
        "unit_as_printed": _str("Unit as printed (t, 万 t, 百万 t, %)"),
        "flag": _str("blank where the paper prints no number", checks=pa.Check.isin(["", "blank"])),
        "note": _str("Transcriber's note, with the raw cell"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="paper_table3",
)

TABLE3_CORRECTED = TABLE3.add_columns(
    {
        "value_printed": pa.Column(
            float,
            nullable=True,
            description="The value as printed (read literally), before any correction",
        ),
        "correction_id": _str(
            "Id of the correction applied to this cell "
            "(data/corrections/table3_corrections.csv), empty if none"
        ),
        "correction_status": _str(
            "unit-slip (value corrected) or inconsistent (value removed: "
            "no correction can be shown)",
            checks=pa.Check.isin(["", "unit-slip", "inconsistent"]),
        ),
        "evidence_type": _str("paper_text, world_total, cross_cell_arithmetic or vendored_source"),
        "correction_evidence": _str("The evidence for the correction, in words"),
    }
).update_columns(
    {
        "value": {
            "description": "The value in t or %, corrected where a "
            "correction applies (see value_printed)"
        },
        "flag": {
            "checks": pa.Check.isin(["", "blank", "inconsistent"]),
            "description": "blank where the paper prints no number; "
            "inconsistent where a printed value was removed",
        },
    }
)
TABLE3_CORRECTED.name = "paper_table3_corrected"


DIST_KEY = {
    "dataset": _str(
        "usgs (USGS world tables) or paper_table3 (the paper's corrected Table 3)",
        checks=pa.Check.isin(["usgs", "paper_table3"]),
    ),
    "edition": _str(f"USGS edition ({EDITIONS_TEXT}) or {PAPER_EDITION} (the paper's Table 3)"),
    "commodity": _str("Commodity id (data/commodities.csv)"),
    "series": _str("What is measured (USGS Type text), or 'Table 3'"),
    "measure": _str("production or reserves", checks=pa.Check.isin(["production", "reserves"])),
    "year": pa.Column(int, description="Data year"),
}

CONCENTRATION = pa.DataFrameSchema(
    {
        **DIST_KEY,
        "stage": _str("mine, refinery, smelter, plant or unspecified"),
        "unit": _str("Unit of total (t, carat, m3)"),
        "basis": _str("What is weighed; several joined by '; ' if the rows differ"),
        "world_total": _num("The source's world total row, as given (empty if none)"),
        "total": _num(
            "The denominator of every share: the world total where it covers "
            "the listed countries, their sum where the rounded world total falls "
            "below it, the sum of all rows where the source gives no world total"
        ),
        "total_source": _str(
            "world total row, listed sum (above the world total row) or sum of rows"
        ),
        "total_is_lower_bound": pa.Column(
            bool,
            description="The world total is at least total: the source gives none, or "
            "gives it as a bound ('>75,000,000'); each listed share (china_share, cr1, "
            "cr3) is at most what is given; where countries are named without a number "
            "(n_unquantified > 0) hhi_upper is 10,000",
        ),
        "total_flag": _str("The world total's flags (e estimated, ...)"),
        "listed_exceeds_total": pa.Column(
            bool,
            description="The listed countries sum to "
            "more than the world total row (shares are of "
            "their sum)",
        ),
        "country_exceeds_total": pa.Column(
            bool,
            description="One country alone is above "
            "the world total row: implausible, check the "
            "source",
        ),
        "n_listed": pa.Column(int, description="Countries with a number"),
        "n_unquantified": pa.Column(
            int, description="Countries named without a number (W, NA, ...): never counted as zero"
        ),
        "unquantified_countries": _str("Their ISO3 codes"),
        "source_file": _str("Source file(s) of the distribution"),
        "listed_share": _num("Sum of the listed countries' shares", checks=SHARE),
        "unassigned_share": _num(
            "r = max(0, 1 - listed_share): other countries, groups, withheld values, rounding",
            checks=SHARE,
        ),
        "china_share": _num("China's share (empty if China has no number)", checks=SHARE),
        "cr1": _num(
            "Share of the largest listed producer (CR1); where total_is_lower_bound, a "
            "producer without a number may be larger",
            checks=SHARE,
        ),
        "cr1_country": _str("Its ISO3 code"),
        "cr3": _num("Summed share of the three largest listed producers (CR3)", checks=SHARE),
        "cr3_countries": _str("Their ISO3 codes, largest first"),
        "cr3_is_lower_bound": pa.Column(
            object,
            nullable=True,
            description="True where fewer "
            "than three producers are listed and some share is "
            "unassigned",
        ),
        "hhi_lower": _num(
            "HHI (0-10,000), unassigned share contributing 0; where total_is_lower_bound, "
            "the least any amounts of the countries without a number allow",
            checks=HHI,
        ),
        "hhi_upper": _num(
            "HHI (0-10,000), unassigned share held by one producer; 10,000 where "
            "total_is_lower_bound",
            checks=HHI,
        ),
        "hhi_headline": _num("The HHI that headline outputs use: the lower bound", checks=HHI),
        "hhi_normalised": _num(
            "Normalised HHI (0-1) of the listed producers' shares re-scaled to sum to 1",
            checks=pa.Check.in_range(0, 1),
        ),
        "effective_producers_min": _num("10,000 / hhi_upper"),
        "effective_producers_max": _num("10,000 / hhi_lower"),
        "shannon_entropy": _num(
            "Shannon entropy (nats), unassigned share as one producer (a lower bound); "
            "empty where total_is_lower_bound (no lower bound above 0)"
        ),
        "doj_ftc_class_lower": _str("DOJ/FTC class of hhi_lower", nullable=True),
        "doj_ftc_class_upper": _str("DOJ/FTC class of hhi_upper", nullable=True),
        "doj_ftc_guidelines": _str(
            "Guideline vintage of the classes (2010: moderately "
            "concentrated from 1,500, highly above 2,500)",
            nullable=True,
        ),
        "wgi_year": _num("WGI year used (the data year, or the latest before it)"),
        "hhi_wgi": _num(
            "Governance-weighted HHI, sum of s_i^2 * WGI_i (0-10; EU CRM method)",
            checks=pa.Check.in_range(0, 10 * 1.1**2),
        ),
        "country_risk_wgi": _num("Production-weighted country risk, sum of s_i * WGI_i"),
        "wgi_coverage": _num(
            "Share of the listed shares whose country has a WGI score",
            checks=pa.Check.in_range(0, 1),
        ),
        "wgi_missing": _str("Listed countries without a WGI score", nullable=True),
        "note": _str("What to know about this distribution (totals, rounding, bases)"),
    },
    strict=True,
    name="concentration",
)

COUNTRY_SHARES = pa.DataFrameSchema(
    {
        **DIST_KEY,
        **{k: pa.Column(str, description=v.description) for k, v in PLACE.items()},
        "value": _num("The row's value (USGS: metric tons etc.; paper: corrected)"),
        "unit": _str("Unit of value"),
        "flag": _str("Source flags of the value"),
        "total": _num("The distribution's total (see concentration.csv)"),
        "total_is_lower_bound": pa.Column(
            bool,
            description="The world total is at least total (see concentration.csv): the "
            "shares are upper bounds",
        ),
        "share": _num("value / total", checks=SHARE),
        "country_share": _num(
            "The country's share, its rows summed (a country the source lists on several rows)",
            checks=SHARE,
        ),
        "rank": _num(
            "Rank of the country among the listed countries (1 = largest); countries with "
            "the same share share a rank (1, 2, 3, 3, 5)"
        ),
        "tied_with": _str("The other countries of the same rank (a tie), ';'-joined"),
        **PROVENANCE,
    },
    strict=True,
    name="country_shares",
)

RESERVES_TO_PRODUCTION = pa.DataFrameSchema(
    {
        **{k: DIST_KEY[k] for k in ("dataset", "edition", "commodity", "series")},
        "year": pa.Column(int, description="Year of the reserves and of the production used"),
        "reserves": _num("World reserves: the source's world total, or the sum of its rows"),
        "production": _num("World production of the same year, likewise"),
        "unit": _str("Unit of reserves and production"),
        "basis": _str("Basis of the production figures"),
        "rp_years": _num(
            "Reserves-to-production ratio in years; empty where units or bases differ"
        ),
        "rp_bound": _str(
            "at least where the reserves are only a lower bound (no world total, countries "
            "without a number), at most where the production is; empty otherwise",
            checks=pa.Check.isin(["", "at least", "at most"]),
        ),
        "note": _str("Why no ratio, where there is none"),
        "rp_flag": _str(
            "below 1 year or above 10,000 years where the ratio is implausible "
            "(a unit error is the usual cause); empty otherwise",
            checks=pa.Check.isin(["", "below 1 year", "above 10,000 years"]),
        ),
    },
    strict=True,
    name="reserves_to_production",
)

_COMPARED = {  # column: (type, description)
    "total": (
        float,
        "World total (t): the source's world total row, or the sum of its rows where it gives none",
    ),
    "china_share": (float, "China's share" + FRACTION),
    "total_is_lower_bound": (
        object,
        "The world total is at least total: none given, or given as a bound ('>'), and "
        "countries without a number",
    ),
    "cr1": (float, "CR1, the largest producer's share" + FRACTION),
    "cr1_country": (str, "Largest producer (ISO3)"),
    "cr3": (float, "CR3, the three largest producers' share" + FRACTION),
    "cr3_countries": (str, "Three largest producers (ISO3)"),
    "cr3_is_lower_bound": (object, "CR3 is a lower bound (fewer than three listed)"),
    "hhi_lower": (float, "HHI lower bound"),
    "hhi_upper": (float, "HHI upper bound"),
}
CONCENTRATION_SERIES = pa.DataFrameSchema(
    {
        "commodity": _str("Commodity id"),
        "measure": _str("production or reserves"),
        "year": pa.Column(int, description="Data year: 2009 (the paper) or 2020-2025 (USGS)"),
        "dataset": _str("paper_table3 (2009) or usgs (the best series)"),
        "edition": _str("Where the year comes from: paper2010 or the USGS edition"),
        "series": _str("The series taken: the mine stage where there is one, else the largest"),
        "unit": _str("Unit of total"),
        "total": _num("The denominator of the shares (see concentration.csv)"),
        "total_source": _str("What total is (see concentration.csv)"),
        "total_is_lower_bound": pa.Column(
            bool, description="The world total is at least total (see concentration.csv)"
        ),
        "china_share": _num("China's share (empty if China has no number)", checks=SHARE),
        "cr1": _num("Share of the largest listed producer", checks=SHARE),
        "cr1_country": _str("Its ISO3 code"),
        "cr3": _num("Share of the three largest listed producers", checks=SHARE),
        "cr3_countries": _str("Their ISO3 codes, largest first"),
        "cr3_is_lower_bound": pa.Column(
            object, nullable=True, coerce=True, description="Fewer than three listed"
        ),
        "hhi_lower": _num("HHI, unassigned share contributing 0", checks=HHI),
        "hhi_upper": _num("HHI, unassigned share held by one producer", checks=HHI),
        "n_listed": pa.Column(int, description="Countries with a number"),
        "coverage_note": _str("Where the snapshot has the year only in part (2020: MCS 2022)"),
    },
    strict=True,
    ordered=True,
    name="concentration_series",
)

PAPER_COMPARISON = pa.DataFrameSchema(
    {
        "commodity": _str("Commodity id"),
        "name_en": _str("English name"),
        "name_ja": _str("Japanese name"),
        "symbol": _str("Symbol as the paper uses it"),
        "measure": _str("production or reserves"),
        "year_2009": _num("Year of the paper's figures (2009)"),
        "edition_latest": _str(
            "USGS edition the latest year comes from (the best series)", nullable=True
        ),
        "year_latest": _num("Latest data year of the best series"),
        "edition_2023": _str("USGS edition 2023 comes from (the best series)", nullable=True),
        "unit": _str("Unit of the totals", nullable=True),
        "basis_latest": _str("Basis of the USGS series", nullable=True),
        "series_latest": _str("USGS series compared", nullable=True),
        **{
            f"{k}_{when}": pa.Column(
                kind, nullable=True, coerce=kind is object, description=f"{d}, {label}"
            )
            for k, (kind, d) in _COMPARED.items()
            for when, label in (
                ("2009", "2009 (paper, corrected Table 3)"),
                ("2023", "2023 (USGS, best series)"),
                ("latest", "latest year (USGS, best series)"),
            )
        },
        "total_ratio": _num("World total latest / 2009"),
        "comparable": pa.Column(
            bool, description="Units equal and world totals within a factor of ten"
        ),
        "comparability_note": _str("What was checked, and what could not be"),
    },
    strict="filter",
    name="paper_metals_comparison",
)

JAPAN_DEPENDENCY = pa.DataFrameSchema(
    {
        "commodity": _str("Commodity id"),
        "symbol": _str("Symbol as the paper uses it"),
        "year": pa.Column(int, description="Data year (2009)"),
        "sources": _str("Japan's import sources printed in Table 3, by rank (ISO3)"),
        "shares_pct": _str("Their printed shares (%), same order"),
        "sources_without_share": _str("Sources printed without a percentage"),
        "china_share": _num("China's printed share" + FRACTION),
        "listed_share": _num("Sum of the printed shares" + FRACTION),
        "unassigned_share": _num("What the printed shares leave" + FRACTION),
        "hhi_lower": _num("HHI of the import shares, remainder contributing 0"),
        "hhi_upper": _num("HHI of the import shares, remainder as one source"),
    },
    strict=True,
    name="japan_import_dependency_2009",
)

US_IMPORT_RELIANCE = pa.DataFrameSchema(
    {
        "commodity": _str("Commodity id (empty where none)"),
        "commodity_label": _str("Commodity as the source names it"),
        "source": _str("paper2010 (Table 3 footnote 1) or the USGS edition"),
        "year": pa.Column(int, description="Year of the figure"),
        "value": _num("Net import reliance, %"),
        "flag": _str("'>'/'<' bounds, E net exporter, blank: not printed"),
        "value_raw": _str("As printed"),
        "import_sources": _str("Major import sources (ISO3), USGS only"),
        **PROVENANCE,
    },
    strict=True,
    name="us_import_reliance",
)

CLAIMS_AUDIT = pa.DataFrameSchema(
    {
        **{
            k: _str(d)
            for k, d in (
                ("claim_id", "Claim id (data/raw/paper/claims.csv)"),
                ("section", "Where in the paper (chapter or footnote)"),
                ("text_ja", "The paper's words (Japanese, exact)"),
                ("text_en", "English translation"),
                ("subject", "What the claim is about"),
                ("quantity", "What it measures"),
                ("value", "The number as the claim states it (~ for 約, >= for 以上)"),
                ("unit", "Its unit"),
                ("year", "Year it refers to"),
            )
        },
        "method": _str("How it was checked (data/audit/claim_checks.csv); empty if not"),
        "recomputed": _str("The value recomputed from the data"),
        "tolerance": _str(
            "Half the printed precision (the values that round half up to the "
            "claim lie within it), or the check's own tolerance, in the "
            "claim's unit"
        ),
        "sources": _str("file:row of every value the check read"),
        "status": _str(
            "match, consistent (a bound the data satisfy), mismatch, "
            "inconsistent, unit-slip or not-checkable",
            checks=pa.Check.isin(
                ["match", "consistent", "mismatch", "inconsistent", "unit-slip", "not-checkable"]
            ),
        ),
        "evidence": _str("One sentence of evidence, or which source would check it"),
        "evidence_class": _str(
            "What the verdict rests on: independent (a source independent of the paper), "
            "paper_table3 (the paper's own Table 3), paper_text (the paper's other "
            "numbers), correction_from_claim (a Table 3 cell whose correction was derived "
            "from a claim: the paper against itself), none (not checkable)",
            checks=pa.Check.isin(
                ["independent", "paper_table3", "paper_text", "correction_from_claim", "none"]
            ),
        ),
    },
    strict=True,
    name="claims_audit",
)

TABLE3_ERRATA = pa.DataFrameSchema(
    {
        "symbol": _str("Metal as the paper names it"),
        "commodity": _str("Commodity id"),
        "field": _str("Cell of Table 3"),
        "rank": _num("Rank printed in the cell"),
        "country_code": _str("ISO3 or aggregate code"),
        "country_ja": _str("Country as printed"),
        "value_as_printed": _str("Cell as printed"),
        "value_printed": _num("The printed value read literally (t or %)"),
        "value_corrected": _num("The value after correction (t or %); empty if removed"),
        "unit": _str("t or %"),
        "status": _str(
            "ok, blank, unit-slip, inconsistent, format or text-conflict",
            checks=pa.Check.isin(
                ["ok", "blank", "unit-slip", "inconsistent", "format", "text-conflict"]
            ),
        ),
        "correction_id": _str("Correction applied (data/corrections/table3_corrections.csv)"),
        "evidence_type": _str(
            "paper_text, world_total, cross_cell_arithmetic, vendored_source or print"
        ),
        "evidence": _str("The evidence in words"),
        "claims": _str("Claims of the text that disagree with this cell"),
        **PROVENANCE,
    },
    strict=True,
    name="table3_errata",
)


def _as_printed(name: str, columns: dict, unique: list[str] | None = None) -> pa.DataFrameSchema:
    """A compiled source table kept as its cells (text), with the line each row came from.

    ``columns`` maps a column to its description, or to (description, checks) where the
    later steps read the cells as numbers or words of a vocabulary; a name that starts
    with ^ is a pattern for further columns (a language's names); ``unique`` names the
    columns that identify a row."""
    spec = {c: d if isinstance(d, tuple) else (d, None) for c, d in columns.items()}
    return pa.DataFrameSchema(
        {
            **{
                c: _str(d, checks=checks, regex=c.startswith("^"))
                for c, (d, checks) in spec.items()
            },
            **PROVENANCE,
        },
        strict=True,
        ordered=True,
        unique=unique,
        name=name,
    )


def _matches(pattern: str, what: str) -> pa.Check:
    return pa.Check.str_matches(rf"^(?:{pattern})$", error=what)


A_YEAR = _matches(r"(?:19|20)\d\d", "a year of four digits")
A_NUMBER = _matches(
    r"\d+(?:\.\d+)?", "a number: digits with at most one decimal point, no sign or separator"
)


def _one_of(words: list[str]) -> pa.Check:
    return pa.Check.isin(words, error="one of " + ", ".join(words))


CLAIMS = _as_printed(
    "paper_claims",
    {
        "claim_id": "Claim id",
        "section": "Where in the paper (chapter or footnote)",
        "text_ja": "The paper's words (Japanese, exact substring of the text)",
        "text_en": "English translation",
        "subject": "What the claim is about",
        "quantity": "What it measures",
        "value": "The number, normalised (~ for 約, >= for 以上)",
        "unit": "Its unit",
        "year": "Year it refers to ('(implied)' where inferred)",
        "cited_source": "The source the paper cites for it",
    },
    unique=["claim_id"],
)
EXPORT_QUOTAS = _as_printed(
    "china_ree_export_quotas",
    {
        "source_id": "Publication the row comes from",
        "year": ("Quota year", A_YEAR),
        "period": (
            "full_year, first_batch, second_batch, H1 or H2",
            _one_of(["full_year", "first_batch", "second_batch", "H1", "H2"]),
        ),
        "scope": "Which firms the figure covers, as the source says",
        "value_t": ("Quota in metric tons", A_NUMBER),
        "value_as_printed": "The figure as the source prints it",
        "note": "Compiler's note",
        "source_title": "Title of the publication",
        "url": "Where it was published",
    },
    unique=["year", "period", "scope"],
)
WIND = _as_printed(
    "gwec_wind_2009",
    {
        "source_id": "Publication the row comes from",
        "publication": "Publication",
        "region": "World, a region or a country",
        "year": (
            "Year (or period of a forecast)",
            _matches(r"(?:19|20)\d\d(?:-(?:19|20)\d\d)?", "a year, or two joined by -"),
        ),
        "measure": "What is counted (annual or cumulative installed capacity, forecasts)",
        "value": "The figure (may carry > )",
        "unit": ("MW, GW or GW per year", _one_of(["MW", "GW", "GW per year"])),
        "note": "Compiler's note",
        "url": "Where it was published",
    },
    unique=["source_id", "region", "year", "measure"],
)
MILITARY_EXPENDITURE = _as_printed(
    "sipri_milex",
    {
        "source_id": "SIPRI release",
        "country": "Country as SIPRI names it",
        "year": ("Data year", A_YEAR),
        "measure": ("military_expenditure", _one_of(["military_expenditure"])),
        "value": ("US$ million", A_NUMBER),
        "unit": "Currency and price base",
        "sipri_sheet": "SIPRI sheet (price base)",
        "note": "SIPRI notes",
        "repo": "Repository of the JSON export",
        "path": "File in that repository",
        "commit": "Commit of that repository",
    },
    unique=["country", "year", "sipri_sheet"],
)
REE_SECONDARY = _as_printed(
    "ree_2009_secondary",
    {
        "source_id": "Publication the row comes from",
        "commodity": "Commodity",
        "country": "Country or aggregate",
        "year": "Data year",
        "measure": "What is stated",
        "value": "The figure as stated",
        "unit": "Its unit",
        "basis": "REO or not stated",
        "note": "Quotation or compiler's note",
        "url": "Where it was published",
    },
)

# The project's own reference tables under data/ that a step reads as numbers or keys.
FILLED = _matches(r".*\S.*", "a cell that is not empty")
A_NUMBER_OR_BLANK = _matches(
    r"(?:\d+(?:\.\d+)?)?", "a number (digits, one decimal point) or a blank"
)
COMMODITY_NAMES = _as_printed(
    "commodities",
    {
        "usgs_code": ("USGS file code", FILLED),
        "commodity": ("Commodity id", FILLED),
        "name_en": ("English name", FILLED),
        "name_ja": ("Japanese name", FILLED),
        "symbol": "Symbol as the paper uses it",
        "paper_order": ("Row of the paper's Table 3", _matches(r"\d*", "a row number or a blank")),
        "^name_[a-z]+$": ("Name in a further language", FILLED),
    },
    unique=["usgs_code"],
)
COUNTRY_NAMES = _as_printed(
    "countries",
    {
        "name": ("A spelling the sources use", FILLED),
        "code": ("ISO3 or aggregate code", FILLED),
        "area_type": ("Kind of place", _one_of(AREA_TYPES)),
        "country": ("Name written in the tables", FILLED),
        "note": "Why",
    },
    unique=["name"],
)
TABLE3_CORRECTIONS = _as_printed(
    "table3_corrections",
    {
        "correction_id": ("Correction id", FILLED),
        "symbol": ("Metal as the paper names it", FILLED),
        "field": ("Cell of Table 3", FILLED),
        "rank": ("Rank of the cell", _matches(r"\d*", "a rank or a blank")),
        "printed_value": ("The value printed in the cell", A_NUMBER),
        "corrected_value": ("The right value; blank removes it", A_NUMBER_OR_BLANK),
        "factor": ("corrected_value / printed_value", A_NUMBER_OR_BLANK),
        "status": ("unit-slip or inconsistent", _one_of(["unit-slip", "inconsistent"])),
        "evidence_type": (
            "What shows it",
            _one_of(["paper_text", "world_total", "cross_cell_arithmetic", "vendored_source"]),
        ),
        "evidence": ("The evidence in words", FILLED),
    },
    unique=["correction_id"],
)
CLAIM_CHECKS = _as_printed(
    "claim_checks",
    {
        "claim_id": ("Claim of data/raw/paper/claims.csv", FILLED),
        "method": ("How to recompute it (raremetals.audit.claims.METHODS, or none)", FILLED),
        "args": "The method's arguments (key=value;...)",
        "tolerance": ("Tolerance where the default will not do", A_NUMBER_OR_BLANK),
        "on_fail": (
            "Status if the data disagree",
            pa.Check.isin(
                ["", "mismatch", "inconsistent", "unit-slip"],
                error="mismatch, inconsistent, unit-slip or a blank",
            ),
        ),
        "note": "Why, in words",
    },
    unique=["claim_id"],
)
PAPER_TEXT_VALUES = _as_printed(
    "paper_text_values",
    {
        "claim_id": ("Claim of data/raw/paper/claims.csv", FILLED),
        "symbol": ("Metal as the paper names it", FILLED),
        "measure": ("production or reserves", _one_of(["production", "reserves"])),
        "country_code": ("ISO3 code", _matches(r"[A-Z]{3}", "an ISO3 code")),
        "note": "Where the text gives it",
    },
    unique=["claim_id"],
)


def data_dictionary(schemas: dict) -> pd.DataFrame:
    """One row per column of each table (name -> schema, as the catalogue lists them):
    name, type, nullability, meaning."""
    rows = []
    for name, schema in schemas.items():
        for col, spec in schema.columns.items():
            rows.append(
                {
                    "table": name,
                    "column": col,
                    "type": str(spec.dtype),
                    "nullable": spec.nullable,
                    "description": spec.description,
                }
            )
    return pd.DataFrame(rows)
