"""The rows of the peer check and the rules that explain a difference (the explanations
of the package's docstring), each a check on the numbers."""

from __future__ import annotations

import math

from raremetals.audit.peer.reading import number

SHARE_POINTS = 1.0  # a share within one percentage point agrees
TOTAL_SAME = 0.02  # totals within 2% agree (both are rounded to two or three digits)


def share_explanation(stated, conc, r, rows_world):
    """Why the stated leading share and the pipeline's differ, or ''."""
    total, world = conc["total"], conc["world_total"]
    leader_prod, stated_world = number(r["leader_prod"]), number(r["world"])
    if leader_prod and stated_world:
        own = 100 * leader_prod / stated_world
        if abs(own - stated) > SHARE_POINTS:
            return "usgs-arithmetic", f"{leader_prod:,.0f} / {stated_world:,.0f} = {own:.1f}%"
    if (
        conc["total_source"] != "world total row"
        and not math.isnan(world)
        and abs(100 * conc["cr1"] * total / world - stated) <= SHARE_POINTS
    ):
        return "denominator", (
            f"of the world total {world:,.0f} the pipeline's leader holds "
            f"{100 * conc['cr1'] * total / world:.1f}%; the pipeline divides by the listed "
            f"sum {total:,.0f}, above it"
        )
    if "excludes u.s." in r["world_notes"].lower():
        return "excludes-us", f"the table's world total excludes US production ({r['world']})"
    if stated_world and rows_world and abs(stated_world / rows_world - 1) > TOTAL_SAME:
        return "revision", (
            f"the table's world total {stated_world:,.0f} is not the world table's "
            f"{rows_world:,.0f}"
        )
    if conc["total_is_lower_bound"]:
        return "open-total", "the world table's total is only a lower bound"
    return "", ""


def statement_row(base, series, statement, states, mine, difference, agrees, why=("", "")):
    return {
        **base,
        "series": series,
        "statement": statement,
        "usgs_states": states,
        "pipeline": mine,
        "difference": difference,
        "agreement": "agrees" if agrees else ("differs, explained" if why[0] else "differs"),
        "explanation": f"{why[0]}: {why[1]}" if why[0] else "",
    }


def nir_explanation(stated: str, fig2: str) -> tuple[str, str]:
    """Why two statements of the same net import reliance differ, or ('', '')."""
    if fig2[:1] in "<>" and fig2[1:] == stated:
        return "bound-sign", f"Fig. 3 prints the bound {fig2} without its sign"
    return "", ""
