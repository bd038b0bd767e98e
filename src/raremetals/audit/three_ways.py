"""Table 3's 2009 production three ways: the paper's figure (USGS, MCS 2010), BGS's and
World Mining Data's, cell by cell (the world and the three largest producers of each of
the twelve metals), each pair with an agreement class by the rule of
:mod:`raremetals.audit.against_bgs` and what the rows show of why they differ.

WMD's figure is its best for 2009: the latest volume that gives the year (vol. 30, 2015),
with the first (vol. 28, 2013) beside it where it printed another. WMD's world is its
printed Total (every row summed, checked when the PDF is read). The rule for WMD:

- compared only where WMD weighs the tonnage the USGS does (``usgs_basis`` of
  ``data/wmd_volumes.csv``); otherwise ``bases differ`` with both bases named (chromium:
  WMD's Cr2O3 content against the USGS's chromite gross weight; lithium, vanadium,
  niobium, tantalum: the oxide's weight against the element's; the figure is kept, since
  a share of one element's content compares whether it is weighed as element or oxide),
  or ``no series`` where WMD has no table (indium);
- ``agree`` within 5%, ``close`` within 20%, ``differ`` beyond; ``not in WMD`` for a
  country the table does not list or gives no figure for 2009;
- ``why`` names the vintage, WMD's estimate mark, a rank WMD gives otherwise, and a figure
  WMD takes from the USGS itself (its remark's letter b) or from BGS (s): such a figure is
  not a third publisher's, and the audit never counts one taken from the USGS as
  independent evidence.

BGS beside WMD: where both are compared with Table 3 their own ratio is classed the same
way, so a cell where the two later publishers agree with each other and not with Table 3
points at MCS 2010's first estimate.
"""

from __future__ import annotations

import pandas as pd

from raremetals.audit.against_bgs import FIELDS
from raremetals.audit.evidence import Listed, basis, from_json, say
from raremetals.clean.wmd_pdf import SOURCES
from raremetals.core.schemas.audit import TABLE3_THREE_WAYS
from raremetals.stats.second_source import TOTALS_AGREE, TOTALS_CLOSE

YEAR = 2009
COMPARED = {"agree", "close", "differ"}
USGS_ITSELF = SOURCES["b"]
# a figure WMD takes from a publisher compared here is that publisher's, not a third's
TAKEN_FROM = {
    USGS_ITSELF: say("wmd_taken_usgs"),
    SOURCES["s"]: say("wmd_taken_bgs"),
    SOURCES["g"]: say("wmd_taken_bgs_yearbook"),
}


def agreement(ratio: float) -> str:
    off = abs(ratio - 1)
    return "agree" if off <= TOTALS_AGREE else "close" if off <= TOTALS_CLOSE else "differ"


def _wmd_2009(wmd: pd.DataFrame) -> pd.DataFrame:
    """Each metal's countries in 2009 in WMD's best volume, Russia's two parts as one, with
    the rank among them and the first volume's figure."""
    rows = wmd[(wmd["year"] == YEAR) & (wmd["commodity"] != "") & wmd["value"].notna()]
    key = ["commodity", "country_code"]
    keep = ["basis", "usgs_basis", "content_of", "volume", "flag", "source", "where"]

    def joined(column):
        return lambda s: "; ".join(dict.fromkeys(str(v) for v in s if str(v)))

    def per_country(d):
        return d.groupby(key, as_index=False).agg(
            value=("value", "sum"), **{c: (c, joined(c)) for c in keep}
        )

    best = per_country(rows[rows["best"]])
    first = per_country(rows[rows["volume"] == rows["volume"].min()])
    best["rank"] = best.groupby("commodity")["value"].rank(ascending=False, method="min")
    best["volume"] = best["volume"].astype(int)
    return best.merge(
        first[[*key, "value", "volume"]].rename(
            columns={"value": "first_value", "volume": "first_volume"}
        ),
        on=key,
        how="left",
    )


