"""Checks against the second publisher: BGS World Mineral Statistics for 2009, as
``results/audit/table3_against_bgs.csv`` sets it beside Table 3 cell by cell."""

from __future__ import annotations

from raremetals.audit.checks.base import NotCheckable, Sources

COMPARED = {"agree", "close", "differ"}


def _cell(src: Sources, commodity: str, country: str) -> dict:
    r = src.one(src.bgs, "table3_against_bgs", commodity=commodity, country_code=country)
    if r["agreement"] not in COMPARED:
        raise NotCheckable(f"BGS 2009 does not compare ({r['agreement']}): {r['why']}")
    return r


def _ref(r) -> str:
    return f"{r['bgs_file']}:{r['bgs_row']}" if r["bgs_file"] else "BGS: the countries' sum"


def _said(r) -> str:
    estimate = " (e)" if "e" in str(r["bgs_flag"]).split(";") else ""
    name = "the world (countries' sum)" if r["country_code"] == "WLD" else r["country_code"]
    return (
        f"BGS 2009 ({r['bgs_series']}): {name} {r['bgs_value']:,.0f} t{estimate} against "
        f"Table 3's {r['table3_value']:,.0f} t, {r['agreement']} ({r['why']})"
    )


def bgs_value(src: Sources, a, claim):
    r = _cell(src, a["commodity"], a["country"])
    return float(r["bgs_value"]), _said(r), _ref(r)


def bgs_share(src: Sources, a, claim):
    r, world = _cell(src, a["commodity"], a["country"]), _cell(src, a["commodity"], "WLD")
    share = 100 * r["bgs_value"] / world["bgs_value"]
    return (
        share,
        f"{_said(r)}; of BGS's world {world['bgs_value']:,.0f} t: {share:.1f}%",
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
    marks = {"e": "an estimate"}
    said = ", ".join(marks.get(f, f) for f in str(r["flag"]).split(";") if f)
    return (
        float(r["value"]),
        f"BGS ({r['series']}, {r['year']}): {r['country']} {float(r['value']):,.0f} t"
        + (f" ({said})" if said else ""),
        f"{r['file']}:{r['row']}",
    )


CHECKS = {"bgs_value": bgs_value, "bgs_share": bgs_share, "bgs_series_value": bgs_series_value}
# checks of the same figure by another publisher: one that holds within the claim's own
# tolerance makes the claim's evidence independent of the paper (claims.add_later_evidence)
SAME_FIGURE = set(CHECKS)
