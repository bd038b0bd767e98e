"""How a number is printed: half up, or, for a bound, outward, so that the text still
bounds (58.44% at most prints ≤59, 187.5 years at least ≥187). One set of rules for
``numbers.json``, the report and the rendered tables."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

ROUNDING = {"": ROUND_HALF_UP, "at least": ROUND_FLOOR, "at most": ROUND_CEILING}


def rounded(value: float, step: Decimal, bound: str = "") -> Decimal:
    """``value`` to a multiple of ``step``, half up, or outward for a bound."""
    exact = Decimal(repr(float(value)))
    return (exact / step).quantize(Decimal(1), rounding=ROUNDING[bound]) * step


def hhi_text(value: float, bound: str = "") -> str:
    """An HHI as text, to the nearest ten (half up; outward for a bound): the shares
    behind it come from figures rounded to two or three significant digits, so its units
    digit says nothing (9,370.4 and 9,371.2 both print 9,370). The CSVs keep every digit."""
    return f"{int(rounded(value, Decimal(10), bound)):,}"


def hhi_range_text(lower: float, upper: float, missing: str = "–") -> str:
    """An HHI range, each end to the nearest ten: "6,600–6,730", or one number where both
    ends print alike ("5,050", not "5,050–5,050"); ``missing`` where there is none."""
    if lower != lower or upper != upper:
        return missing
    low, high = hhi_text(lower), hhi_text(upper)
    return low if low == high else f"{low}–{high}"


def percent_text(value: float, bound: str = "") -> str:
    return f"{int(rounded(100 * value, Decimal(1), bound))}"


def significant_text(value: float, bound: str = "", digits: int = 3) -> str:
    """To ``digits`` significant figures with thousands separators (1,234,567 → 1,230,000)."""
    if value == 0:
        return "0"
    step = Decimal(10) ** (Decimal(repr(abs(float(value)))).adjusted() - digits + 1)
    return f"{rounded(value, step, bound):,.0f}"


def integer_text(value: float, bound: str = "") -> str:
    return f"{rounded(value, Decimal(1), bound):,.0f}"
