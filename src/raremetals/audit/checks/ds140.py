"""Checks that read USGS Data Series 140: US rare-earth output and unit values."""

from __future__ import annotations

import pandas as pd

from raremetals.audit.checks.base import NotCheckable, Sources
from raremetals.audit.evidence import Listed, say
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
        known = found is not None and found == found
        raise NotCheckable(
            say(
                "ds140_no_stop",
                year=year,
                found=say("ds140_not_zero", value=f"{found:,.0f}") if known else say("no_number"),
            )
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
        raise NotCheckable(
            say(
                "ds140_flag",
                statistic=say(f"ds140.{a['statistic']}"),
                year=a["year"],
                flag=row["flag"],
            )
        )
    return (
        float(row["value"]),
        say(
            "ds140_value",
            statistic=say(f"ds140.{a['statistic']}"),
            year=a["year"],
            value=f"{row['value']:,.0f}",
            unit=row["unit"],
        ),
        f"{row['file']}:{row['row']}",
    )


def ds140_stop(src: Sources, a, claim):
    """The first year of the run of zero US output that holds the claimed year."""
    us = _us_output(src)
    start, end = _zero_run(us, int(claim.value))
    return (
        float(start),
        say(
            "ds140_stop",
            before=f"{us[start - 1]:,.0f}",
            last=start - 1,
            start=start,
            end=end,
            after=f"{us.get(end + 1, float('nan')):,.0f}",
            next=end + 1,
        ),
        _ds140ref(src, range(start - 1, end + 2)),
    )


def ds140_restart(src: Sources, a, claim):
    """The first year with US output after the run of zero output that holds ``during``."""
    us = _us_output(src)
    start, end = _zero_run(us, int(a["during"]))
    return (
        float(end + 1),
        say(
            "ds140_restart",
            start=start,
            end=end,
            after=f"{us.get(end + 1, float('nan')):,.0f}",
            next=end + 1,
        ),
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
            say(
                "ds140_price_range",
                first=lo,
                last=hi,
                low=f"{p.min():,.0f}",
                low_year=p.idxmin(),
                high=f"{p.max():,.0f}",
                high_year=p.idxmax(),
                factor=f"{p.max() / p.min():.1f}",
                change=f"{changes.max():.0%}",
                change_year=changes.idxmax(),
            )
        )
    raise NotCheckable(say("ds140_prices", ranges=Listed(parts, "parts")))


CHECKS = {
    "ds140_value": ds140_value,
    "ds140_stop": ds140_stop,
    "ds140_restart": ds140_restart,
    "ds140_price_ranges": ds140_price_ranges,
}
