"""What the two all-commodity layouts of the USGS data releases share: MCS 2025's one wide
world table and MCS 2026's one long table of every statistic.

Both name commodities in words ("Rare earths", "Niobium (Columbium)") and units in words
("thousand metric tons"), where the per-commodity files of 2022-2024 had a file code and a
unit token in each header. This module maps both to the pipeline's ids and units and
builds an observation row with the same columns and provenance as
:func:`raremetals.clean.per_commodity.parse_world_file`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.vocab import FLAG_ORDER

# A unit as the newer releases write it (lower case, spaces folded) -> (canonical unit,
# factor to it). Carats and cubic metres are not masses and keep units of their own.
UNIT_WORDS = {
    "kilograms": ("t", Decimal("0.001")),
    "metric tons": ("t", Decimal(1)),
    "tons": ("t", Decimal(1)),
    "thousand metric tons": ("t", Decimal(1000)),
    "thousand metric dry tons": ("t", Decimal(1000)),
    "million metric tons": ("t", Decimal(10**6)),
    "thousand carats": ("carat", Decimal(1000)),
    "thousands of carats": ("carat", Decimal(1000)),
    "million carats": ("carat", Decimal(10**6)),
    "million cubic meters": ("m3", Decimal(10**6)),
    "million liters": ("m3", Decimal(1000)),
}


def unit_of(words: str, path, row: int, column: str) -> tuple[str, Decimal, str]:
    """(canonical unit, factor, the words in lower case) of a unit cell."""
    key = " ".join(words.split()).lower()
    if key not in UNIT_WORDS:
        raise InputError(
            path,
            f"a unit the pipeline knows ({', '.join(UNIT_WORDS)})",
            words,
            row=row,
            column=column,
        )
    unit, factor = UNIT_WORDS[key]
    return unit, factor, key


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


class CommodityNames:
    """Commodity names of the newer releases -> commodity ids.

    A name equal (ignoring case and punctuation) to a commodity's English name in
    ``data/commodities.csv`` maps to it; every other name is a row of
    ``data/usgs_commodity_names.csv`` (edition, name_in_source, commodity, note), where an
    empty commodity marks a chapter the earlier editions do not have, left out of the
    analysis. A name in neither is an error.
    """

    def __init__(self, commodities_csv, names_csv):
        table = pd.read_csv(commodities_csv, dtype=str, keep_default_na=False)
        self._english = {_norm(n): c for n, c in zip(table["name_en"], table["commodity"])}
        ids = set(table["commodity"])
        names = pd.read_csv(names_csv, dtype=str, keep_default_na=False)
        self._listed = {}
        for line, r in enumerate(names.to_dict("records"), start=2):
            if r["commodity"] and r["commodity"] not in ids:
                raise InputError(
                    names_csv,
                    "a commodity id of data/commodities.csv (or nothing)",
                    r["commodity"],
                    row=line,
                    column="commodity",
                )
            self._listed[(r["edition"], _norm(r["name_in_source"]))] = r["commodity"]

    def __call__(self, edition: str, name: str, path, row: int, column: str) -> str:
        """The commodity id of a name ("" for a chapter outside the analysis)."""
        key = _norm(name)
        if (edition, key) in self._listed:
            return self._listed[(edition, key)]
        if key in self._english:
            return self._english[key]
        raise InputError(
            path,
            "a commodity named as in data/commodities.csv (name_en) or listed in "
            "data/usgs_commodity_names.csv",
            name,
            row=row,
            column=column,
        )


LEFT_OUT = "a chapter outside the analysis (data/usgs_commodity_names.csv)"


def not_read(path, row: int, commodity_raw: str, reason: str) -> dict:
    """A row of a USGS file that no observation comes from, with the reason: a row of the
    row accounting (:mod:`raremetals.clean.accounting`)."""
    return {
        "file": Path(path).name,
        "row": row,
        "commodity_raw": commodity_raw.strip(),
        "reason": reason,
    }


def refuse_duplicate(seen: dict, key: tuple, path, row: int, column: str, what: str) -> None:
    if key in seen:
        raise InputError(
            path,
            f"one row per {what} (row {seen[key]} has the same)",
            " / ".join(str(k) for k in key),
            row=row,
            column=column,
        )
    seen[key] = row


def require_columns(path, header: list[str], required: list[str]) -> dict[str, int]:
    """Column name -> position, after checking that every required column is there."""
    col = {h: i for i, h in enumerate(header)}
    missing = [c for c in required if c not in col]
    if missing:
        raise InputError(
            path,
            f"the columns {', '.join(required)}",
            f"no column {', '.join(repr(m) for m in missing)} in " + ", ".join(header),
            row=1,
        )
    return col


def data_rows(path, rows: list[list[str]], width: int):
    """(line, cells) of every row after the header that holds something; a row with fewer
    cells than the header's ``width`` is refused (a truncated file)."""
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < width:
            raise InputError(
                path,
                f"a row with all {width} columns (a truncated file?)",
                f"{len(cells)} cells",
                row=rownum,
            )
        yield rownum, cells


def observation(
    *,
    source_id: str,
    edition: str,
    commodity: str,
    series: str,
    stage: str,
    measure: str,
    year: int,
    place,
    name,
    country_raw: str,
    qualifier: str,
    value: Decimal | None,
    factor: Decimal,
    unit: str,
    value_raw: str,
    unit_raw: str,
    unit_applied: str,
    finding,
    basis: str,
    flags: list[str],
    note: str,
    file: str,
    row: int,
    column: str,
) -> dict:
    """One row of the observations table (its columns in the schema's order): the value
    converted to ``unit``, the flags in their fixed order, the note and any footnote mark
    the country's name carried."""
    notes = [note] if note else []
    if name.footnote:
        notes.append(f"footnote {name.footnote} on the country name")
    return {
        "source_id": source_id,
        "edition": edition,
        "commodity": commodity,
        "series": series,
        "stage": stage,
        "measure": measure,
        "year": year,
        "country_code": place.code,
        "country": place.country,
        "area_type": place.area_type,
        "country_raw": country_raw,
        "country_qualifier": qualifier,
        "value": float(value * factor) if value is not None else None,
        "unit": unit,
        "value_raw": value_raw,
        "unit_raw": unit_raw,
        "unit_applied": unit_applied,
        "unit_finding": finding.id if finding else "",
        "basis": basis,
        "flag": ";".join(f for f in FLAG_ORDER if f in set(flags)),
        "note": " | ".join(notes),
        "file": file,
        "row": row,
        "column": column,
    }
