"""USGS against BGS, side by side: for every metal and year both publishers cover (2009,
through the paper's Table 3, which quotes USGS; 2020-2023, through the USGS best series),
each publisher's world total, China's share and the leader with its share, their ratio
and an agreement class.

The classes, by rule:

- ``bases differ``: the two weigh different things (USGS manganese in manganese content,
  BGS ore in gross weight); the totals are not compared, the shares only shown;
- ``agree``: totals within 5% of each other, China's shares within 2 points, one leader;
- ``close``: totals within 20%, one leader;
- ``differ``: anything else.

Two publishers differ for known reasons: revisions (the paper's 2009 is MCS 2010's
estimate, BGS's a later figure), coverage (countries one lists and the other does not, or
gives without a figure) and basis. The ``why`` column names what the rows show of these.
"""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.schemas.bgs import USGS_BGS

TOTALS_AGREE, TOTALS_CLOSE, SHARES_AGREE = 0.05, 0.20, 0.02


def stated_bases(text: str) -> set[str]:
    """What a row says it weighs ("as reported": it says nothing)."""
    return set(text.split("; ")) - {"as reported", "not stated", ""}


def usgs_bases(usgs: pd.DataFrame) -> dict[str, str]:
    """Each metal's production basis as the USGS rows state it. The paper's Table 3
    states none; it quotes MCS 2010, which weighs a metal as the USGS does, so a
    comparison of Table 3 takes the metal's USGS basis: one verdict for one pair of
    cells, whichever table sets them side by side."""
    out: dict[str, set[str]] = {}
    production = usgs[usgs["measure"] == "production"]
    for metal, basis in zip(production["commodity"], production["basis"]):
        out.setdefault(metal, set()).update(stated_bases(basis))
    return {metal: "; ".join(sorted(b)) for metal, b in out.items() if b}


def _basis(series: pd.DataFrame, conc: pd.DataFrame) -> pd.Series:
    """Each USGS row's basis, from the concentration table; the paper's, the metal's."""
    key = ["dataset", "edition", "commodity", "series", "year"]
    found = series.merge(
        conc[conc["measure"] == "production"][[*key, "basis"]], on=key, how="left"
    )["basis"].set_axis(series.index)
    metal = series["commodity"].map(usgs_bases(conc[conc["dataset"] == "usgs"]))
    paper = series["dataset"] == "paper_table3"
    return found.where(~paper, metal).fillna("not stated")


def _agreement(r: dict) -> tuple[str, str]:
    usgs, bgs = stated_bases(r["usgs_basis"]), stated_bases(r["bgs_basis"])
    paper = "; Table 3 states no basis: the USGS's for the metal"
    paper = paper if r["usgs_source"] == "paper_table3" else ""
    if usgs and usgs != bgs:
        return "bases differ", f"USGS weighs {r['usgs_basis']}, BGS {r['bgs_basis']}{paper}"
    why = ([paper[2:]] if paper else []) + ([] if usgs else ["USGS states no basis"])
    if r["bgs_total_is_lower_bound"]:
        why.append("BGS lists countries without a figure: its total is a lower bound")
    if r["usgs_china_share"] != r["usgs_china_share"]:
        why.append("USGS gives China no figure")
    off = abs(r["total_ratio"] - 1)
    same_leader = r["usgs_leader"] == r["bgs_leader"]
    points = abs(r["usgs_china_share"] - r["bgs_china_share"])
    if not same_leader:
        why.append("the leaders differ")
    if off <= TOTALS_AGREE and points <= SHARES_AGREE and same_leader:
        return "agree", "; ".join(why)
    return ("close" if off <= TOTALS_CLOSE and same_leader else "differ"), "; ".join(why)


def usgs_against_bgs(
    series: pd.DataFrame, conc: pd.DataFrame, long_run: pd.DataFrame
) -> pd.DataFrame:
    """One row per metal and year both cover (see the module docstring)."""
    usgs = series[series["measure"] == "production"].copy()
    usgs["usgs_basis"] = _basis(usgs, conc)
    both = usgs.merge(long_run, on=["commodity", "year"], suffixes=("_usgs", "_bgs"))
    rows = []
    for b in both.to_dict("records"):
        r = {
            "commodity": b["commodity"],
            "year": b["year"],
            "usgs_source": b["dataset"],
            "usgs_edition": b["edition"],
            "usgs_series": b["series_usgs"],
            "usgs_basis": b["usgs_basis"],
            "bgs_series": b["series_bgs"],
            "bgs_basis": b["basis"],
            "usgs_total": b["total_usgs"],
            "bgs_total": b["total_bgs"],
            "bgs_total_is_lower_bound": bool(b["total_is_lower_bound_bgs"]),
            "total_ratio": b["total_usgs"] / b["total_bgs"] if b["total_bgs"] else math.nan,
            "usgs_china_share": b["china_share_usgs"],
            "bgs_china_share": b["china_share_bgs"],
            "usgs_leader": b["cr1_country_usgs"],
            "bgs_leader": b["cr1_country_bgs"],
            "usgs_leader_share": b["cr1_usgs"],
            "bgs_leader_share": b["cr1_bgs"],
        }
        r["agreement"], r["why"] = _agreement(r)
        rows.append(r)
    out = pd.DataFrame(rows, columns=list(USGS_BGS.columns))
    return out.sort_values(["commodity", "year"]).reset_index(drop=True)
