"""What each figure shows, chosen from the tables it reads: which metals, which series,
which rows of a compiled table. A figure module only draws; its rows are picked here,
where the tests take the same rows without matplotlib.
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.io import as_numbers
from raremetals.stats.measures import ROWS_SUM_ABOVE_TOTAL, WORLD_TOTAL
from raremetals.stats.series import main_series, zero_run


def paper_metals(commodities: pd.DataFrame) -> list[str]:
    """The paper's twelve metals in the order of its Table 3."""
    m = commodities[commodities["paper_order"] != ""].drop_duplicates("commodity")
    return list(m.sort_values("paper_order", key=lambda s: s.astype(int))["commodity"])


SIPRI_NAMES = {"China": "China", "United States": "United States of America", "Japan": "Japan"}


def quoted_military_expenditure(claims: pd.DataFrame) -> pd.DataFrame:
    """The paper's fn74 figures (claims on annual military expenditure), as points."""
    c = claims[claims["quantity"] == "annual expenditure"]
    return pd.DataFrame(
        {
            "country": c["subject"].str.split(" - ").str[0].map(SIPRI_NAMES),
            "year": c["year"].astype(int),
            "value": as_numbers(c, "value", "a number of US$ million"),
            "claim_id": c["claim_id"],
            "file": c["file"],
            "row": c["row"],
        }
    )


def table3_world_row(shares: pd.DataFrame, commodity: str) -> pd.DataFrame:
    """The world row of 2009 production as the paper's (corrected) Table 3 gives it."""
    return shares[
        (shares["dataset"] == "paper_table3")
        & (shares["commodity"] == commodity)
        & (shares["measure"] == "production")
        & (shares["area_type"] == "world")
    ].head(1)


def full_year_quota_row(quotas: pd.DataFrame, year: int) -> pd.DataFrame:
    """China's rare-earth export quota for a whole year (t), as its row."""
    return quotas[(quotas["year"] == str(year)) & (quotas["period"] == "full_year")].head(1)


# a distribution whose source gives a world total: the row itself, or the sum of the
# countries where they add up to more than that rounded row
WORLD_TOTAL_GIVEN = (WORLD_TOTAL, ROWS_SUM_ABOVE_TOTAL)


def _latest_production(conc: pd.DataFrame, edition: str) -> pd.DataFrame:
    d = conc[
        (conc["dataset"] == "usgs")
        & (conc["edition"] == edition)
        & (conc["measure"] == "production")
        & conc["hhi_lower"].notna()
    ]
    return d[d["year"] == d.groupby("commodity")["year"].transform("max")]


def most_concentrated(conc: pd.DataFrame, edition: str, n: int = 25) -> pd.DataFrame:
    """One production distribution per commodity (latest year of ``edition``; the mine
    stage where there is one, else the largest total), ranked by HHI lower bound.

    Only distributions whose source gives a world total count (:data:`WORLD_TOTAL_GIVEN`):
    where it gives none (boron, dimension stone report one country per series) a share of
    the sum of rows says nothing about world concentration.
    """
    d = _latest_production(conc, edition)
    d = main_series(d[d["total_source"].isin(WORLD_TOTAL_GIVEN)], ["commodity"])
    return d.sort_values(["hhi_lower", "commodity"], ascending=[False, True]).head(n)


def not_ranked(conc: pd.DataFrame, edition: str, top: pd.DataFrame) -> pd.DataFrame:
    """The commodities :func:`most_concentrated` leaves out for want of a world total in
    their latest year whose HHI lower bound would have ranked them among ``top``."""
    d = _latest_production(conc, edition)
    d = d[~d["total_source"].isin(WORLD_TOTAL_GIVEN) & ~d["commodity"].isin(top["commodity"])]
    d = main_series(d, ["commodity"])
    d = d[d["hhi_lower"] >= top["hhi_lower"].min()]
    return d.sort_values(["hhi_lower", "commodity"], ascending=[False, True])


def ree_long_run(ds140: pd.DataFrame, suspended: int = 2002, quota_cut: int = 2010) -> dict:
    """Rare earths 1900-2020 from USGS Data Series 140: per year US production, world
    production, the rest of the world (world less US, where both are numbers) and the
    unit value in 1998 dollars; and where the data place the events the paper names:
    the run of zero US production that holds ``suspended`` (the paper: US mining suspended
    in 2002) by its first year and the first year with output after it, and China's
    export-quota cut (``quota_cut``), each at that year's world production."""
    d = ds140.pivot(index="year", columns="statistic", values="value")
    d["rest_of_world"] = d["world_production"] - d["us_production"]
    us = d["us_production"]
    events = {}
    if (run := zero_run(us, suspended)) is not None:
        start, end = run
        events["us_stop"] = (int(start), float(d.at[start, "world_production"]))
        if us.get(end + 1, 0) > 0:
            events["us_restart"] = (end + 1, float(d.at[end + 1, "world_production"]))
    if quota_cut in d.index:
        events["quota_cut"] = (quota_cut, float(d.at[quota_cut, "world_production"]))
    columns = ["us_production", "world_production", "rest_of_world", "unit_value_1998usd"]
    breaks = out_of_line(d["unit_value_1998usd"].dropna())
    return {"series": d[columns], "events": events, "out_of_line": breaks}


