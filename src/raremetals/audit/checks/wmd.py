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
from raremetals.audit.evidence import Listed, Said, from_json, say
from raremetals.audit.evidence import basis as weighing
from raremetals.audit.three_ways import COMPARED, TAKEN_FROM, USGS_ITSELF
from raremetals.stats.third_publisher import CONTENT


def _cell(src: Sources, commodity: str, country: str) -> dict:
    r = src.one(src.wmd, "table3_three_ways", commodity=commodity, country_code=country)
    if r["wmd_agreement"] in ("no series", "not in WMD"):
        raise NotCheckable(
            say(
                "wmd_not_compared",
                agreement=say(f"agreement.{r['wmd_agreement']}"),
                why=from_json(r["wmd_why_said"]),
            )
        )
    if r["wmd_source"] == USGS_ITSELF:
        raise NotCheckable(say("wmd_from_usgs", taken=TAKEN_FROM[USGS_ITSELF]))
    return r


def _ref(r) -> str:
    return f"{r['wmd_where']}" if r["country_code"] != "WLD" else "WMD: the table's Total"


def _said(r) -> Said:
    return say(
        "wmd",
        volume=r["wmd_volume"],
        basis=weighing(r["wmd_basis"]),
        name=say("wmd_world") if r["country_code"] == "WLD" else r["country_code"],
        value=f"{r['wmd_value']:,.0f}",
        estimate=" (e)" if r["wmd_flag"] == "e" else "",
    )


def wmd_value(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    if r["wmd_agreement"] not in COMPARED:
        raise NotCheckable(
            say("wmd_tonnage_unlike", said=_said(r), why=from_json(r["wmd_why_said"]))
        )
    said = say(
        "wmd_value",
        said=_said(r),
        table3=f"{r['table3_value']:,.0f}",
        agreement=say(f"agreement.{r['wmd_agreement']}"),
        why=from_json(r["wmd_why_said"]),
    )
    return float(r["wmd_value"]), said, _ref(r)


def wmd_share(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    # the rule of stats.third_publisher.compares: the same tonnage, or one element's content
    like = r["wmd_agreement"] in COMPARED or (r["wmd_content_of"] and r["usgs_basis"] in CONTENT)
    if not like:
        raise NotCheckable(say("wmd_share_unlike", said=_said(r), why=from_json(r["wmd_why_said"])))
    world = _cell(src, a["commodity"], "WLD")
    share = 100 * r["wmd_value"] / world["wmd_value"]
    return (
        share,
        say("wmd_share", said=_said(r), world=f"{world['wmd_value']:,.0f}", share=f"{share:.1f}"),
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
    remark = [say("estimate") if r["flag"] == "e" else r["flag"], say("from", source=r["source"])]
    return (
        float(r["value"]),
        say(
            "wmd_series",
            volume=r["volume"],
            heading=r["heading"],
            year=r["year"],
            country=r["country_raw"],
            value=f"{float(r['value']):,.0f}",
            remark=Listed([m for m in remark if m]),
        ),
        r["where"],
    )


CHECKS = {"wmd_value": wmd_value, "wmd_share": wmd_share, "wmd_series_value": wmd_series_value}
# another publisher's figure for the same year (claims.add_later_evidence)
SAME_FIGURE = set(CHECKS)