def _wmd_cell(cell: dict, metal: pd.DataFrame) -> dict:
    if metal.empty:
        return {"wmd_agreement": "no series", "wmd_why": say("wmd_no_table")}
    meta = metal.iloc[0]
    found = {
        "wmd_volume": int(meta["volume"]),
        "wmd_basis": meta["basis"],
        "wmd_content_of": meta["content_of"],
    }
    same = meta["usgs_basis"] == cell["usgs_basis"]
    vintage = say("wmd_vintage", volume=int(meta["volume"]))
    if not same:
        # the figure is kept (a share of it may still compare), the tonnage is not
        vintage = say("wmd_bases", usgs=basis(cell["usgs_basis"]), wmd=basis(meta["basis"]))
    if cell["country_code"] == "WLD":
        value = float(metal["value"].sum())
        first = metal["first_value"].sum(min_count=1)
        where, flag, source, rank, why = "WMD: the table's Total", "", "", None, [vintage]
    else:
        hit = metal[metal["country_code"] == cell["country_code"]]
        if hit.empty:
            return {
                **found,
                "wmd_agreement": "not in WMD",
                "wmd_why": say("wmd_no_figure", code=cell["country_code"], year=YEAR),
            }
        h = hit.iloc[0]
        value, first, where = float(h["value"]), h["first_value"], h["where"]
        flag, source, rank, why = h["flag"], h["source"], int(h["rank"]), [vintage]
        if flag == "e":
            why.append(say("wmd_estimate"))
        if source in TAKEN_FROM:
            why.append(TAKEN_FROM[source])
        if cell["rank"] is not None and rank != cell["rank"]:
            why.append(say("wmd_ranks", code=cell["country_code"], rank=rank))
    if pd.notna(first) and first != value:
        why.append(
            say("wmd_first", volume=int(metal["first_volume"].iloc[0]), value=f"{first:,.0f}")
        )
    ratio = cell["table3_value"] / value if value and same else float("nan")
    return {
        **found,
        "wmd_value": value,
        "wmd_flag": flag,
        "wmd_source": source,
        "wmd_rank": rank,
        "wmd_ratio": ratio,
        "wmd_agreement": agreement(ratio) if same else "bases differ",
        "wmd_why": Listed(why, "clauses"),
        "wmd_where": where,
    }


def table3_three_ways(
    table3: pd.DataFrame, against_bgs: pd.DataFrame, wmd: pd.DataFrame, bases: dict[str, str]
) -> pd.DataFrame:
    """One row per Table 3 production cell of 2009 (world, ranks 1-3; a tie printed as
    one cell is each country's), with BGS's figure and class as
    ``results/audit/table3_against_bgs.csv`` gives it and WMD's by the rule above."""
    wmd_2009 = _wmd_2009(wmd)
    bgs = against_bgs.set_index(["commodity", "field", "country_code"])
    cells = table3[table3["field"].isin(FIELDS) & table3["value"].notna()]
    rows = []
    for c in cells.to_dict("records"):
        rank = None if pd.isna(c["rank"]) else int(c["rank"])
        for code in c["country_code"].split("+"):
            cell = {
                "commodity": c["commodity"],
                "field": c["field"],
                "rank": rank,
                "country_code": code,
                "table3_value": float(c["value"]),
                "unit": c["unit"],
                "usgs_basis": bases.get(c["commodity"], ""),
                "table3_file": c["file"],
                "table3_row": int(c["row"]),
            }
            b = (c["commodity"], c["field"], code)
            if b in bgs.index:
                hit = bgs.loc[[b]].iloc[0]
                cell |= {
                    "bgs_value": hit["bgs_value"],
                    "bgs_flag": hit["bgs_flag"],
                    "bgs_agreement": hit["agreement"],
                    "bgs_why": from_json(hit["why_said"]),
                }
            else:
                cell |= {"bgs_agreement": "no series", "bgs_why": say("bgs_not_exported")}
            cell |= _wmd_cell(cell, wmd_2009[wmd_2009["commodity"] == c["commodity"]])
            both = pd.notna(cell.get("bgs_value")) and pd.notna(cell.get("wmd_value"))
            compared = {cell["bgs_agreement"], cell["wmd_agreement"]} <= COMPARED
            if both and compared and cell["wmd_value"]:
                cell["bgs_wmd_agreement"] = agreement(cell["bgs_value"] / cell["wmd_value"])
            rows.append(cell)
    # the sentences are written out in each language by evidence.with_sentences
    columns = [c for c in TABLE3_THREE_WAYS.columns if not c.endswith("_said")]
    out = pd.DataFrame(rows).reindex(columns=columns)
    words = [
        c for c, kind in TABLE3_THREE_WAYS.dtypes.items() if str(kind) == "str" and c in columns
    ]
    out[words] = out[words].fillna("")
    for c in ("rank", "wmd_rank", "wmd_volume", "table3_row"):
        out[c] = out[c].astype("Int64")
    return out.sort_values(["commodity", "field", "rank"], na_position="first", kind="stable")
