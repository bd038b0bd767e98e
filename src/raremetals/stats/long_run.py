"""The way there, year by year: China's share and the HHI of production from BGS World
Mineral Statistics, from the first year a metal's series holds one basis to 2023.

Which BGS series stands for a metal, from which year, is ``data/long_run_series.csv``: one
basis each (rare-earth oxides from 1992, tungsten and cobalt mine production, manganese
ore, lithium content from 2012), never a sum across bases. A metal without such a series
is listed there with the reason and has no rows. The plan's ``parts`` are other series of
the same basis: with ``stand_in`` (manganese's grades) a country without a row of the
series in a year counts its rows of the parts, the same ore in the same gross weight; with
``sum`` (lithium's forms, each in lithium content) a country's rows of all of them are
summed. BGS gives no world totals, so each year's total is the sum of its countries, and
a country without a figure makes it a lower bound (the HHI then a range), as for the USGS
tables.

Two of BGS's marks shape the years (``data/bgs_marks.csv``):

- a *break in series* marks the years from which a country's figures are of another
  series. Where the countries it marks held ``BREAK_WEIGHT`` of the total or more (in the
  year of the break or the one before), the metal's run breaks there: ``segment`` is the
  first year of the stretch a year belongs to, and nothing is set against a year of
  another segment (tungsten: every country in 1977, when China's 11,350 t fall to 9,000 t,
  the ratio of tungsten to tungsten trioxide);
- a country *without a figure* in a year opens its total (an HHI up to 10,000). The table
  keeps that range, and beside it the range under one rule (``gap_rule``): the country
  held between 0 and the larger of its figures of the nearest years before and after
  (within ``GAP_REACH`` years). Rare earths 2012, Thailand without a figure: 4,676-10,000
  as the data stand, a narrow range by the rule.
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.core.schemas.bgs import BGS_LONG_RUN
from raremetals.stats.concentration import WIDE_SMALL, concentration
from raremetals.stats.distributions import DIST_COLUMNS, has_flag

DATASET = "bgs"
COMBINE = ("", "stand_in", "sum")
# a break of countries holding this share of the total moves China's share by a point or
# more where their figures change basis by a quarter (tungsten's W against WO3)
BREAK_WEIGHT = 0.05
GAP_REACH = 2  # years either side a missing figure is bounded from


def load_plan(path) -> pd.DataFrame:
    """``data/long_run_series.csv``, each metal once; a metal with a series has a first year."""
    plan = read_reference(path)
    for line, r in enumerate(plan.to_dict("records"), start=2):
        if r["series"] and not r["first_year"].isdigit():
            raise InputError(path, "a first year for a series", r["first_year"], row=line)
        if not r["series"] and not r["note"]:
            raise InputError(path, "the reason a metal has no series", "nothing", row=line)
        if r["combine"] not in COMBINE or bool(r["parts"]) != bool(r["combine"]):
            raise InputError(
                path,
                f"parts with how they combine ({', '.join(COMBINE[1:])}), or neither",
                r["combine"] or "nothing",
                row=line,
                column="combine",
            )
    twice = plan[plan["commodity"].duplicated()]
    if len(twice):
        raise InputError(path, "each commodity once", twice["commodity"].iloc[0])
    return plan


def bgs_distributions(bgs: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """The rows of each planned series from its first year, with the parts standing in
    for a country's missing row, as distributions (the columns the statistics read)."""
    frames = []
    for p in plan[plan["series"] != ""].to_dict("records"):
        rows = bgs[(bgs["commodity"] == p["commodity"]) & (bgs["year"] >= int(p["first_year"]))]
        main = rows[rows["series"] == p["series"]]
        if main.empty:
            raise InputError(
                "data/long_run_series.csv", "a series of bgs_production.csv", p["series"]
            )
        parts = rows[rows["series"].isin([s for s in p["parts"].split(";") if s])]
        if p["combine"] == "stand_in":
            held = set(zip(main["country_code"], main["year"]))
            parts = parts[
                [(c, y) not in held for c, y in zip(parts["country_code"], parts["year"])]
            ]
        else:  # forms of one basis, each weighed in it: summed as the series' own
            parts = parts.assign(basis=main["basis"].iloc[0])
        frames.append(pd.concat([main, parts.assign(series=p["series"])]))
    d = pd.concat(frames, ignore_index=True)
    d = d.assign(dataset=DATASET, edition=DATASET, measure="production")
    return d[DIST_COLUMNS].reset_index(drop=True)


def segments(dist: pd.DataFrame) -> pd.DataFrame:
    """Per metal and year: the first year of its segment, and the countries BGS marks
    with a break that year, with their weight (see the module docstring)."""
    rows = []
    for metal, d in dist.groupby("commodity", sort=True):
        totals = d.groupby("year")["value"].sum()
        broken = d[has_flag(d["flag"], "break")]
        starts, marked = [int(d["year"].min())], {}
        for year, b in broken.groupby("year"):
            codes = set(b["country_code"])
            weight = max(
                d.loc[(d["year"] == y) & d["country_code"].isin(codes), "value"].sum() / totals[y]
                for y in (year, year - 1)
                if totals.get(y, 0) > 0
            )
            marked[int(year)] = (";".join(sorted(codes)), weight)
            if weight >= BREAK_WEIGHT and year > starts[0]:
                starts.append(int(year))
        for year in sorted(set(d["year"])):
            named, weight = marked.get(int(year), ("", 0.0))
            rows.append(
                {
                    "commodity": metal,
                    "year": int(year),
                    "segment": max(s for s in starts if s <= year),
                    "break_countries": named,
                    "break_weight": weight if named else float("nan"),
                }
            )
    return pd.DataFrame(rows)


