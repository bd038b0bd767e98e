"""The words every stage shares: the flags a value can carry, the statuses of the audit,
the kinds of place a row describes and the layout of the periodic table.

This module imports nothing from the stages, so any of them may use it.
"""

from __future__ import annotations

# Flags of a value, in the order a flag string lists them ("e;W"). USGS codes (e, >, <, W,
# NA, XX, "—" (zero), Large, Moderate, Small, "less than ½ unit", a range such as
# "330 - 390"), notes that the world total or another row includes the value, a value
# left blank, one marked suspect by a correction, and one replaced by a later version of
# its edition (``corrected``: ``value_raw`` keeps what the file says). BGS's marks
# (data/bgs_marks.csv) add a break in series, a figure that includes more than its series
# or is only part of the country, another measure standing in for production, an amount
# included in another row, a capacity, and a figure whose basis is in doubt.
FLAG_ORDER = [
    "e",
    ">",
    "<",
    "W",
    "NA",
    "XX",
    "zero",
    "blank",
    "large",
    "moderate",
    "small",
    "lt_half_unit",
    "range",
    "incl_world",
    "incl_other",
    "incl_ilmenite",
    "suspect",
    "corrected",
    "break",
    "includes",
    "part",
    "stands_in",
    "included",
    "capacity",
    "basis_doubt",
]

# A USGS Mineral Commodity Summaries data release is named mcs and its year (the releases
# themselves are data: the usgs_release entries of data/sources.yaml); the paper's 2009
# figures (its Table 3, from MCS 2010) go by PAPER_EDITION beside them.
EDITION_PATTERN = r"^mcs\d{4}$"
PAPER_EDITION = "paper2010"

AREA_TYPES = ["country", "world", "residual", "group", "region", "tie"]

# How a claim of the paper compares with its source, and how a Table 3 cell stands.
STATUSES = ["match", "consistent", "mismatch", "inconsistent", "unit-slip", "not-checkable"]
ERRATA_STATUSES = ["ok", "blank", "unit-slip", "inconsistent", "format", "text-conflict"]

# Table 1's marks: a rare metal, and a rare-earth element.
MARKS = {"rare_metal": "*", "ree": "†"}


def periodic_position(z: int) -> tuple[int, int]:
    """(row, column) of element ``z`` in the 18-column periodic table; the lanthanides
    (La-Lu) and actinides (Ac-Lr) go to rows 9 and 10, columns 3-17."""
    if not 1 <= z <= 118:
        raise ValueError(f"no element with atomic number {z}")
    if 57 <= z <= 71:
        return 9, z - 54
    if 89 <= z <= 103:
        return 10, z - 86
    starts = [1, 3, 11, 19, 37, 55, 87]
    period = max(i + 1 for i, first in enumerate(starts) if first <= z)
    offset = z - starts[period - 1]
    if period == 1:
        return 1, 1 if z == 1 else 18
    if period in (2, 3):
        return period, offset + 1 if offset < 2 else offset + 11
    if period in (4, 5):
        return period, offset + 1
    return period, offset + 1 if offset < 2 else offset - 13


# The paper's language: its tables as printed, and the names it prints, are in it.
PAPER_LANGUAGE = "ja"

# What a verdict rests on: a source independent of the paper, the paper's own Table 3,
# the paper's other numbers (its own arithmetic), or a Table 3 cell whose correction was
# derived from a claim of the paper (then the check only sets the paper against itself).
EVIDENCE_CLASSES = {
    "independent": "a source independent of the paper",
    "paper_table3": "the paper's own Table 3",
    "paper_text": "the paper's other numbers",
    "correction_from_claim": "a Table 3 cell corrected from a claim of the paper",
    "none": "no evidence: not checkable",
}
