"""The one rounding rule of the audit, the one the paper itself follows (it prints 97% for
China's 120,000 of 124,000 t, 96.77%, and -40% for a quota cut of 39.66%): the recomputed
value, rounded half up (四捨五入) to the claim's printed precision, must equal the claim.
The precision is the last printed decimal (22.1 → 0.1), or for tonnages the last non-zero
digit (124,000 t → 1,000; 9,900 万 t → 1,000,000 t), else 1. A number printed with
"約"/"~" matches within 10% of itself; a check may give its own tolerance where the
claim's words say how loose it is ("3倍強", a little over three times).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

APPROX_TOLERANCE = 0.10


@dataclass(frozen=True)
class Claimed:
    value: float
    approx: bool
    bound: str  # "", ">", ">="


def parse_claimed(text: str) -> Claimed | None:
    """The number a claim states (``~45`` → 45, approximately), or None for non-numbers."""
    m = re.fullmatch(r"(~)?(>=|>)?\s*(-?[\d,]+(?:\.\d+)?)", str(text).strip())
    if not m:
        return None
    return Claimed(float(m[3].replace(",", "")), bool(m[1]), m[2] or "")


def precision(claimed_text: str, unit: str = "") -> Decimal:
    """The unit of the last printed digit (see the module docstring).

    Tonnages are printed rounded (124,000 t, 9,900 万 t), so their trailing zeros are not
    significant; percentages, GW and other small numbers are printed to the digit.
    """
    digits = re.sub(r"[^\d.]", "", str(claimed_text))
    if "." in digits:
        return Decimal(1).scaleb(-len(digits.split(".")[1]))
    if unit != "t":
        return Decimal(1)
    return Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))


def round_half_up(value: float, step: Decimal) -> float:
    """``value`` rounded half up (四捨五入) to a multiple of ``step``."""
    return float((Decimal(str(float(value))) / step).quantize(Decimal(1), ROUND_HALF_UP) * step)


def default_tolerance(claimed_text: str, claimed: Claimed, unit: str = "") -> float:
    """Half the printed precision (the interval that rounds to the claim); "約" numbers:
    10% of themselves."""
    if claimed.approx:
        return APPROX_TOLERANCE * abs(claimed.value)
    return float(precision(claimed_text, unit)) / 2


def holds(recomputed, claimed: Claimed, step: Decimal, tolerance: float | None, op: str) -> bool:
    """Whether the data bear the claim out: by the rounding rule, or within ``tolerance``
    where the claim is approximate or its check gives one."""
    if isinstance(recomputed, dict):
        return all(holds(v, claimed, step, tolerance, op) for v in recomputed.values())
    lower_bound = op in (">", ">=") or claimed.bound in (">", ">=")
    if tolerance is not None:
        if lower_bound:
            return recomputed >= claimed.value - tolerance
        if op == "at_most":
            return claimed.value <= recomputed + tolerance
        return abs(recomputed - claimed.value) <= tolerance + 1e-9
    rounded = round_half_up(recomputed, step)
    if lower_bound:
        return rounded >= claimed.value
    if op == "at_most":
        return claimed.value <= rounded
    return rounded == claimed.value


def printed_step(value_as_printed: str, unit_as_printed: str) -> float:
    """The unit of the last printed digit of a Table 3 figure, the narrowest reading of
    its rounding: a figure in 万 t to its last printed digit (20 万 t → 10,000 t, so
    195,000-205,000 t); one in t to its last non-zero digit (77,000t → 1,000 t)."""
    if "万" in str(unit_as_printed):
        digits = re.sub(r"[^\d.]", "", str(value_as_printed))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return float(Decimal(10_000).scaleb(-decimals))
    return float(precision(value_as_printed, "t"))


def share_range(part: float, part_step: float, whole: float, whole_step: float):
    """(lowest, highest) share in % that a part and a whole printed rounded can make."""
    low = 100 * (part - part_step / 2) / (whole + whole_step / 2)
    high = 100 * (part + part_step / 2) / (whole - whole_step / 2)
    return low, high


def within(low: float, high: float, claimed: Claimed, step: Decimal, tolerance: float | None):
    """Whether a claim (the interval that rounds to it, or its tolerance) meets the range
    ``low``-``high`` the evidence allows."""
    half = tolerance if tolerance is not None else float(step) / 2
    return claimed.value - half <= high and claimed.value + half >= low
