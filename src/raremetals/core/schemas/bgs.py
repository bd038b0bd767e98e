"""Schemas of the statistics from the second publisher, BGS: its long run year by year,
and USGS against BGS side by side."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import HHI, SHARE, number, text

BGS_LONG_RUN = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id"),
        "series": text("The BGS series (data/long_run_series.csv): one basis"),
        "basis": text("What is weighed"),
        "unit": text("Unit of total"),
        "year": pa.Column(int, description="Data year"),
        "total": number("The countries' sum (BGS gives no world total)"),
        "total_max": number(
            "The most the total can be: countries BGS gives as less than 0.5 t at 0.5 t "
            "(empty where total_is_lower_bound)"
        ),
        "total_is_lower_bound": pa.Column(
            bool, description="Countries without a figure: the world is at least total"
        ),
        "n_listed": pa.Column(int, description="Countries with a number"),
        "n_unquantified": pa.Column(int, description="Countries without a number"),
        "unquantified_countries": text("Their ISO3 codes"),
        "small_countries": text("Countries BGS gives as more than 0 but less than 0.5 t"),
        "china_share": number("China's share (empty if China has no number)", checks=SHARE),
        "cr1": number("Share of the largest producer", checks=SHARE),
        "cr1_country": text("Its ISO3 code"),
        "cr3": number("Share of the three largest producers", checks=SHARE),
        "cr3_countries": text("Their ISO3 codes, largest first"),
        "hhi_lower": number("HHI, unassigned share contributing 0", checks=HHI),
        "hhi_upper": number("HHI, unassigned share held by one producer", checks=HHI),
        "segment": pa.Column(
            int,
            description="First year of the stretch of the run this year belongs to: a "
            "break in series of countries holding 5% of the total or more starts a new "
            "one, and no year is set against a year of another",
        ),
        "break_countries": text("Countries BGS marks 'Break in series.' this year"),
        "break_weight": number("Their share of the total (this year or the one before)"),
        "gap_rule": text(
            "Where countries have no figure: each bounded by the larger of its figures "
            "of the nearest years before and after (within two years), or why not"
        ),
        "hhi_lower_gap_rule": number("HHI's lower end under the gap rule", checks=HHI),
        "hhi_upper_gap_rule": number("HHI's upper end under the gap rule", checks=HHI),
        "china_share_min_gap_rule": number(
            "China's share with the missing countries at their bound (china_share is the most)",
            checks=SHARE,
        ),
        "source_file": text("The export(s) the year's rows come from (bgs_production.csv)"),
        "note": text("What to know about the year's distribution"),
    },
    strict=True,
    ordered=True,
    name="bgs_long_run",
)

USGS_BGS = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id"),
        "year": pa.Column(int, description="Data year both publishers cover"),
        "usgs_source": text("paper_table3 (2009: the paper quotes MCS 2010) or usgs"),
        "usgs_edition": text("paper2010 or the MCS edition of the best series"),
        "usgs_series": text("The USGS series (concentration_series.csv)"),
        "usgs_basis": text("Its basis; not stated for the paper"),
        "bgs_series": text("The BGS series (bgs_long_run.csv)"),
        "bgs_basis": text("Its basis"),
        "usgs_total": number("USGS world total (t)"),
        "bgs_total": number("BGS: the countries' sum (t)"),
        "bgs_total_is_lower_bound": pa.Column(
            bool, description="BGS lists countries without a figure"
        ),
        "total_ratio": number("usgs_total / bgs_total"),
        "usgs_china_share": number("China's share by USGS", checks=SHARE),
        "bgs_china_share": number("China's share by BGS", checks=SHARE),
        "usgs_leader": text("The largest producer by USGS (ISO3)"),
        "bgs_leader": text("The largest producer by BGS (ISO3)"),
        "usgs_leader_share": number("Its share by USGS", checks=SHARE),
        "bgs_leader_share": number("Its share by BGS", checks=SHARE),
        "agreement": text(
            "bases differ; agree (totals within 5%, China within 2 points, one leader); "
            "close (totals within 20%, one leader); differ",
            checks=pa.Check.isin(["bases differ", "agree", "close", "differ"]),
        ),
        "why": text("What the rows show of the reasons two publishers differ"),
    },
    strict=True,
    ordered=True,
    name="usgs_bgs_comparison",
)
