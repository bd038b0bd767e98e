"""Schemas of the statistics under results/stats/."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import (
    EDITIONS_TEXT,
    FRACTION,
    HHI,
    PLACE,
    PROVENANCE,
    SHARE,
    number,
    text,
)
from raremetals.core.vocab import PAPER_EDITION

DIST_KEY = {
    "dataset": text(
        "usgs (USGS world tables) or paper_table3 (the paper's corrected Table 3)",
        checks=pa.Check.isin(["usgs", "paper_table3"]),
    ),
    "edition": text(f"USGS edition ({EDITIONS_TEXT}) or {PAPER_EDITION} (the paper's Table 3)"),
    "commodity": text("Commodity id (data/commodities.csv)"),
    "series": text("What is measured (USGS Type text), or 'Table 3'"),
    "measure": text("production or reserves", checks=pa.Check.isin(["production", "reserves"])),
    "year": pa.Column(int, description="Data year"),
}

# A distribution's rows as the statistics read them; not written itself
# (country_shares.csv holds them with their shares).
DISTRIBUTION = pa.DataFrameSchema(
    {
        **DIST_KEY,
        "stage": text("mine, refinery, smelter, plant or unspecified"),
        "unit": text("Unit of value (t, carat, m3)"),
        "basis": text("What is weighed"),
        **PLACE,
        "value": number("The row's amount, in unit; empty where the source gives no number"),
        "value_max": number(
            "Where the source gives a country only as below an amount ('<100', 'less "
            "than 0.5 t'): that amount, in unit; the country holds between 0 and it"
        ),
        "flag": text("The source's flags"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="distribution",
)

CONCENTRATION = pa.DataFrameSchema(
    {
        **DIST_KEY,
        "stage": text("mine, refinery, smelter, plant or unspecified"),
        "unit": text("Unit of total (t, carat, m3)"),
        "basis": text("What is weighed; several joined by '; ' if the rows differ"),
        "world_total": number("The source's world total row, as given (empty if none)"),
        "total": number(
            "The denominator of every share: the world total where it covers "
            "every row with a number (the listed countries and the source's other "
            "countries), their sum where the rounded world total falls below it or the "
            "source gives none; a country given only as 'less than x' counts 0 in it"
        ),
        "total_max": number(
            "The most the total can be where it is a sum of rows and countries are "
            "given only as 'less than x' (each at x); equal to total where none is; "
            "empty where total_is_lower_bound"
        ),
        "total_source": text(
            "world total row, sum of rows (above the world total row) or sum of rows"
        ),
        "total_is_lower_bound": pa.Column(
            bool,
            description="The world total is at least total: the source gives none, or "
            "gives it as a bound ('>75,000,000'); each listed share (china_share, cr1, "
            "cr3) is at most what is given; where countries are named without a number "
            "(n_unquantified > 0) hhi_upper is 10,000",
        ),
        "total_flag": text("The world total's flags (e estimated, ...)"),
        "listed_exceeds_total": pa.Column(
            bool,
            description="The rows with a number (countries and the source's other "
            "countries) sum to more than the world total row (shares are of their sum)",
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
        "unquantified_countries": text("Their ISO3 codes"),
        "small_countries": text(
            "ISO3 codes of the countries given only as below an amount ('less than 0.5 "
            "t'): each between 0 and it, inside the range of the HHI, never unknown"
        ),
        "source_file": text("Source file(s) of the distribution"),
        "listed_share": number("Sum of the listed countries' shares", checks=SHARE),
        "unassigned_share": number(
            "r = max(0, 1 - listed_share): other countries, groups, withheld values, rounding",
            checks=SHARE,
        ),
        "china_share": number("China's share (empty if China has no number)", checks=SHARE),
        "cr1": number(
            "Share of the largest listed producer (CR1); where total_is_lower_bound, a "
            "producer without a number may be larger",
            checks=SHARE,
        ),
        "cr1_country": text("Its ISO3 code"),
        "cr3": number("Summed share of the three largest listed producers (CR3)", checks=SHARE),
        "cr3_countries": text("Their ISO3 codes, largest first"),
        "cr3_is_lower_bound": pa.Column(
            object,
            nullable=True,
            description="True where fewer "
            "than three producers are listed and some share is "
            "unassigned",
        ),
        "hhi_lower": number(
            "HHI (0-10,000), unassigned share contributing 0; where total_is_lower_bound, "
            "the least any amounts of the countries without a number allow",
            checks=HHI,
        ),
        "hhi_upper": number(
            "HHI (0-10,000), unassigned share held by one producer; 10,000 where "
            "total_is_lower_bound",
            checks=HHI,
        ),
        "hhi_headline": number("The HHI that headline outputs use: the lower bound", checks=HHI),
        "hhi_normalised": number(
            "Normalised HHI (0-1) of the listed producers' shares re-scaled to sum to 1",
            checks=pa.Check.in_range(0, 1),
        ),
        "effective_producers_min": number("10,000 / hhi_upper"),
        "effective_producers_max": number("10,000 / hhi_lower"),
        "shannon_entropy": number(
            "Shannon entropy (nats), unassigned share as one producer (a lower bound); "
            "empty where total_is_lower_bound (no lower bound above 0)"
        ),
        "doj_ftc_class_lower": text("DOJ/FTC class of hhi_lower", nullable=True),
        "doj_ftc_class_upper": text("DOJ/FTC class of hhi_upper", nullable=True),
        "doj_ftc_guidelines": text(
            "Guideline vintage of the classes (2010: moderately "
            "concentrated from 1,500, highly above 2,500)",
            nullable=True,
        ),
        "wgi_year": number("WGI year used (the data year, or the latest before it)"),
        "hhi_wgi": number(
            "Governance-weighted HHI, sum of s_i^2 * WGI_i (0-10; EU CRM method)",
            checks=pa.Check.in_range(0, 10 * 1.1**2),
        ),
        "country_risk_wgi": number("Production-weighted country risk, sum of s_i * WGI_i"),
        "wgi_coverage": number(
            "Share of the listed shares whose country has a WGI score",
            checks=pa.Check.in_range(0, 1),
        ),
        "wgi_missing": text("Listed countries without a WGI score", nullable=True),
        "note": text("What to know about this distribution (totals, rounding, bases)"),
    },
    strict=True,
    name="concentration",
)

COUNTRY_SHARES = pa.DataFrameSchema(
    {
        **DIST_KEY,
        **{k: pa.Column(str, description=v.description) for k, v in PLACE.items()},
        "value": number("The row's value (USGS: metric tons etc.; paper: corrected)"),
        "unit": text("Unit of value"),
        "flag": text("Source flags of the value"),
        "total": number("The distribution's total (see concentration.csv)"),
        "total_is_lower_bound": pa.Column(
            bool,
            description="The world total is at least total (see concentration.csv): the "
            "shares are upper bounds",
        ),
        "share": number("value / total", checks=SHARE),
        "country_share": number(
            "The country's share, its rows summed (a country the source lists on several rows)",
            checks=SHARE,
        ),
        "rank": number(
            "Rank of the country among the listed countries (1 = largest); countries with "
            "the same share share a rank (1, 2, 3, 3, 5)"
        ),
        "tied_with": text("The other countries of the same rank (a tie), ';'-joined"),
        **PROVENANCE,
    },
    strict=True,
    name="country_shares",
)

RESERVES_TO_PRODUCTION = pa.DataFrameSchema(
    {
        **{k: DIST_KEY[k] for k in ("dataset", "edition", "commodity", "series")},
        "year": pa.Column(int, description="Year of the reserves and of the production used"),
        "reserves": number("World reserves: the source's world total, or the sum of its rows"),
        "production": number("World production of the same year, likewise"),
        "unit": text("Unit of reserves and production"),
        "basis": text("Basis of the production figures"),
        "rp_years": number(
            "Reserves-to-production ratio in years; empty where units or bases differ"
        ),
        "rp_bound": text(
            "at least where the reserves are only a lower bound (no world total, countries "
            "without a number), at most where the production is; empty otherwise",
            checks=pa.Check.isin(["", "at least", "at most"]),
        ),
        "note": text("Why no ratio, where there is none"),
        "rp_flag": text(
            "below 1 year or above 10,000 years where the ratio is implausible "
            "(a unit error is the usual cause); empty otherwise",
            checks=pa.Check.isin(["", "below 1 year", "above 10,000 years"]),
        ),
    },
    strict=True,
    name="reserves_to_production",
)

# The statistics the comparison sets side by side: column -> (type, description)
COMPARED = {
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
        "commodity": text("Commodity id"),
        "measure": text("production or reserves"),
        "year": pa.Column(int, description="Data year: 2009 (the paper) or 2020-2025 (USGS)"),
        "dataset": text("paper_table3 (2009) or usgs (the best series)"),
        "edition": text("Where the year comes from: paper2010 or the USGS edition"),
        "series": text("The series taken: the mine stage where there is one, else the largest"),
        "unit": text("Unit of total"),
        "total": number("The denominator of the shares (see concentration.csv)"),
        "total_source": text("What total is (see concentration.csv)"),
        "total_is_lower_bound": pa.Column(
            bool, description="The world total is at least total (see concentration.csv)"
        ),
        "china_share": number("China's share (empty if China has no number)", checks=SHARE),
        "cr1": number("Share of the largest listed producer", checks=SHARE),
        "cr1_country": text("Its ISO3 code"),
        "cr3": number("Share of the three largest listed producers", checks=SHARE),
        "cr3_countries": text("Their ISO3 codes, largest first"),
        "cr3_is_lower_bound": pa.Column(
            object, nullable=True, coerce=True, description="Fewer than three listed"
        ),
        "hhi_lower": number("HHI, unassigned share contributing 0", checks=HHI),
        "hhi_upper": number("HHI, unassigned share held by one producer", checks=HHI),
        "n_listed": pa.Column(int, description="Countries with a number"),
        "coverage_note": text("Where the snapshot has the year only in part (2020: MCS 2022)"),
    },
    strict=True,
    ordered=True,
    name="concentration_series",
)


def paper_comparison(middle_year: int) -> pa.DataFrameSchema:
    """The schema of ``paper_metals_comparison.csv``: 2009, ``middle_year`` (the config's
    comparison.middle_year) and the latest year, each statistic a column per year."""
    return pa.DataFrameSchema(
        {
            "commodity": text("Commodity id"),
            "name_en": text("English name"),
            "name_ja": text("Japanese name"),
            "symbol": text("Symbol as the paper uses it"),
            "measure": text("production or reserves"),
            "year_2009": number("Year of the paper's figures (2009)"),
            "edition_latest": text(
                "USGS edition the latest year comes from (the best series)", nullable=True
            ),
            "year_latest": number("Latest data year of the best series"),
            f"edition_{middle_year}": text(
                f"USGS edition {middle_year} comes from (the best series)", nullable=True
            ),
            "unit": text("Unit of the totals", nullable=True),
            "basis_latest": text("Basis of the USGS series", nullable=True),
            "series_latest": text("USGS series compared", nullable=True),
            **{
                f"{k}_{when}": pa.Column(
                    kind, nullable=True, coerce=kind is object, description=f"{d}, {label}"
                )
                for k, (kind, d) in COMPARED.items()
                for when, label in (
                    ("2009", "2009 (paper, corrected Table 3)"),
                    (str(middle_year), f"{middle_year} (USGS, best series)"),
                    ("latest", "latest year (USGS, best series)"),
                )
            },
            "total_ratio": number("World total latest / 2009"),
            "comparable": pa.Column(
                bool, description="Units equal and world totals within a factor of ten"
            ),
            "comparability_note": text("What was checked, and what could not be"),
        },
        strict="filter",
        name="paper_metals_comparison",
    )


JAPAN_DEPENDENCY = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id"),
        "symbol": text("Symbol as the paper uses it"),
        "year": pa.Column(int, description="Data year (2009)"),
        "sources": text("Japan's import sources printed in Table 3, by rank (ISO3)"),
        "shares_pct": text("Their printed shares (%), same order"),
        "sources_without_share": text("Sources printed without a percentage"),
        "china_share": number("China's printed share" + FRACTION),
        "listed_share": number("Sum of the printed shares" + FRACTION),
        "unassigned_share": number("What the printed shares leave" + FRACTION),
        "hhi_lower": number("HHI of the import shares, remainder contributing 0"),
        "hhi_upper": number("HHI of the import shares, remainder as one source"),
    },
    strict=True,
    name="japan_import_dependency_2009",
)

US_IMPORT_RELIANCE = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id (empty where none)"),
        "commodity_label": text("Commodity as the source names it"),
        "source": text("paper2010 (Table 3 footnote 1) or the USGS edition"),
        "year": pa.Column(int, description="Year of the figure"),
        "value": number("Net import reliance, %"),
        "flag": text("'>'/'<' bounds, E net exporter, blank: not printed"),
        "value_raw": text("As printed"),
        "import_sources": text("Major import sources (ISO3), USGS only"),
        **PROVENANCE,
    },
    strict=True,
    name="us_import_reliance",
)


WIND_NEODYMIUM = pa.DataFrameSchema(
    {
        "first_year": pa.Column(int, description="The first year of the capacity figures"),
        "last_year": pa.Column(int, description="The last year (GWEC's forecast)"),
        "additions_gw": number("Capacity added a year between them, in GW (the mean)"),
        "turbine_mw": number("The size of a turbine, in MW (the paper's 3.5 MW offshore)"),
        "nd_kg_per_turbine": number("Neodymium in a turbine's magnets, in kg (the paper's 600)"),
        "pm_share": number("Share of the additions assumed to use permanent magnets", checks=SHARE),
        "nd_t": number("Neodymium those additions need a year, in metric tons"),
        "file": text("The GWEC table the capacity comes from (results/tidy/gwec_wind_2009.csv)"),
        "rows": text("Its rows of the first and the last year"),
    },
    strict=True,
    ordered=True,
    unique=["pm_share"],
    name="wind_neodymium",
)
