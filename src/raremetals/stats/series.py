"""The concentration series: one production (or reserves) distribution per commodity and
year, 2009 (the paper) and every year of the USGS best series (2020-2025), with China's
share, CR1 and CR3 with who, and the HHI range.

Where a commodity has several series in a year (ilmenite and rutile, mine and refinery),
one is taken, the same way every year: the mine stage where there is one, else the
largest total. Years the USGS snapshot covers only in part are said so on the row: the
2020 figures come from MCS 2022, of which 12 commodities could be obtained.
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.schemas.stats import CONCENTRATION_SERIES

COLUMNS = list(CONCENTRATION_SERIES.columns)
PARTIAL_EDITIONS = {
    "mcs2022": "MCS 2022 in part: 12 commodities (cobalt, copper, gallium, germanium, "
    "graphite, lithium, manganese, nickel, platinum-group metals, rare earths, titanium, "
    "tungsten) could be obtained; the other commodities have no 2020 figure"
}


def concentration_series(conc: pd.DataFrame, first_usgs_year: int = 2020) -> pd.DataFrame:
    """One row per commodity x measure x year from ``conc`` (the concentration table):
    the paper's 2009 and the USGS best series from ``first_usgs_year``."""
    d = conc[
        conc["measure"].isin(["production", "reserves"])
        & ((conc["dataset"] == "paper_table3") | (conc["year"] >= first_usgs_year))
    ]
    d = main_series(d, ["commodity", "measure", "year", "dataset"])
    d = d.assign(coverage_note=d["edition"].map(PARTIAL_EDITIONS).fillna(""))
    return d[COLUMNS].reset_index(drop=True)


def main_series(conc: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One distribution (row of the concentration table) per ``keys``, where a commodity
    has several series (ilmenite and rutile, mine and refinery): one with a total before
    one without, then the mine stage where there is one, then the largest total."""
    d = conc.assign(
        _total=conc["total"].notna(),
        _mine=conc["stage"] == "mine",
        _size=conc["total"].fillna(-1),
    ).sort_values(
        [*keys, "_total", "_mine", "_size", "series"],
        ascending=[True] * len(keys) + [False, False, False, True],
    )
    return d.drop_duplicates(keys).drop(columns=["_total", "_mine", "_size"])


def zero_run(values: pd.Series, year: int) -> tuple[int, int] | None:
    """First and last year of the run of zeros (``values`` by year) that holds ``year``;
    None where ``year`` is not zero."""
    if values.get(year) != 0:
        return None
    start = end = year
    while values.get(start - 1) == 0:
        start -= 1
    while values.get(end + 1) == 0:
        end += 1
    return start, end