def _gaps(d: pd.DataFrame) -> pd.Series:
    """Rows of a country that has no figure in its year (not one held in another row)."""
    k = d[d["value"].notna()]
    known = set(zip(k["commodity"], k["country_code"], k["year"]))
    return (
        (d["area_type"] == "country")
        & d["value"].isna()
        & d["value_max"].isna()
        & ~has_flag(d["flag"], "included")
        & pd.Series(
            [k not in known for k in zip(d["commodity"], d["country_code"], d["year"])],
            index=d.index,
        )
    )


def gap_bounds(dist: pd.DataFrame) -> pd.DataFrame:
    """The rows of a country without a figure, each bounded by the larger of its figures
    in the nearest years before and after (within ``GAP_REACH``); a row without such a
    neighbour stays without a bound. ``gap_years`` names the years a bound comes from."""
    d = dist.assign(gap_years="")
    known = d[d["value"].notna()].groupby(["commodity", "country_code", "year"])["value"].sum()
    for i in d.index[_gaps(d)]:
        metal, code, year = d.at[i, "commodity"], d.at[i, "country_code"], d.at[i, "year"]
        near = []
        for step in (-1, 1):
            for k in range(1, GAP_REACH + 1):
                key = (metal, code, year + step * k)
                if key in known.index:
                    near.append((year + step * k, float(known[key])))
                    break
        if near:
            d.at[i, "value_max"] = max(v for _, v in near)
            d.at[i, "gap_years"] = " and ".join(str(y) for y, _ in near)
    return d


def _gap_rule(dist: pd.DataFrame) -> pd.DataFrame:
    """The HHI range of each year with a country without a figure, under the rule of
    :func:`gap_bounds`; empty where a country has no neighbouring figure."""
    open_years = dist[_gaps(dist)][["commodity", "year"]].drop_duplicates()
    if open_years.empty:
        return pd.DataFrame(columns=["commodity", "year", "gap_rule", "hhi_lower_gap_rule"])
    bounded = gap_bounds(dist).merge(open_years, on=["commodity", "year"])
    conc = concentration(bounded[DIST_COLUMNS], {})
    rows = []
    for r in conc.to_dict("records"):
        g = bounded[(bounded["commodity"] == r["commodity"]) & (bounded["year"] == r["year"])]
        gaps = g[g["gap_years"] != ""]
        said = "; ".join(
            f"{c} 0-{m:,.0f} t (its figures of {n})"
            for c, m, n in zip(gaps["country_code"], gaps["value_max"], gaps["gap_years"])
        )
        ruled = r["n_unquantified"] == 0 and WIDE_SMALL not in r["note"]
        why = (
            f"{r['unquantified_countries']} without a figure within {GAP_REACH} years"
            if r["n_unquantified"]
            else "the bounds are large beside the total"
        )
        rows.append(
            {
                "commodity": r["commodity"],
                "year": int(r["year"]),
                "gap_rule": said if ruled else f"no bound by the rule: {why}",
                "hhi_lower_gap_rule": r["hhi_lower"] if ruled else float("nan"),
                "hhi_upper_gap_rule": r["hhi_upper"] if ruled else float("nan"),
                "china_share_min_gap_rule": (
                    r["china_share"] * r["total"] / r["total_max"] if ruled else float("nan")
                ),
            }
        )
    return pd.DataFrame(rows)


# BGS's marks a year's note names (data/bgs_marks.csv): what a country's figure is
MARKED = {
    "stands_in": "another measure standing for production (exports, sales, refined metal)",
    "includes": "a figure that includes more than the series names",
    "part": "a figure of part of the country",
    "basis_doubt": "a figure BGS marks as of another basis",
}


def _marked(dist: pd.DataFrame, years: pd.DataFrame) -> list[str]:
    """Per metal and year, the countries whose figure BGS marks as other than plain."""
    out = []
    for metal, year in zip(years["commodity"], years["year"]):
        rows = dist[(dist["commodity"] == metal) & (dist["year"] == year)]
        said = []
        for flag, words in MARKED.items():
            codes = sorted(set(rows.loc[has_flag(rows["flag"], flag), "country_code"]))
            if codes:
                said.append(f"{';'.join(codes)}: {words} ({flag})")
        out.append("BGS's marks: " + ", ".join(said) if said else "")
    return out


def long_run(bgs: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """One row per planned metal and year: the total, China's share, the leader and the
    HHI range, the year's segment and, where a country has no figure, the range under
    the gap rule (see ``results/stats/data_dictionary.csv``)."""
    dist = bgs_distributions(bgs, plan)
    conc = concentration(dist, {})
    conc = conc.astype({"year": int, "n_listed": int, "n_unquantified": int})
    conc = conc.merge(segments(dist), on=["commodity", "year"], how="left")
    conc["note"] = [
        "; ".join(filter(None, [n, m]))
        for n, m in zip(conc["note"], _marked(dist, conc[["commodity", "year"]]))
    ]
    conc = conc.merge(_gap_rule(dist), on=["commodity", "year"], how="left")
    conc["gap_rule"] = conc["gap_rule"].fillna("")
    return conc.reindex(columns=list(BGS_LONG_RUN.columns)).sort_values(["commodity", "year"])
