"""Checks that read the compiled tables: China's export quotas, GWEC's wind capacity,
SIPRI's military expenditure and the secondary evidence on rare earths."""

from __future__ import annotations

from raremetals.audit.checks.base import NotCheckable, Sources, ref
from raremetals.audit.evidence import say
from raremetals.clean.gwec import UNITS_PER_GW


def _quota_row(src, year, period):
    return src.one(src.quotas, "quotas", year=year, period=period)


def quota(src: Sources, a, claim):
    row = _quota_row(src, a["year"], a["period"])
    said = say("quota", title=row["source_title"], printed=row["value_as_printed"])
    return float(row["value_t"]), said, ref(row)


def quota_change(src: Sources, a, claim):
    old, new = _quota_row(src, a["from"], a["period"]), _quota_row(src, a["to"], a["period"])
    change = 100 * (float(new["value_t"]) / float(old["value_t"]) - 1)
    return (
        change,
        say(
            "quota_change",
            period=say(f"period.{a['period']}"),
            old=f"{float(old['value_t']):,.0f}",
            start=a["from"],
            new=f"{float(new['value_t']):,.0f}",
            end=a["to"],
            change=f"{change:+.1f}",
        ),
        f"{ref(old)}; {ref(new)}",
    )


def _gwec_row(src: Sources, a, region: str):
    """The GWEC row of the check's publication, year and measure for ``region``."""
    return src.one(
        src.gwec,
        "GWEC",
        source_id=a["source_id"],
        region=region,
        year=a["year"],
        measure=a["measure"],
    )


def _secondary_row(src: Sources, a):
    return src.one(
        src.secondary,
        "secondary evidence",
        source_id=a["source_id"],
        country=a["country"],
        measure=a["measure"],
    )


def _gwec_gw(row) -> float:
    value = float(str(row["value"]).lstrip("><"))
    return value / UNITS_PER_GW.get(row["unit"], 1)


def gwec(src: Sources, a, claim):
    row = _gwec_row(src, a, a["region"])
    gw = _gwec_gw(row)
    return (
        gw,
        say(
            "gwec",
            publication=row["publication"],
            region=say(f"place.{a['region']}"),
            measure=say(f"gwec.{a['measure']}"),
            value=row["value"],
            unit=row["unit"],
            gw=f"{gw:g}",
        ),
        ref(row),
    )


def gwec_share(src: Sources, a, claim):
    """A country's share of the world, both from one publication (one vintage: a
    preliminary country figure is never set against a final world total)."""
    part = _gwec_row(src, a, a["region"])
    world = _gwec_row(src, a, "World")
    share = 100 * _gwec_gw(part) / _gwec_gw(world)
    return (
        share,
        say(
            "gwec_share",
            publication=part["publication"],
            region=say(f"place.{a['region']}"),
            part=f"{_gwec_gw(part):g}",
            world=f"{_gwec_gw(world):g}",
            share=f"{share:.2f}",
        ),
        f"{ref(part)}; {ref(world)}",
    )


def _sipri(src, country, year, sheet):
    return src.one(src.sipri, "SIPRI", country=country, year=year, sipri_sheet=sheet)


def sipri_ratio(src: Sources, a, claim):
    old, new = (_sipri(src, a["country"], y, a["sheet"]) for y in (a["from"], a["to"]))
    ratio = float(new["value"]) / float(old["value"])
    cur = [_sipri(src, a["country"], y, "Current US$") for y in (a["from"], a["to"])]
    cur_ratio = float(cur[1]["value"]) / float(cur[0]["value"])
    return (
        ratio,
        say(
            "sipri_ratio",
            sheet=say(f"sipri.{a['sheet']}"),
            start=a["from"],
            end=a["to"],
            ratio=f"{ratio:.2f}",
            current=f"{cur_ratio:.2f}",
        ),
        f"{ref(old)}; {ref(new)}",
    )


def sipri_value(src: Sources, a, claim):
    const = _sipri(src, a["country"], a["year"], "Constant (2023) US$")
    cur = _sipri(src, a["country"], a["year"], "Current US$")
    raise NotCheckable(
        say(
            "sipri_value",
            current=f"{float(cur['value']):,.0f}",
            constant=f"{float(const['value']):,.0f}",
        )
    )


def secondary_share(src: Sources, a, claim):
    row = _secondary_row(src, a)
    world = src.claim_value(a["world"])
    share = 100 * claim.value / world
    return (
        float(row["value"]),
        say(
            "secondary_share",
            source=row["source_id"],
            country=say(f"place.{a['country']}"),
            value=row["value"],
            share=f"{share:.2f}",
            world=f"{world:,.0f}",
        ),
        ref(row),
        share,
    )


def secondary_value(src: Sources, a, claim):
    row = _secondary_row(src, a)
    value = float(str(row["value"]).replace(",", ""))
    shown = f"{value:,.0f}" if value >= 1000 else f"{value:g}"
    return (
        value,
        say(
            "secondary_value",
            source=row["source_id"],
            country=say(f"place.{a['country']}"),
            measure=say(f"secondary.{a['measure']}"),
            value=shown,
            unit=row["unit"],
        ),
        ref(row),
    )


CHECKS = {
    "quota": quota,
    "quota_change": quota_change,
    "gwec": gwec,
    "gwec_share": gwec_share,
    "sipri_ratio": sipri_ratio,
    "sipri_value": sipri_value,
    "secondary_share": secondary_share,
    "secondary_value": secondary_value,
}
