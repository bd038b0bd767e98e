"""Concentration and dependency statistics: pure functions, documented in docs/methods.md.

Shares are fractions of a distribution's total (:func:`denominator`: the source's world
total where it gives one and it covers the listed countries, else their sum), so every
share lies in [0, 1] and the listed shares never sum above 1. Countries the source names
with a number are "listed"; what the total holds beyond them (the source's "Other
countries", groups reported together, withheld values, rounding) is the *unassigned*
share ``r``. Because nothing says how ``r`` is split, the HHI is a
range: lower bound with ``r`` spread over infinitely many small producers (it adds 0),
upper bound with ``r`` held by one producer (it adds ``r²``). Headline outputs use the
lower bound: it is what the named producers alone imply, so it never overstates
concentration.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# How far listed countries may sum above their world total before it cannot be rounding:
# USGS world totals are rounded (to two or three significant figures), so listed countries
# can exceed them by a few percent.
ROUNDING_TOLERANCE = 0.10

# US DOJ/FTC Horizontal Merger Guidelines (2010), section 5.3, on the 0-10,000 scale.
DOJ_FTC_2010: dict[str, Any] = {
    "vintage": "DOJ/FTC Horizontal Merger Guidelines 2010",
    "moderate": 1500,
    "high": 2500,
}


class DistributionError(ValueError):
    """The values of a distribution cannot be shares of its total."""


WORLD_TOTAL, ROWS_SUM = "world total row", "sum of rows"
ROWS_SUM_ABOVE_TOTAL = "sum of rows (above the world total row)"


def denominator(
    listed_sum: float, world_total: float | None, rows_sum: float, at_least: bool = False
) -> tuple[float, str]:
    """The total that shares are fractions of, and what it is.

    ``rows_sum`` is every row with a number but the world total: the listed countries and
    what the source gives beside them ("Other countries", groups). The source's world
    total where it covers the listed countries; where the (rounded) world total falls
    below them, the sum of every row, so that no share, CR3 or HHI can overstate and a
    printed "Other countries" keeps its weight; that sum too where the source gives no
    world total. Listed countries above the world total by more than rounding explains
    (``ROUNDING_TOLERANCE``) are an error, unless the total is a lower bound
    (``at_least``: the source prints ">2,000,000").
    """
    if world_total is None:
        return rows_sum, ROWS_SUM
    if listed_sum <= world_total:
        return world_total, WORLD_TOTAL
    if listed_sum > world_total * (1 + ROUNDING_TOLERANCE) and not at_least:
        share = f"{listed_sum / world_total:.1%}" if world_total > 0 else "all"
        raise DistributionError(
            f"listed values sum to {share} of the world total, more "
            f"than the {1 + ROUNDING_TOLERANCE:.0%} that rounding explains"
        )
    return rows_sum, ROWS_SUM_ABOVE_TOTAL


def shares(values: Mapping[str, float], total: float) -> dict[str, float]:
    """Each listed value as a fraction of ``total``."""
    if not total > 0:
        raise DistributionError(f"a positive total is needed for shares, got {total!r}")
    return {k: v / total for k, v in values.items()}


def unassigned_share(share_values: Sequence[float]) -> float:
    """What the listed shares leave of the total (see :func:`denominator`: never below 0)."""
    listed = sum(share_values)
    if listed > 1 + 1e-9:
        raise DistributionError(
            f"listed shares sum to {listed:.4%} of the total: the "
            "denominator must cover the listed values"
        )
    return max(0.0, 1.0 - listed)


def hhi_bounds(share_values: Sequence[float], unquantified: int = 0) -> tuple[float, float]:
    """(lower, upper) Herfindahl-Hirschman index on 0-10,000 (see module docstring).

    ``unquantified`` counts producers outside the total whose amounts are unknown: where
    the source gives no world total, the total is the sum of its rows and the countries
    it names without a number hold any amount on top of it. With ``H`` the sum of the
    squared shares and ``k`` such producers, the index is lowest when they hold ``k·H``
    of the rows' sum between them in equal parts, ``H / (1 + k·H)``, and nears 10,000 as
    one of them outgrows the rest.
    """
    r = unassigned_share(share_values)
    h = sum(s * s for s in share_values)
    if unquantified > 0:
        return 10_000 * h / (1 + unquantified * h), 10_000.0
    lower = 10_000 * h
    return lower, lower + 10_000 * r * r


def hhi_bounds_with_small(
    values: Sequence[float], total: float, small: Sequence[float], unquantified: int = 0
) -> tuple[float, float] | None:
    """(lower, upper) HHI where some producers are known only to be below an amount
    ("less than 0.5 t"): each lies between 0 and its bound.

    ``values`` are the listed amounts, ``total`` the denominator with the small producers
    at 0, ``small`` their bounds. Their amounts ``x`` move the index as
    ``(S + Σx_j²) / (T + Σx)²``, which falls from ``x = 0`` until ``Σx`` reaches about
    ``S / T`` (the index's fraction of the total); below that, both ends of the range are
    at ``x = 0`` and at ``x`` = the bounds. None where the bounds reach that far: the
    small producers then say no more than producers without a number.
    """
    if not small:
        return hhi_bounds([v / total for v in values], unquantified)
    h = sum((v / total) ** 2 for v in values)
    if sum(small) >= h * total:
        return None
    at_zero = hhi_bounds([v / total for v in values], unquantified)
    widened = total + sum(small)
    at_bound = hhi_bounds([v / widened for v in [*values, *small]], unquantified)
    return min(at_zero[0], at_bound[0]), max(at_zero[1], at_bound[1])


def normalised_hhi(share_values: Sequence[float]) -> float | None:
    """HHI of the listed producers' shares re-scaled to sum to 1, mapped to [0, 1].

    (H - 1/N) / (1 - 1/N) with N the number of listed producers with a positive share;
    1 for a single producer; None when there is none.
    """
    positive = [s for s in share_values if s > 0]
    if not positive:
        return None
    if len(positive) == 1:
        return 1.0
    total = sum(positive)
    h = sum((s / total) ** 2 for s in positive)
    n = len(positive)
    return (h - 1 / n) / (1 - 1 / n)


def effective_producers(hhi: float) -> float | None:
    """Effective number of producers, 10,000 / HHI."""
    return 10_000 / hhi if hhi > 0 else None


def shannon_entropy(share_values: Sequence[float]) -> float:
    """Shannon entropy in nats, the unassigned share counted as one producer.

    Splitting the unassigned share among more producers raises the entropy, so this is a
    lower bound.
    """
    parts = [s for s in share_values if s > 0] + [unassigned_share(share_values)]
    return -sum(p * math.log(p) for p in parts if p > 0)


def top_k(share_by_country: Mapping[str, float], k: int) -> tuple[float, list[str]]:
    """CRk: the summed share of the k largest listed producers, and who they are.

    Ties are broken by country code so the result does not depend on row order; a
    country at zero (the USGS dash) produces nothing and is never among them.
    """
    positive = [kv for kv in share_by_country.items() if kv[1] > 0]
    ranked = sorted(positive, key=lambda kv: (-kv[1], kv[0]))[:k]
    # shares of their own sum can add up to 1 + 1 ulp
    return min(1.0, math.fsum(s for _, s in ranked)), [c for c, _ in ranked]


def doj_ftc_class(hhi: float, guidelines: Mapping = DOJ_FTC_2010) -> str:
    if hhi > guidelines["high"]:
        return "highly concentrated"
    if hhi >= guidelines["moderate"]:
        return "moderately concentrated"
    return "unconcentrated"


def wgi_scaled(estimates: Sequence[float]) -> float:
    """EU critical-raw-materials scaling of the six WGI estimates to 0-10 (10 = worst):
    (2.5 - mean) * 2 (European Commission 2017, doi:10.2873/769526)."""
    if len(estimates) != 6:
        raise ValueError(f"six WGI estimates are needed, got {len(estimates)}")
    return (2.5 - sum(estimates) / 6) * 2


@dataclass(frozen=True)
class GovernanceWeighted:
    hhi_wgi: float  # sum of s_i^2 * WGI_i over listed producers with a WGI score (0-10)
    country_risk: float  # sum of s_i * WGI_i over the same producers
    coverage: float  # their summed share, as a fraction of all listed shares
    missing: list[str]  # listed producers without a WGI score


def governance_weighted(
    share_by_country: Mapping[str, float], wgi: Mapping[str, float]
) -> GovernanceWeighted:
    """WGI-weighted HHI (Blengini et al. 2017, EUR 28654) and production-weighted risk."""
    scored = {c: s for c, s in share_by_country.items() if c in wgi}
    listed = sum(share_by_country.values())
    return GovernanceWeighted(
        hhi_wgi=sum(s * s * wgi[c] for c, s in scored.items()),
        country_risk=sum(s * wgi[c] for c, s in scored.items()),
        coverage=sum(scored.values()) / listed if listed > 0 else 0.0,
        missing=sorted(set(share_by_country) - set(scored)),
    )


def reserves_to_production(reserves: float, production: float) -> float | None:
    """Years that reserves last at the given annual production."""
    return reserves / production if production > 0 else None


# Reserves that last under a year or over 10,000 years are implausible: in these tables
# they have always meant a unit error (kt read as t and the like).
RP_PLAUSIBLE = (1, 10_000)


def rp_flag(years: float | None) -> str:
    if years is None or math.isnan(years):
        return ""
    if years < RP_PLAUSIBLE[0]:
        return "below 1 year"
    return "above 10,000 years" if years > RP_PLAUSIBLE[1] else ""