def out_of_line(values: pd.Series, years: int = 5, factor: float = 100) -> list[int]:
    """The years whose value is ``factor`` times above or below the median of the
    ``years`` on each side: a break the series does not explain (DS140's rare-earth unit
    values of 1937-39, 3 or 4 US$/t among years of 5,000-12,000, which its notes do not
    mention), not a market."""
    out = []
    for year, value in values.items():
        around = values[(abs(values.index - year) <= years) & (values.index != year)]
        ratio = value / around.median() if len(around) else 1.0
        if ratio >= factor or ratio <= 1 / factor:
            out.append(int(year))
    return out


def paper_metal_series(series: pd.DataFrame, commodities: pd.DataFrame, column: str):
    """The rows of the concentration series (2009 and 2020 on) of the paper's twelve
    metals' production that give ``column``: what Figures 9 and 10 draw."""
    return series[
        (series["measure"] == "production")
        & series["commodity"].isin(paper_metals(commodities))
        & series[column].notna()
    ]


def wmd_points(wmd: pd.DataFrame, commodities: pd.DataFrame, column: str, first: int = 2009):
    """World Mining Data's years from ``first`` of the paper's metals that may stand
    beside the USGS's (``compares_with_usgs``) and give ``column``: what Figures 9 and 10
    draw of the third publisher; and the metals it has but does not draw, with the basis."""
    d = wmd[wmd["commodity"].isin(paper_metals(commodities)) & (wmd["year"] >= first)]
    apart = d[d["compares_with_usgs"] == ""].groupby("commodity")["basis"].first().to_dict()
    return d[(d["compares_with_usgs"] != "") & d[column].notna()], apart


# the measure that ended the rare-earth export quotas (METI's page, per the compiled table)
QUOTAS_END = "CN_QUOTA_ABOLISHED_2015"


def quota_events(quotas: pd.DataFrame, controls: pd.DataFrame) -> dict[str, int]:
    """The year of the largest cut of China's full-year rare-earth export quota (2010:
    50,145 t to 30,258 t, -40%) and the year the quotas ended (the measure
    ``QUOTAS_END`` of the export-controls table took effect on 1 January 2015)."""
    full = quotas[(quotas["period"] == "full_year") & (quotas["scope"] == "total")]
    value = full.set_index(full["year"].astype(int))["value_t"].astype(float).sort_index()
    end = controls.loc[controls["fact_id"] == QUOTAS_END, "date_effective"]
    if len(end) != 1:
        raise LookupError(f"the export-controls table has {len(end)} rows {QUOTAS_END}")
    return {
        "quota_cut": int((value / value.shift() - 1).idxmin()),
        "quotas_end": int(end.iloc[0][:4]),
    }


def long_run_view(run: pd.DataFrame) -> pd.DataFrame:
    """What Figure 12 draws of BGS's long run, year by year: the HHI as a point or a
    range, never a lower bound as a value; China's share as a value, a range or "at
    most"; and the segment a year belongs to (no line joins two segments).

    ``hhi_kind``: ``point`` (both ends alike to the nearest unit), ``range`` (the
    unconditional range is narrow: countries below half a tonne), ``rule`` (a country
    without a figure, bounded by its neighbouring years: ``gap_rule``), ``open`` (a
    country without a figure and no rule: from the lower end up to 10,000). A line runs
    through points, ranges and rules (their ends), never through an open year.
    """
    v = run[["commodity", "year", "segment"]].copy()
    rule = run["hhi_lower_gap_rule"].notna()
    is_open = (run["hhi_upper"] >= 10_000) & ~rule & (run["n_unquantified"] > 0)
    v["hhi_kind"] = "range"
    v.loc[(run["hhi_upper"] - run["hhi_lower"]).abs() < 0.5, "hhi_kind"] = "point"
    v.loc[rule, "hhi_kind"] = "rule"
    v.loc[is_open, "hhi_kind"] = "open"
    v["hhi_low"] = run["hhi_lower_gap_rule"].where(rule, run["hhi_lower"])
    v["hhi_high"] = run["hhi_upper_gap_rule"].where(rule, run["hhi_upper"])
    v["china_kind"] = "value"
    v.loc[rule, "china_kind"] = "rule"
    v.loc[is_open, "china_kind"] = "at most"
    v["china_high"] = run["china_share"]
    v["china_low"] = run["china_share_min_gap_rule"].where(rule, run["china_share"])
    v.loc[is_open, "china_low"] = float("nan")
    return v


def comparable_points(
    series: pd.DataFrame, comparison: pd.DataFrame
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Another publisher's production points that may stand beside BGS's line: those of a
    metal whose comparison (``usgs_bgs_comparison.csv``, one verdict a pair of cells)
    never says the bases differ (a basis is the series', whatever the year); and, by
    metal, why the others are left out."""
    differ = comparison[comparison["agreement"] == "bases differ"]
    why = differ.drop_duplicates("commodity").set_index("commodity")["why"]
    keep = ~series["commodity"].isin(set(why.index))
    return series[keep], {c: w.split(";")[0] for c, w in why.items()}
