"""How the USGS releases write a value: the units of the per-commodity files' headers and
of words in notes, the codes that stand where a number belongs, the flags, and the basis
and stage a series' words name. Every layout's parser reads its cells through these."""

from __future__ import annotations

import math
import re
from decimal import Decimal

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.vocab import FLAG_ORDER

# Unit token of a column header -> (canonical unit, factor). In these releases "mt" is
# used once, for iron ore reserves whose note says "million metric tons".
UNITS = {
    "kg": ("t", Decimal("0.001")),
    "t": ("t", Decimal(1)),
    "kt": ("t", Decimal(1000)),
    "Mt": ("t", Decimal(10**6)),
    "mt": ("t", Decimal(10**6)),
    "mmt": ("t", Decimal(10**6)),
    "kct": ("carat", Decimal(1000)),
    "mct": ("carat", Decimal(10**6)),
    "mcm": ("m3", Decimal(10**6)),
}
MEASURES = {"Prod": "production", "Cap": "capacity", "Reserves": "reserves"}

# Units a note or a Type text states in words. A note states the unit of its own measure
# when a sentence opens with it ("Units are thousand metric tons, gross weight",
# "Crude iron ore, million metric tons"); a Type text, the unit of production and capacity
# ("Iron ore - mine production - usable ore -thousand metric tons"). A unit after a
# number ("reserves were 1.7 million tons") is a quantity, not a statement of the unit.
STATED_UNITS = {
    "metric tons": Decimal(1),
    "thousand metric tons": Decimal(1000),
    "million metric tons": Decimal(10**6),
    "kilograms": Decimal("0.001"),
}
_UNIT_WORDS = "|".join(sorted(STATED_UNITS, key=len, reverse=True))
_NOTE_UNIT = re.compile(
    rf"(?:^|[.;]\s+)(?:units are\s+)?(?:[a-z][a-z0-9 ()]*,\s+)?"
    rf"({_UNIT_WORDS})\b",
    re.IGNORECASE,
)
_TYPE_UNIT = re.compile(rf"(?:[-,]|\bin)\s*({_UNIT_WORDS})\b", re.IGNORECASE)
_NOTE_COLUMN = re.compile(r"^(Prod|Cap|Reserves)_notes?$")
_NUMBER = re.compile(r"^(?P<e>e)?(?P<q>[<>])?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<dec>\.\d+)?$")
_RANGE = re.compile(r"^\d[\d,]*(?:\.\d+)?\s*-\s*\d[\d,]*(?:\.\d+)?$")
_FILE = re.compile(r"^mcs(?P<year>\d{4})-(?P<code>[a-z-]+)_world\.csv$", re.IGNORECASE)

# Cell texts that stand where a number belongs; each becomes a flag and no number, but
# for the dash, which the USGS defines as zero: a country at zero is listed with a share
# of 0, not counted among the countries without a number.
ZERO = "—"
CODES = {
    "W": "W",
    "NA": "NA",
    "XX": "XX",
    "": "blank",
    ZERO: "zero",
    "Large": "large",
    "Moderate": "moderate",
    "Moderate to large": "moderate",
    "Moderate to Large": "moderate",
    "Small": "small",
    "Very small": "small",
    'Categorized as "large"': "large",
    "Less than ½ unit.": "lt_half_unit",
    "Included in World total.": "incl_world",
    "Included with “Other countries.”": "incl_other",
    "Included with ilmenite": "incl_ilmenite",
    "included with ilmenite": "incl_ilmenite",
}

# What a production or reserve figure weighs, found in the Type text or the notes.
BASIS_RULES = [
    ("rare-earth-oxide equivalent", "REO equivalent"),
    ("rare-earth-oxide (reo) equivalent", "REO equivalent"),
    ("k2o", "K2O equivalent"),
    ("potassium oxide", "K2O equivalent"),
    ("tio2", "TiO2 content"),
    ("cr2o3", "Cr2O3 content"),
    ("zro2", "ZrO2 content"),
    ("mgo", "MgO content"),
    ("boric oxide", "B2O3 equivalent"),
    ("gross weight", "gross weight"),
    ("grosss weight", "gross weight"),  # a typo of MCS 2024
    ("shipping-grade", "shipping-grade ore"),
    ("crude ore", "crude ore"),
    ("crude iron ore", "crude ore"),
    ("usable ore", "usable ore"),
    ("content", "element content"),
    ("contained", "element content"),
]
STAGES = [
    ("mine", "mine"),
    ("mne ", "mine"),
    ("refinery", "refinery"),
    ("smelter", "smelter"),
    ("plant", "plant"),
]


