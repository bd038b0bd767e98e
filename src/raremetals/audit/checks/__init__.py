"""The audit's checks, by the source they read. ``METHODS`` names each check as
``data/audit/claim_checks.csv`` calls it."""

from raremetals.audit.checks import bgs, compiled, ds140, elements, eu, paper, wmd
from raremetals.audit.checks.base import Allowed, NotCheckable, Sources, parse_args


def _registry(*modules) -> dict:
    found: dict = {}
    for m in modules:
        twice = set(found) & set(m.CHECKS)
        if twice:
            raise ValueError(f"checks named twice: {sorted(twice)}")
        found |= m.CHECKS
    return found


METHODS = _registry(paper, compiled, ds140, elements, bgs, eu, wmd)
# another publisher's figure for the same year: may make a claim's evidence independent
SAME_FIGURE = bgs.SAME_FIGURE | wmd.SAME_FIGURE
# methods that only describe what the data say (a claim without a number to check)
DESCRIBE = {"ds140_price_ranges"}
