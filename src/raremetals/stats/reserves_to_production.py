"""Reserves-to-production ratios: world reserves over world production of the same year,
paired within one kind of series."""

from __future__ import annotations

import math
import re

import pandas as pd

from raremetals.stats import measures as stats
from raremetals.stats.second_source import stated_bases

# The words of a series name that say which measure it is, and a unit in brackets: what
# is left names the thing measured ("Mine production: processed" and "Reserves:
# processed" both say "processed"; "Refinery production" says "Refinery").
_MEASURE_WORDS = re.compile(r"\b(?:mine production|production|reserves)\b|\([^)]*tons\)", re.I)


def series_subject(series: str) -> str:
    """What a series name says beside its measure, separators dropped, case kept (MCS 2026
    names "ilmenite" and "Ilmenite" series apart)."""
    return " ".join(re.findall(r"[^\s:,—–-]+", _MEASURE_WORDS.sub(" ", series)))


def _unpaired(d: pd.DataFrame, pairs: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    done = pairs[key].drop_duplicates().assign(_done=True)
    return d.merge(done, on=key, how="left").query("_done != True").drop(columns="_done")


def _pair(res: pd.DataFrame, prod: pd.DataFrame, on: list[str]) -> pd.DataFrame:
    m = res.merge(prod, on=on, suffixes=("_reserves", "_production"))
    return m.rename(columns={"edition_reserves": "edition", "series_reserves": "series"})


def _differ(reserves: str, production: str) -> bool:
    said = stated_bases(reserves), stated_bases(production)
    return all(said) and said[0] != said[1]


def reserves_to_production(conc: pd.DataFrame) -> pd.DataFrame:
    """World reserves over world production of the reserves' year, per series: the
    source's world totals where it gives them (not the share denominator, which may be
    the listed sum), else the sum of its rows. Where that sum leaves out countries named
    without a number it is only a lower bound, and so the ratio is a bound (``rp_bound``):
    at least its value for reserves, at most for production, none for both."""
    conc = conc.assign(total=conc["world_total"].fillna(conc["total"]))
    res = conc[conc["measure"] == "reserves"]
    prod = conc[conc["measure"] == "production"]
    same = res.merge(
        prod,
        on=["dataset", "edition", "commodity", "series", "year"],
        suffixes=("_reserves", "_production"),
    )
    same["edition_production"] = same["edition"]
    # The best series takes a year's reserves and production from different editions
    # where a later one revised the production (2023: reserves of MCS 2024, production of
    # MCS 2025), and MCS 2026 names the two series apart ("Reserves: processed", "Mine
    # production: processed"): the rest are paired by what their names say beside the
    # measure, where that names one series of each, then a commodity with one series of
    # each in the year is paired across them.
    key = ["dataset", "commodity", "year"]
    rest = [_unpaired(d, same, key) for d in (res, prod)]
    rest = [d.assign(subject=d["series"].map(series_subject)) for d in rest]
    unique = [d[d.groupby([*key, "subject"])["series"].transform("size") == 1] for d in rest]
    by_subject = _pair(unique[0], unique[1], [*key, "subject"]).drop(columns="subject")
    rest = [_unpaired(d, by_subject, key).drop(columns="subject") for d in rest]
    single = [d[d.groupby(key)["series"].transform("size") == 1] for d in rest]
    m = pd.concat([same, by_subject, _pair(single[0], single[1], key)], ignore_index=True)
    out = []
    for r in m.to_dict("records"):
        note = ""
        if r["edition_production"] != r["edition"]:
            note = f"production from {r['edition_production']} (the best series); "
        rp: float | None = math.nan
        bound = ""
        open_res, open_prod = (
            r["total_is_lower_bound_reserves"],
            r["total_is_lower_bound_production"],
        )
        if not (r["total_reserves"] > 0 and r["total_production"] > 0):
            note += "reserves or production unknown or zero"
        elif r["unit_reserves"] != r["unit_production"]:
            note += f"units differ ({r['unit_reserves']} vs {r['unit_production']})"
        # "as reported" states nothing: two rows differ only where both state a basis
        # and the bases stated differ (a joined row's wording is not the row's own)
        elif _differ(r["basis_reserves"], r["basis_production"]):
            note += (
                f"bases differ (reserves {r['basis_reserves']}, production {r['basis_production']})"
            )
        elif open_res and open_prod:
            note += (
                "reserves and production are both only lower bounds (countries without a number)"
            )
        else:
            rp = stats.reserves_to_production(r["total_reserves"], r["total_production"])
            bound = "at least" if open_res else "at most" if open_prod else ""
        out.append(
            {
                "dataset": r["dataset"],
                "edition": r["edition"],
                "commodity": r["commodity"],
                "series": r["series"],
                "year": r["year"],
                "reserves": r["total_reserves"],
                "production": r["total_production"],
                "unit": r["unit_production"],
                "basis": r["basis_production"],
                "rp_years": rp,
                "rp_bound": bound,
                "note": note.removesuffix("; "),
                "rp_flag": stats.rp_flag(rp),
            }
        )
    return pd.DataFrame(out)
