"""The building blocks of the schemas: typed columns, checks, the place and provenance columns."""

from __future__ import annotations

import re
from datetime import date

import pandera.pandas as pa

from raremetals.core.vocab import AREA_TYPES, EDITION_PATTERN, FLAG_ORDER


def text(description, **kw):
    return pa.Column(str, description=description, **kw)


SHARE = pa.Check.in_range(0, 1)
HHI = pa.Check.in_range(0, 10_000)
FRACTION = "; a fraction from 0 to 1 (0.25 is 25%)"


def number(description, nullable=True, checks=None):
    if checks is SHARE:  # every share is a fraction, and its description says so
        description += FRACTION
    return pa.Column(float, checks=checks, nullable=nullable, description=description)


EDITIONS_TEXT = "mcs and the year of the data release, as data/sources.yaml registers it"
AN_EDITION = pa.Check.str_matches(EDITION_PATTERN)


FLAG_RE = (
    r"^("
    + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER)
    + r")?(;("
    + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER)
    + "))*$"
)

PLACE = {
    "country_code": text(
        "ISO 3166 alpha-3 code; for aggregates a code of their own: WLD "
        "(world total), OTH (the source's 'Other countries'), CIS, or "
        "codes joined by + for a group the source reports together"
    ),
    "country": text("Standard English short name (country_converter), or the aggregate's name"),
    "area_type": text(
        "country, world (a world total), residual ('Other countries') or "
        "group (several countries reported together), region (e.g. Europe) or "
        "tie (countries printed together because each has the same value)",
        checks=pa.Check.isin(AREA_TYPES),
    ),
}
PROVENANCE = {
    "file": text("Source file the value was read from (see data/sources.yaml)"),
    "row": pa.Column(int, pa.Check.ge(2), description="Line of that file (header = 1)"),
}


def as_printed(name: str, columns: dict, unique: list[str] | None = None) -> pa.DataFrameSchema:
    """A compiled source table kept as its cells (text), with the line each row came from.

    ``columns`` maps a column to its description, or to (description, checks) where the
    later steps read the cells as numbers or words of a vocabulary; a name that starts
    with ^ is a pattern for further columns (a language's names); ``unique`` names the
    columns that identify a row."""
    spec = {c: d if isinstance(d, tuple) else (d, None) for c, d in columns.items()}
    return pa.DataFrameSchema(
        {
            **{
                c: text(d, checks=checks, regex=c.startswith("^"))
                for c, (d, checks) in spec.items()
            },
            **PROVENANCE,
        },
        strict=True,
        ordered=True,
        unique=unique,
        name=name,
    )


def matches(pattern: str, what: str) -> pa.Check:
    return pa.Check.str_matches(rf"^(?:{pattern})$", error=what)


def _a_day(cell: str) -> bool:
    if not re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", cell):
        return False
    try:
        date.fromisoformat(cell)
    except ValueError:  # 2025-02-30 has the shape of a date and is none
        return False
    return True


def a_date_or_blank() -> pa.Check:
    """A day of the calendar, YYYY-MM-DD, or a blank: a cell shaped like a date that is
    none (2025-02-30) is refused at its row."""
    return pa.Check(
        lambda s: s.map(lambda cell: cell == "" or _a_day(cell)),
        error="a date YYYY-MM-DD of the calendar or a blank",
    )


A_YEAR = matches(r"(?:19|20)\d\d", "a year of four digits")
A_NUMBER = matches(
    r"\d+(?:\.\d+)?", "a number: digits with at most one decimal point, no sign or separator"
)


def one_of(words: list[str]) -> pa.Check:
    return pa.Check.isin(words, error="one of " + ", ".join(words))
