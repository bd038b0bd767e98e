"""Table 3's 2009 production against a second publisher: the world total and the three
largest producers of each metal, cell by cell, against BGS World Mineral Statistics for
2009.

Table 3 quotes USGS's Mineral Commodity Summaries 2010, whose 2009 figures were first
estimates printed a month after the year ended; BGS compiled its figures later. So the two
are expected to differ by revision, and by coverage (BGS gives no world total: its world
is the sum of its countries, a lower bound where a country has no figure). The rule:

- a metal is compared only where BGS has a series of the basis USGS weighs (the basis
  the USGS rows of the best series state for the metal's production; BGS's series from
  ``data/long_run_series.csv``). Otherwise every cell
  is ``bases differ`` (manganese: USGS weighs manganese content, BGS ore in gross weight)
  or ``no series`` (lithium: BGS gives it only by form), with the reason;
- a compared cell ``agree``s when the two figures are within 5% of each other, is
  ``close`` within 20%, and ``differ``s beyond; a country Table 3 ranks that BGS gives no
  figure is ``not in BGS``;
- ``why`` names what the rows show: BGS's estimate flag, a BGS world that is a lower
  bound, a rank BGS gives otherwise, and always the vintage (MCS 2010's first estimate).

No status of the audit changes by this table alone: Table 3's errata statuses concern
what the paper printed against what it quotes (MCS 2010), which BGS is not; how a claim's
evidence class may change is ``claims.add_later_evidence``'s rule.
"""

from __future__ import annotations

import pandas as pd

from raremetals.audit.evidence import Listed, Noted, basis, say, then
from raremetals.core.schemas.audit import TABLE3_AGAINST_BGS
from raremetals.stats.long_run import bgs_distributions
from raremetals.stats.second_source import TOTALS_AGREE as AGREE
from raremetals.stats.second_source import TOTALS_CLOSE as CLOSE
from raremetals.stats.second_source import usgs_bases

FIELDS = ("world_production_2009", "production_rank")
VINTAGE = say("bgs_vintage")


def _bgs_year(bgs: pd.DataFrame, plan: pd.DataFrame, year: int) -> pd.DataFrame:
    dist = bgs_distributions(bgs[bgs["year"] == year], plan.assign(first_year=str(year)))
    dist = dist[dist["year"] == year].copy()
    dist["rank"] = dist.groupby("commodity")["value"].rank(ascending=False, method="min")
    return dist


def _until(year: int):
    return lambda first: first != "" and int(first) <= year


def _class(ratio: float) -> str:
    off = abs(ratio - 1)
    return "agree" if off <= AGREE else "close" if off <= CLOSE else "differ"


def _world(rows: pd.DataFrame) -> tuple[float, bool]:
    """BGS's world for a metal: the countries' sum, and whether it is a lower bound."""
    return float(rows["value"].sum()), bool(rows["value"].isna().any())


def _compared(cell: dict, code: str, rows: pd.DataFrame) -> dict:
    why = [VINTAGE]
    if code == "WLD":
        value, lower = _world(rows)
        found: dict[str, object] = {
            "bgs_flag": "",
            "bgs_rank": None,
            "bgs_file": "",
            "bgs_row": None,
        }
        if lower:
            why.append(say("bgs_lower_bound"))
    else:
        hit = rows[rows["country_code"] == code]
        if hit.empty or hit["value"].isna().all():
            return {**cell, "agreement": "not in BGS", "why": say("bgs_no_figure", code=code)}
        b = hit.iloc[0]
        value = float(b["value"])
        found = {
            "bgs_flag": b["flag"],
            "bgs_rank": int(b["rank"]),
            "bgs_file": b["file"],
            "bgs_row": int(b["row"]),
        }
        if "e" in b["flag"].split(";"):
            why.append(say("bgs_estimate"))
        if "basis_doubt" in b["flag"].split(";"):
            # BGS's own mark: the figure is not what the series weighs (data/bgs_marks.csv)
            ratio = cell["table3_value"] / value if value else float("nan")
            return {
                **cell,
                **found,
                "bgs_value": value,
                "ratio": ratio,
                "agreement": "bases differ",
                "why": say("bgs_basis_doubt", code=code),
            }
        if cell["rank"] is not None and int(b["rank"]) != cell["rank"]:
            why.append(say("bgs_ranks", code=code, rank=int(b["rank"])))
    ratio = cell["table3_value"] / value if value else float("nan")
    return {
        **cell,
        **found,
        "bgs_value": value,
        "ratio": ratio,
        "agreement": _class(ratio),
        "why": Listed(why, "clauses"),
    }


def table3_against_bgs(
    table3: pd.DataFrame, bgs: pd.DataFrame, plan: pd.DataFrame, best: pd.DataFrame
) -> pd.DataFrame:
    """One row per Table 3 production cell (world, ranks 1-3) of each metal BGS covers,
    with BGS's 2009 figure and an agreement class (see the module docstring)."""
    bases = usgs_bases(best)
    year = 2009
    # a series that starts after 2009 (lithium content, 2012) has nothing to compare
    plan = plan.assign(series=plan["series"].where(plan["first_year"].map(_until(year)), ""))
    dist = _bgs_year(bgs, plan[plan["series"] != ""], year)
    rows = []
    for p in plan.to_dict("records"):
        metal = p["commodity"]
        cells = table3[
            (table3["commodity"] == metal) & table3["field"].isin(FIELDS) & table3["value"].notna()
        ]
        series = dist[dist["commodity"] == metal]
        bgs_basis = series["basis"].iloc[0] if len(series) else ""
        for c in cells.to_dict("records"):
            rank = None if pd.isna(c["rank"]) else int(c["rank"])
            # a tie Table 3 prints as one cell ("CHN+RUS") is each country's figure
            for code in c["country_code"].split("+"):
                cell = {
                    "commodity": metal,
                    "field": c["field"],
                    "rank": rank,
                    "country_code": code,
                    "table3_value": float(c["value"]),
                    "unit": c["unit"],
                    "bgs_series": p["series"],
                    "bgs_basis": bgs_basis,
                    "usgs_basis": bases.get(metal, ""),
                    "table3_file": c["file"],
                    "table3_row": int(c["row"]),
                }
                if not p["series"]:
                    since = [say("series_from", year=p["first_year"])] if p["first_year"] else []
                    why = then(Noted(p["note"]), *since)
                    rows.append({**cell, "agreement": "no series", "why": why})
                elif bases.get(metal) != bgs_basis:
                    usgs = basis(bases.get(metal, ""))
                    said = say("bgs_bases", usgs=usgs, bgs=basis(bgs_basis))
                    rows.append({**cell, "agreement": "bases differ", "why": said})
                else:
                    rows.append(_compared(cell, code, series))
    # the sentences are written out in each language by evidence.with_sentences
    columns = [c for c in TABLE3_AGAINST_BGS.columns if not c.endswith("_said")]
    out = pd.DataFrame(rows).reindex(columns=columns)
    for c in ("bgs_series", "bgs_basis", "usgs_basis", "bgs_flag", "bgs_file"):
        out[c] = out[c].fillna("")
    for c in ("rank", "bgs_rank", "bgs_row"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["commodity", "field", "rank"], na_position="first", kind="stable")
