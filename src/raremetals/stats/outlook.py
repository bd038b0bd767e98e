"""The paper's twenty-year horizon: the IEA's base case for 2030, 2035 and 2040 beside its
2024 data, and beside the paper's 2009.

``iea_outlook`` gives every mineral, stage and year of the IEA's supply sheet the
statistics of every distribution (China's share, the leader, the top-three share, the
HHI range), each year marked ``data`` (2024) or ``projection`` (the base case), never
mixed. ``horizon`` sets, for rare earths, cobalt and lithium, the paper's 2009 (Table 3,
mining; BGS's refined cobalt for the refining of 2009, the one the vendored sources
hold), the IEA's 2024 and its 2030 projection side by side; each row says whether it
is like the 2009 row of its stage (:mod:`raremetals.stats.comparability`): the IEA's
magnet rare earths are not Table 3's rare earths, so no change is stated between them.
"""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.schemas.processing import HORIZON, IEA_OUTLOOK
from raremetals.stats.comparability import Side, verdict
from raremetals.stats.concentration import concentration
from raremetals.stats.processing import iea_distributions

HORIZON_METALS = ("rare_earths", "cobalt", "lithium")
HORIZON_YEARS = (2024, 2030)


def iea_outlook(iea: pd.DataFrame) -> pd.DataFrame:
    """One row per mineral, stage and year of the IEA's supply sheet."""
    dist = pd.concat(
        [iea_distributions(iea, kind=k) for k in ("data", "projection")], ignore_index=True
    )
    conc = concentration(dist, {})
    first = iea.drop_duplicates(["mineral", "stage", "year"]).set_index(
        ["mineral", "stage", "year"]
    )
    rows = []
    for r in conc.to_dict("records"):
        mineral, stage = r["series"].rsplit(", ", 1)
        f = first.loc[(mineral, stage, int(r["year"]))]
        left_out = iea[
            (iea["mineral"] == mineral)
            & (iea["stage"] == stage)
            & (iea["year"] == r["year"])
            & (iea["flag"] == "outside_total")
        ]["country_code"]
        note = "; ".join(
            filter(
                None,
                [
                    r["note"],
                    f"the file's total leaves out {';'.join(left_out)}: shares are of the rows' sum"
                    if len(left_out)
                    else "",
                ],
            )
        )
        rows.append(
            {
                "mineral": mineral,
                "commodity": f["commodity"],
                "what": f["what"],
                "stage": stage,
                "year": int(r["year"]),
                "kind": f["kind"],
                "scenario": f["scenario"],
                "basis": r["basis"],
                "unit": r["unit"],
                "total": r["total"],
                "china_share": r["china_share"],
                "leader": r["cr1_country"],
                "leader_share": r["cr1"],
                "top3_share": r["cr3"],
                "top3_countries": r["cr3_countries"],
                "hhi_lower": r["hhi_lower"],
                "hhi_upper": r["hhi_upper"],
                "note": note,
            }
        )
    out = pd.DataFrame(rows).reindex(columns=list(IEA_OUTLOOK.columns))
    return out.sort_values(["mineral", "stage", "year"], kind="stable")


def _row(commodity, stage, year, kind, scenario, publisher, what, r, bound=False) -> dict:
    return {
        "commodity": commodity,
        "stage": stage,
        "year": year,
        "kind": kind,
        "scenario": scenario,
        "publisher": publisher,
        "what": what,
        "china_share": r["china_share"],
        "china_share_bound": "at most" if bound and r["china_share"] == r["china_share"] else "",
        "top3_share": r["cr3"] if not bound else math.nan,
        "hhi_lower": r["hhi_lower"],
        "hhi_upper": r["hhi_upper"],
    }


def horizon(
    outlook: pd.DataFrame, series: pd.DataFrame, bgs_processing: pd.DataFrame
) -> pd.DataFrame:
    """2009, 2024 and 2030 side by side for the metals of ``HORIZON_METALS`` (see the
    module docstring). ``series`` is ``concentration_series`` (the paper's 2009 in it);
    ``bgs_processing`` the statistics of BGS's processing series by year."""
    rows = []
    for metal in HORIZON_METALS:
        paper = series[
            (series["commodity"] == metal)
            & (series["dataset"] == "paper_table3")
            & (series["measure"] == "production")
        ]
        for r in paper.to_dict("records"):
            bound = bool(r["total_is_lower_bound"])
            rows.append(_row(metal, "mining", 2009, "data", "", "USGS (Table 3)", metal, r, bound))
        refined = bgs_processing[
            (bgs_processing["commodity"] == metal)
            & (bgs_processing["year"] == 2009)
            & (bgs_processing["dataset"] == "bgs")
        ]
        for r in refined.to_dict("records"):
            bound = bool(r["total_is_lower_bound"])
            rows.append(_row(metal, "refining", 2009, "data", "", "BGS", metal, r, bound))
        ahead = outlook[(outlook["commodity"] == metal) & outlook["year"].isin(HORIZON_YEARS)]
        for r in ahead.to_dict("records"):
            stats = {**r, "cr3": r["top3_share"]}
            rows.append(
                _row(
                    metal, r["stage"], r["year"], r["kind"], r["scenario"], "IEA", r["what"], stats
                )
            )
    out = pd.DataFrame(rows)
    out["like_2009"] = [_against_2009(out, r) for r in out.to_dict("records")]
    out = out.reindex(columns=list(HORIZON.columns))
    return out.sort_values(["commodity", "stage", "year"], kind="stable")


def _against_2009(table: pd.DataFrame, r: dict) -> str:
    """Whether a row is like its stage's 2009 row ("" for the 2009 row itself)."""
    if r["year"] == 2009:
        return ""
    base = table[
        (table["commodity"] == r["commodity"])
        & (table["stage"] == r["stage"])
        & (table["year"] == 2009)
    ]
    if base.empty:
        return "no 2009 row"
    v = verdict(Side(base["what"].iloc[0]), Side(r["what"]))
    return "yes" if v.like else f"no: {v.why}"