def parse_value_column(name: str) -> dict | None:
    """Split a header such as ``Prod_Sponge_t_Est_2021`` into its parts, or None.

    Parts: measure, product (``Sponge``, ``ore_K2O_equiv`` or empty), unit, est, year.
    """
    tokens = name.split("_")
    if tokens[0] not in MEASURES or len(tokens) < 2:
        return None
    year = tokens.pop() if re.fullmatch(r"\d{4}", tokens[-1]) else None
    est = tokens[-1].lower() == "est"
    if est:
        tokens.pop()
    if len(tokens) < 2:
        return None
    return {
        "measure": tokens[0],
        "product": "_".join(tokens[1:-1]),
        "unit": tokens[-1],
        "est": est,
        "year": year,
    }


def matching(path, line: int, r: dict, column: str, pattern: re.Pattern, expected: str) -> str:
    """The cell ``r[column]`` of a source's row, refused at its line and column unless it
    matches ``pattern`` (``expected`` says what it should be)."""
    if not pattern.match(r[column]):
        raise InputError(path, expected, r[column], row=line, column=column)
    return r[column]


def flag_string(flags) -> str:
    return ";".join(f for f in FLAG_ORDER if f in set(flags))


def parse_cell(text: str, path, row: int, column: str) -> tuple[Decimal | None, list[str]]:
    """A cell's number (None if the cell holds a code) and its flags."""
    cell = text.strip()
    if cell == ZERO:
        return Decimal(0), [CODES[cell]]
    if cell in CODES:
        return None, [CODES[cell]]
    if _RANGE.match(cell):  # "330 - 390": two numbers are not one
        return None, ["range"]
    m = _NUMBER.match(cell)
    if not m:
        raise InputError(
            path,
            "a non-negative number, a range or a USGS code (W, NA, XX, —, Large, ...)",
            text,
            row=row,
            column=column,
        )
    value = Decimal(m["num"].replace(",", "") + (m["dec"] or ""))
    return value, [f for f in (m["e"], m["q"]) if f]


def basis_of(text: str) -> str | None:
    low = text.lower()
    return next((basis for key, basis in BASIS_RULES if key in low), None)


def stage_of(type_text: str) -> str:
    low = type_text.lower()
    return next((stage for key, stage in STAGES if key in low), "unspecified")


_CAPACITY = re.compile(r"\bcapacity\b", re.IGNORECASE)
_PRODUCTION = re.compile(r"\bproduction\b", re.IGNORECASE)


def capacity_by_words(obs: pd.DataFrame) -> pd.DataFrame:
    """A series whose words say capacity is capacity, wherever its columns stand: MCS
    2023-2025 give cement's "Clinker capacity, estimated" in the production columns (MCS
    2025, MCS2025_World_Data.csv rows 201-216), where MCS 2026 files the same figures
    under capacity. A series whose words name both (MCS 2023's titanium "Sponge Metal
    Production and ... Operating Capacity", with columns of each) keeps its columns'
    measures; reserves columns keep theirs."""
    says = obs["series"].str.contains(_CAPACITY) & ~obs["series"].str.contains(_PRODUCTION)
    words = says & (obs["measure"] == "production")
    return obs.assign(measure=obs["measure"].mask(words, "capacity"))


def stated_factor(note: str, type_text: str, measure: str) -> tuple[Decimal, str] | None:
    """The factor to metric tons of a unit the row states in words, and the words; None
    when it states none (or states two that disagree: then nothing can be checked)."""
    found = [m.group(1).lower() for m in _NOTE_UNIT.finditer(note)]
    if not found and measure != "reserves":
        found = [m.group(1).lower() for m in _TYPE_UNIT.finditer(type_text)]
    factors = {STATED_UNITS[w] for w in found}
    return (factors.pop(), found[0]) if len(factors) == 1 else None


# Notes that extend the estimate mark to a year whose header does not carry it.
_EST_YEAR = re.compile(
    r"production(?: data)? in (\d{4}) (?:is|was|were) also estimated"
    r"|also estimated in (\d{4})|estimated in (\d{4}) also",
    re.IGNORECASE,
)
_EST_ALL = re.compile(r"^\s*estimated\.?\s*$|estimated in both years|, estimated$", re.IGNORECASE)


def estimate_marks(text: str) -> tuple[set[int], bool]:
    """The years a note (or Type text) says are estimated, and whether it says all are."""
    years = {int(next(g for g in m.groups() if g)) for m in _EST_YEAR.finditer(text)}
    return years, bool(_EST_ALL.search(text.strip()))


def amount(value, path, what: str, *, row: int, column: str | None = None) -> float:
    """A number a reader took from a JSON file or a workbook cell: 0 or more, or none (an
    empty cell, a null) as NaN; anything else (text, a boolean, a negative) is an error
    naming the place and ``what`` was expected."""
    if value is None:
        return math.nan
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise InputError(path, what, repr(value), row=row, column=column)
    return float(value)
