"""The way there, year by year: China's share and the HHI of production from BGS World
Mineral Statistics, from the first year a metal's series holds one basis to 2023.

Which BGS series stands for a metal, from which year, is ``data/long_run_series.csv``: one
series of one basis each (rare-earth oxides from 1992, tungsten and cobalt mine
production, manganese ore), never a sum across forms. A metal without such a series is
listed there with the reason and has no rows. Where the plan names ``parts`` (manganese's
grades), a country without a row of the series in a year counts its rows of the parts:
the same ore, in the same gross weight. BGS gives no world totals, so each year's total
is the sum of its countries, and a country without a figure makes it a lower bound (the
HHI then a range), as for the USGS tables.
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.core.schemas.bgs import BGS_LONG_RUN
from raremetals.stats.concentration import concentration
from raremetals.stats.distributions import DIST_COLUMNS, value_max

DATASET = "bgs"


def load_plan(path) -> pd.DataFrame:
    """``data/long_run_series.csv``, each metal once; a metal with a series has a first year."""
    plan = read_reference(path)
    for line, r in enumerate(plan.to_dict("records"), start=2):
        if r["series"] and not r["first_year"].isdigit():
            raise InputError(path, "a first year for a series", r["first_year"], row=line)
        if not r["series"] and not r["note"]:
            raise InputError(path, "the reason a metal has no series", "nothing", row=line)
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
        held = set(zip(main["country_code"], main["year"]))
        standing_in = parts[
            [(c, y) not in held for c, y in zip(parts["country_code"], parts["year"])]
        ]
        frames.append(pd.concat([main, standing_in.assign(series=p["series"])]))
    d = pd.concat(frames, ignore_index=True)
    d = d.assign(dataset=DATASET, edition=DATASET, measure="production")
    # BGS's "more than 0 but less than 0.5" is in tonnes, whatever the series
    d["value_max"] = value_max(d, half=0.5)
    return d[DIST_COLUMNS].reset_index(drop=True)


def long_run(bgs: pd.DataFrame, plan: pd.DataFrame) -> pd.DataFrame:
    """One row per planned metal and year: the total, China's share, the leader and the
    HHI range (see ``results/stats/data_dictionary.csv``)."""
    conc = concentration(bgs_distributions(bgs, plan), {})
    conc = conc.astype({"year": int, "n_listed": int, "n_unquantified": int})
    return conc[list(BGS_LONG_RUN.columns)].sort_values(["commodity", "year"])
