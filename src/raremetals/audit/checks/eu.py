"""Checks against the European Commission's reports on critical raw materials."""

from __future__ import annotations

from raremetals.audit.checks.base import Sources
from raremetals.audit.evidence import Evidence, Listed, say, then


def eu_2010_list(src: Sources, a, claim):
    """How many critical raw materials the 2010 report listed, as the Commission's 2014
    report prints its list, and whether the materials the claim names are among them."""
    listed = src.given("eu_2010")
    names = listed["material"].tolist()
    named = [m for m in a.get("members", "").split("|") if m]
    missing = [m for m in named if m not in names]
    first = listed.iloc[0]
    evidence: Evidence = say(
        "eu_2010",
        table=first["table"],
        page=first["page"],
        n=len(names),
        names=Listed(names),
    )
    if named:
        evidence = then(
            evidence,
            say(
                "eu_2010_named",
                listed=Listed([m for m in named if m in names]),
                missing=say("eu_2010_missing", missing=Listed(missing)) if missing else "",
            ),
        )
    return len(names), evidence, f"{first['file']}:p{first['page']}"


CHECKS = {"eu_2010_list": eu_2010_list}
