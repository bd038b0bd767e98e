"""Checks against the third publisher: World Mining Data's best figures for 2009, as
``results/audit/table3_three_ways.csv`` sets them beside Table 3 cell by cell.

A tonnage compares only where WMD weighs what the USGS weighs. A share compares more
widely: the share of one element's content is the same whether the content is weighed
as the element or as its oxide (WMD's Li2O, Nb2O5, Ta2O5, V2O5 against the USGS's Li, Nb,
Ta, V), never when one side weighs a concentrate or ore (chromium: the USGS's chromite).
A figure WMD takes from the USGS itself (remark b) is not another publisher's: no check
reads it.
"""

from __future__ import annotations

from raremetals.audit.checks.base import NotCheckable, Sources
from raremetals.audit.three_ways import COMPARED, TAKEN_FROM, USGS_ITSELF
from raremetals.stats.third_publisher import CONTENT


def _cell(src: Sources, commodity: str, country: str) -> dict:
    r = src.one(src.wmd, "table3_three_ways", commodity=commodity, country_code=country)
    if r["wmd_agreement"] in ("no series", "not in WMD"):
        raise NotCheckable(f"WMD 2009 does not compare ({r['wmd_agreement']}): {r['wmd_why']}")
    if r["wmd_source"] == USGS_ITSELF:
        raise NotCheckable(f"WMD 2009: {TAKEN_FROM[USGS_ITSELF]}")
    return r


def _ref(r) -> str:
    return f"{r['wmd_where']}" if r["country_code"] != "WLD" else "WMD: the table's Total"


def _said(r) -> str:
    estimate = " (e)" if r["wmd_flag"] == "e" else ""
    name = "the world (its Total)" if r["country_code"] == "WLD" else r["country_code"]
    return (
        f"WMD vol. {r['wmd_volume']} 2009 ({r['wmd_basis']}): {name} "
        f"{r['wmd_value']:,.0f} t{estimate}"
    )


def wmd_value(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    if r["wmd_agreement"] not in COMPARED:
        raise NotCheckable(f"{_said(r)}: {r['wmd_why']}, so the tonnage does not compare")
    said = f"{_said(r)} against Table 3's {r['table3_value']:,.0f} t, {r['wmd_agreement']}"
    return float(r["wmd_value"]), f"{said} ({r['wmd_why']})", _ref(r)


def wmd_share(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    # the rule of stats.third_publisher.compares: the same tonnage, or one element's content
    like = r["wmd_agreement"] in COMPARED or (r["wmd_content_of"] and r["usgs_basis"] in CONTENT)
    if not like:
        raise NotCheckable(f"{_said(r)}: {r['wmd_why']}, so its share does not compare")
    world = _cell(src, a["commodity"], "WLD")
    share = 100 * r["wmd_value"] / world["wmd_value"]
    return (
        share,
        f"{_said(r)} of WMD's world {world['wmd_value']:,.0f} t: {share:.1f}%",
        f"{_ref(r)}; {_ref(world)}",
    )


def wmd_series_value(src: Sources, a, claim):
    """A country's figure for a metal and year in WMD's best volume for the year (any year
    2007-2015, not only Table 3's 2009), with its remark."""
    rows = src.given("wmd_volumes")
    r = src.one(
        rows[rows["best"] & (rows["commodity"] == a["commodity"])],
        "WMD production",
        year=a["year"],
        country_code=a["country"],
    )
    remark = ", ".join(
        filter(None, ["an estimate" if r["flag"] == "e" else r["flag"], f"from {r['source']}"])
    )
    return (
        float(r["value"]),
        f"WMD vol. {r['volume']} ({r['heading']}, {r['year']}): {r['country_raw']} "
        f"{float(r['value']):,.0f} t ({remark})",
        r["where"],
    )


CHECKS = {"wmd_value": wmd_value, "wmd_share": wmd_share, "wmd_series_value": wmd_series_value}
# another publisher's figure for the same year (claims.add_later_evidence)
SAME_FIGURE = set(CHECKS)
