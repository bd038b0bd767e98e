"""Checks against the second publisher: BGS World Mineral Statistics for 2009, as
``results/audit/table3_against_bgs.csv`` sets it beside Table 3 cell by cell."""

from __future__ import annotations

from raremetals.audit.checks.base import NotCheckable, Sources
from raremetals.audit.evidence import Listed, Said, from_json, say

COMPARED = {"agree", "close", "differ"}


def _cell(src: Sources, commodity: str, country: str) -> dict:
    r = src.one(src.bgs, "table3_against_bgs", commodity=commodity, country_code=country)
    if r["agreement"] not in COMPARED:
        raise NotCheckable(
            say(
                "bgs_not_compared",
                agreement=say(f"agreement.{r['agreement']}"),
                why=from_json(r["why_said"]),
            )
        )
    return r


def _ref(r) -> str:
    return f"{r['bgs_file']}:{r['bgs_row']}" if r["bgs_file"] else "BGS: the countries' sum"


def _said(r) -> Said:
    return say(
        "bgs",
        series=r["bgs_series"],
        name=say("bgs_world") if r["country_code"] == "WLD" else r["country_code"],
        value=f"{r['bgs_value']:,.0f}",
        estimate=" (e)" if "e" in str(r["bgs_flag"]).split(";") else "",
        table3=f"{r['table3_value']:,.0f}",
        agreement=say(f"agreement.{r['agreement']}"),
        why=from_json(r["why_said"]),
    )


def bgs_value(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    return float(r["bgs_value"]), _said(r), _ref(r)


def bgs_share(src: Sources, a, claim):
    r, world = _cell(src, a["commodity"], a["country"]), _cell(src, a["commodity"], "WLD")
    share = 100 * r["bgs_value"] / world["bgs_value"]
    return (
        share,
        say("bgs_share", said=_said(r), world=f"{world['bgs_value']:,.0f}", share=f"{share:.1f}"),
        f"{_ref(r)}; {_ref(world)}",
    )


def bgs_series_value(src: Sources, a, claim):
    """A country's figure in one BGS series and year, any year BGS covers (not only
    Table 3's 2009), with the mark BGS gives it."""
    r = src.one(
        src.bgs_production,
        "BGS production",
        series=a["series"],
        year=a["year"],
        country_code=a["country"],
    )
    # an estimate in words; another mark by its code (core.vocab.FLAG_ORDER)
    marks = [say("estimate") if f == "e" else f for f in str(r["flag"]).split(";") if f]
    return (
        float(r["value"]),
        say(
            "bgs_series",
            series=r["series"],
            year=r["year"],
            country=r["country"],
            value=f"{float(r['value']):,.0f}",
            marks=say("marks", marks=Listed(marks)) if marks else "",
        ),
        f"{r['file']}:{r['row']}",
    )


CHECKS = {"bgs_value": bgs_value, "bgs_share": bgs_share, "bgs_series_value": bgs_series_value}
# checks of the same figure by another publisher: one that holds within the claim's own
# tolerance makes the claim's evidence independent of the paper (claims.add_later_evidence)
SAME_FIGURE = set(CHECKS)
