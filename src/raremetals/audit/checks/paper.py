"""Checks that read the paper itself: a cell of its Table 3, or its other claims."""

from __future__ import annotations

import re

from raremetals.audit.checks.base import Allowed, Sources, ref
from raremetals.audit.evidence import Listed, Local, Said, say
from raremetals.audit.rounding import printed_step, share_range


def t3_value(src: Sources, a, claim):
    cell = src.t3_cell(a["symbol"], a["field"], a.get("rank"))
    note: Said | str = ""
    if cell["correction_id"]:
        note = say(
            "t3_corrected",
            printed=f"{cell['value_printed']:,.0f}",
            correction=cell["correction_id"],
        )
    return cell["value"], say("t3_value", value=f"{cell['value']:,.0f}", note=note), ref(cell)


def t3_share(src: Sources, a, claim):
    world = src.t3_world(a["symbol"], a["measure"])
    listed = src.t3_listed(a["symbol"], a["measure"])
    country = listed[listed["country_code"] == a["country"]]
    if len(country) != 1:
        raise LookupError(f"{a['country']} is not listed for {a['symbol']} {a['measure']}")
    c = country.iloc[0]
    share = 100 * c["value"] / world["value"]
    return (
        share,
        say(
            "t3_share",
            country=_country(c),
            value=f"{c['value']:,.0f}",
            world=f"{world['value']:,.0f}",
            share=f"{share:.1f}",
        ),
        f"{ref(c)}; {ref(world)}",
        _printed_range(c, world),
    )


def _printed_range(part, whole) -> Allowed | None:
    """The shares Table 3's figures allow as printed, rounded (none for a corrected cell:
    its printed digits are not the figure's)."""
    if part["correction_id"] or whole["correction_id"]:
        return None
    steps = [printed_step(r["value_as_printed"], r["unit_as_printed"]) for r in (part, whole)]
    low, high = share_range(part["value"], steps[0], whole["value"], steps[1])
    return Allowed(
        low,
        high,
        say(
            "t3_rounded",
            part=part["value_as_printed"],
            part_step=f"{steps[0]:,.0f}",
            whole=whole["value_as_printed"],
            whole_step=f"{steps[1]:,.0f}",
            low=f"{low:.1f}",
            high=f"{high:.1f}",
        ),
    )


def _country(row) -> Local:
    return Local({"en": row["country"], "ja": row["country_ja"]})


def t3_rank(src: Sources, a, claim):
    listed = src.t3_listed(a["symbol"], a["measure"])
    if a.get("countries_only"):
        listed = listed[listed["area_type"] == "country"]
    order = listed.sort_values("value", ascending=False)["country_code"].tolist()
    if a["country"] not in order:
        raise LookupError(f"{a['country']} not ranked")
    rank = order.index(a["country"]) + 1
    return (
        rank,
        say("t3_rank", order=Listed(order)),
        "; ".join(ref(r) for r in listed.to_dict("records")),
    )


def t3_japan_share(src: Sources, a, claim):
    t = src.t3[
        (src.t3["symbol"] == a["symbol"])
        & (src.t3["field"] == "japan_import_share_rank")
        & (src.t3["country_code"] == a["country"])
    ]
    cell = src.one(t, "Table 3 Japan column")
    return (
        cell["value"],
        say("t3_japan_share", country=_country(cell), share=f"{cell['value']:g}"),
        ref(cell),
    )


def t3_at_most(src: Sources, a, claim):
    """The most Table 3 leaves for the claim's countries together: the world total less
    the other listed countries, and no more than each listed member's own value plus,
    for each member Table 3 does not list, the smallest value it lists (an unlisted
    country ranks below the top three)."""
    members = a["countries"].split("+")
    world = src.t3_world(a["symbol"], a["measure"])
    listed = src.t3_listed(a["symbol"], a["measure"])
    inside = listed[listed["country_code"].isin(members)]
    others = listed[~listed["country_code"].isin(members)]
    unlisted = [m for m in members if m not in set(inside["country_code"])]
    smallest = listed["value"].min()
    residual = world["value"] - others["value"].sum()
    by_rank = inside["value"].sum() + smallest * len(unlisted)
    bound = min(residual, by_rank)
    refs = "; ".join(ref(r) for r in listed.to_dict("records")) + f"; {ref(world)}"
    parts = [
        say("t3_member", country=r["country_code"], value=f"{r['value']:,.0f}")
        for r in inside.to_dict("records")
    ]
    parts += [say("t3_unlisted", country=m, value=f"{smallest:,.0f}") for m in unlisted]
    return (
        bound,
        say(
            "t3_at_most",
            bound=f"{bound:,.0f}",
            members=" + ".join(members),
            world=f"{world['value']:,.0f}",
            residual=f"{residual:,.0f}",
            parts=Listed(parts, "plus"),
            by_rank=f"{by_rank:,.0f}",
        ),
        refs,
    )


def t3_us_nir(src: Sources, a, claim):
    symbols = a["symbols"].split("|")
    cells = [src.t3_cell(s, "us_net_import_reliance") for s in symbols]
    values = {s: c["value"] for s, c in zip(symbols, cells)}
    unchecked = a.get("unchecked", "").replace("|", ", ")
    return (
        values,
        say(
            "t3_us_nir",
            values=", ".join(f"{s} {v:g}%" for s, v in values.items()),
            rest=say("t3_us_nir_rest", unchecked=unchecked) if unchecked else "",
        ),
        "; ".join(ref(c) for c in cells),
    )


def arith(src: Sources, a, claim):
    expr = a["expr"]
    ids = sorted(set(re.findall(r"C\d{3}", expr)))
    env = {i: src.claim_value(i) for i in ids}
    value = eval(expr, {"__builtins__": {}}, env)  # noqa: S307 (expressions from our own table)
    return (
        value,
        say(
            "arith",
            expr=expr,
            values=", ".join(f"{i} = {v:g}" for i, v in env.items()),
            value=f"{value:g}",
        ),
        "claims.csv",
    )


CHECKS = {
    "t3_value": t3_value,
    "t3_share": t3_share,
    "t3_rank": t3_rank,
    "t3_japan_share": t3_japan_share,
    "t3_at_most": t3_at_most,
    "t3_us_nir": t3_us_nir,
    "arith": arith,
}
