"""Import dependency: Japan's import sources (Table 3, 2009) and US net import reliance,
2009 and in each USGS edition."""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.vocab import PAPER_EDITION
from raremetals.stats import measures as stats
from raremetals.stats.concentration import join_codes


def japan_dependency(table3: pd.DataFrame) -> pd.DataFrame:
    """Japan's import sources per metal (Table 3, 2009) with the HHI of the printed shares.

    A source printed without a percentage is listed but has no share; it is part of the
    unassigned remainder, never zero.
    """
    t = table3[table3["field"] == "japan_import_share_rank"]
    out = []
    for commodity, g in t.groupby("commodity", sort=True):
        g = g.sort_values("rank")
        named = g[g["country_code"] != ""]
        printed = named[named["value"].notna()]
        share = {r.country_code: r.value / 100 for r in printed.itertuples()}
        row = {
            "commodity": commodity,
            "symbol": g["symbol"].iloc[0],
            "year": 2009,
            "sources": join_codes(named["country_code"]),
            "shares_pct": join_codes(f"{v:g}" for v in printed["value"]),
            "sources_without_share": join_codes(named.loc[named["value"].isna(), "country_code"]),
            "china_share": share.get("CHN", math.nan)
            if "CHN" in set(named["country_code"])
            else math.nan,
        }
        if share:
            lower, upper = stats.hhi_bounds(list(share.values()))
            row.update(
                listed_share=sum(share.values()),
                unassigned_share=stats.unassigned_share(list(share.values())),
                hhi_lower=lower,
                hhi_upper=upper,
            )
        out.append(row)
    return pd.DataFrame(out)


def us_import_reliance(table3: pd.DataFrame, nir: pd.DataFrame) -> pd.DataFrame:
    """US net import reliance: the paper's 2009 figures (Table 3, footnote 1) and the USGS
    trends tables, one row per commodity and source, codes kept."""
    paper = table3[table3["field"] == "us_net_import_reliance"]
    rows = [
        {
            "commodity": r.commodity,
            "commodity_label": r.symbol,
            "source": PAPER_EDITION,
            "year": 2009,
            "value": r.value,
            "flag": "" if r.value_as_printed else "blank",
            "value_raw": r.value_as_printed,
            "import_sources": "",
            "file": r.file,
            "row": r.row,
        }
        for r in paper.itertuples()
    ]
    rows += [
        {
            "commodity": r.commodity,
            "commodity_label": r.commodity_label,
            "source": r.edition,
            "year": r.year,
            "value": r.value,
            "flag": r.flag,
            "value_raw": r.value_raw,
            "import_sources": r.import_source_codes,
            "file": r.file,
            "row": r.row,
        }
        for r in nir.itertuples()
    ]
    return pd.DataFrame(rows)
