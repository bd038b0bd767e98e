"""World Mining Data as a third publisher's series, 2007-2015: China's share, the leader
and the HHI of each of the paper's metals WMD has a table for, year by year from the best
volume for the year (the latest that gives it), computed by the functions every
distribution here goes through (:func:`raremetals.stats.concentration.concentration`).

WMD's world is its Total, the sum of the figures it prints, so each index is one value,
not a range. A country its table lists without a figure for a year is named in
``blank_countries`` and given no number: such a blank stands only before a country's first
figure or after its last in a volume (a mine not yet, or no longer, producing; WMD's own
total and index leave it out), since a blank between two figures would be an unknown and
stops the reading (:mod:`raremetals.clean.wmd_pdf`). Russia's two parts are one country.

Whether a year of WMD may stand beside the USGS's on one axis is decided once, by the
audit's rule (:mod:`raremetals.audit.checks.wmd`): ``tonnage`` where WMD weighs what the
USGS weighs; ``share`` where both weigh one element's content (as element or oxide: its
shares are the same); empty otherwise (chromium: Cr2O3 content against chromite's gross
weight), and such a series is not drawn with the USGS's.
"""

from __future__ import annotations

import math

import pandas as pd

from raremetals.core.schemas.wmd import WMD_SERIES
from raremetals.stats.concentration import concentration, join_codes
from raremetals.stats.distributions import DIST_COLUMNS

DATASET = "wmd"
# the USGS's bases under which a share of one element's content is the element's share
CONTENT = ("element content", "REO equivalent")


def compares(wmd_usgs_basis: str, content_of: str, usgs_basis: str) -> str:
    """``tonnage``, ``share`` or empty: what of WMD's figures may stand beside the USGS's."""
    if wmd_usgs_basis and wmd_usgs_basis == usgs_basis:
        return "tonnage"
    if content_of and usgs_basis in CONTENT:
        return "share"
    return ""


def wmd_distributions(rows: pd.DataFrame) -> pd.DataFrame:
    """The best volume's figures of each metal and year as distributions; blanks left out."""
    best = rows[rows["best"] & (rows["commodity"] != "") & rows["value"].notna()]
    d = best.assign(
        dataset=DATASET,
        edition="vol. " + best["volume"].astype(str),
        series=best["heading"],
        measure="production",
        stage="mine",
        unit="t",
        value_max=math.nan,
        row=0,  # a PDF has pages and lines, kept in ``where`` of the tidy table
    )
    return d[DIST_COLUMNS].reset_index(drop=True)


def wmd_series(rows: pd.DataFrame, usgs_bases: dict[str, str]) -> pd.DataFrame:
    """One row per metal and year 2007-2015 (see the module docstring)."""
    conc = concentration(wmd_distributions(rows), {})
    best = rows[rows["best"] & (rows["commodity"] != "")]
    blank = (
        best[best["value"].isna()]
        .groupby(["commodity", "year"])["country_code"]
        .agg(lambda c: join_codes(sorted(set(c))))
        .rename("blank_countries")
    )
    meta = best.groupby(["commodity", "year"])[["volume", "usgs_basis", "content_of"]].first()
    conc = conc.join(meta, on=["commodity", "year"]).join(blank, on=["commodity", "year"])
    conc["blank_countries"] = conc["blank_countries"].fillna("")
    conc["compares_with_usgs"] = [
        compares(u, c, usgs_bases.get(m, ""))
        for u, c, m in zip(conc["usgs_basis"], conc["content_of"], conc["commodity"])
    ]
    conc["hhi"] = conc["hhi_lower"]
    out = conc.reindex(columns=list(WMD_SERIES.columns))
    return out.sort_values(["commodity", "year"], kind="stable").reset_index(drop=True)
