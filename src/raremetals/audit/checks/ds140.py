"""Checks that read USGS Data Series 140: US rare-earth output and unit values."""

from __future__ import annotations

import pandas as pd

from raremetals.audit.checks.base import NotCheckable, Sources
from raremetals.stats.series import zero_run


def _us_output(src: Sources) -> pd.Series:
    ds140 = src.given("ds140")
    d = ds140[ds140["statistic"] == "us_production"]
    return d.set_index("year")["value"]


def _zero_run(us: pd.Series, year: int) -> tuple[int, int]:
    """First and last year of the run of zero US output that holds ``year``."""
    run = zero_run(us, year)
    if run is None:
        found = us.get(year)
        raise NotCheckable(
            f"USGS DS 140 gives US rare-earth production in {year} as "
            + (f"{found:,.0f} t, not zero" if found == found and found is not None else "no number")
            + ": the data show no stop that year"
        )
    return run


def _ds140ref(src: Sources, years, statistic="us_production") -> str:
    ds140 = src.given("ds140")
    d = ds140[(ds140["statistic"] == statistic) & ds140["year"].isin(list(years))]
    rows = sorted(set(d["row"]))
    return f"{d['file'].iloc[0]}:rows {rows[0]}-{rows[-1]}"


def ds140_value(src: Sources, a, claim):
    row = src.one(src.ds140, "DS 140", year=a["year"], statistic=a["statistic"])
    if pd.isna(row["value"]):
        raise NotCheckable(f"USGS DS 140 gives {a['statistic']} {a['year']} as {row['flag']}")
    return (
        float(row["value"]),
        f"USGS DS 140 gives {a['statistic'].replace('_', ' ')} in {a['year']} as "
        f"{row['value']:,.0f} {row['unit']}",
        f"{row['file']}:{row['row']}",
    )


def ds140_stop(src: Sources, a, claim):
    """The first year of the run of zero US output that holds the claimed year."""
    us = _us_output(src)
    start, end = _zero_run(us, int(claim.value))
    return (
        float(start),
        f"USGS DS 140 gives US rare-earth production of {us[start - 1]:,.0f} t in "
        f"{start - 1}, zero from {start} to {end} and {us.get(end + 1, float('nan')):,.0f} t "
        f"in {end + 1}",
        _ds140ref(src, range(start - 1, end + 2)),
    )


def ds140_restart(src: Sources, a, claim):
    """The first year with US output after the run of zero output that holds ``during``."""
    us = _us_output(src)
    start, end = _zero_run(us, int(a["during"]))
    return (
        float(end + 1),
        f"USGS DS 140 gives US rare-earth production of zero from {start} to {end} and "
        f"{us.get(end + 1, float('nan')):,.0f} t in {end + 1}",
        _ds140ref(src, range(start, end + 2)),
    )


def ds140_price_ranges(src: Sources, a, claim):
    """What the unit values (1998 dollars) say about a period of stable prices: their
    range before and after the claimed turn; "stable" sets no measure to check."""
    ds140 = src.given("ds140")
    d = ds140[ds140["statistic"] == "unit_value_1998usd"].dropna(subset=["value"])
    turn, first, last = int(a["turn"]), int(a["first"]), int(a["last"])
    parts = []
    for lo, hi in ((first, turn - 1), (turn, last)):
        p = d[(d["year"] >= lo) & (d["year"] <= hi)].set_index("year")["value"]
        changes = p.pct_change().abs().dropna()
        parts.append(
            f"{lo}-{hi}: from {p.min():,.0f} ({p.idxmin()}) to {p.max():,.0f} ({p.idxmax()}), "
            f"a factor of {p.max() / p.min():.1f}; the largest change in a year "
            f"{changes.max():.0%} ({changes.idxmax()})"
        )
    raise NotCheckable(
        "'Stable' sets no measure to check. USGS DS 140's unit value (1998 US$/t) ranged "
        + "; ".join(parts)
        + ". Unit values are of US trade and consumption, not a market price"
    )


CHECKS = {
    "ds140_value": ds140_value,
    "ds140_stop": ds140_stop,
    "ds140_restart": ds140_restart,
    "ds140_price_ranges": ds140_price_ranges,
}
