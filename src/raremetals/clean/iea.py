"""Clean the IEA Critical Minerals Data Explorer's supply sheet, as a third party's
converter wrote it to JSON: one row per mineral, stage (mining or refining), country and
year, with the line of ``iea.json`` the value stands on.

The first year of the file is data (2024); the later ones (2030, 2035, 2040) are the
explorer's base case, a projection (``kind``), never data. What each mineral is, and what
it weighs, is ``data/iea_minerals.csv``; a mineral the file holds that the table does not
list stops the build.

The file is checked as any input. Its own totals and top-three shares are printed beside
the countries: each total must be the sum of the rows (the countries and 'Rest of
world') and each top-three share the three largest countries' share of it, or the build
stops at the total's line. The converter copies the workbook's note lines into
``countries`` as if they were countries, with no number (rare-earth mining has two). A
key of ``countries`` is read by one rule: a place (``data/countries.csv`` or ISO 3166)
is a country or an aggregate, with or without numbers; a key that is no place and has no
number in any year is a note line, kept in ``note`` and never a country, if it reads as
a sentence; anything else stops the build (a misspelt country, with or without numbers).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import amount
from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference, read_text

STAGES = ("mining", "refining")
SCENARIO = "base case"
UNIT = "kt"
# the explorer's printed sums are of floating-point figures: they agree to a few ulps
TOLERANCE = 1e-9
NOTE_WORDS = 6  # a note line is a sentence; a country's name is shorter
_KEY = re.compile(r'^( *)"((?:[^"\\]|\\.)*)":')


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every key of a JSON file written one key a line (as ``json.dump`` with
    an indent writes it), by its path of keys."""
    lines: dict[tuple[str, ...], int] = {}
    stack: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        m = _KEY.match(line)
        if not m:
            continue
        depth = len(m.group(1)) // 2 - 1
        del stack[depth:]
        stack.append(json.loads(f'"{m.group(2)}"'))
        lines[tuple(stack)] = number
    return lines


def load_minerals(path) -> pd.DataFrame:
    minerals = read_reference(path)
    twice = minerals[minerals["mineral"].duplicated()]
    if len(twice):
        raise InputError(path, "each mineral once", twice["mineral"].iloc[0])
    return minerals.set_index("mineral")


def _is_note(key: str, values: dict) -> bool:
    return all(v is None for v in values.values()) and len(key.split()) >= NOTE_WORDS


def _number(path, line, value) -> float:
    return amount(value, path, "a number of kt, 0 or more, or null", row=line)


def _stage_rows(path, mineral, stage, block, where, places: CountryResolver, minerals):
    """The rows of one mineral and stage, after the checks of the module docstring."""
    at = ("supply", mineral, stage)
    if not isinstance(block, dict) or not {"countries", "total", "top3Share"} <= set(block):
        raise InputError(path, "countries, total and top3Share", str(block)[:60], row=where[at])
    years = sorted(block["total"])
    notes, rows = [], []
    for key, values in block["countries"].items():
        line = where[at + ("countries", key)]
        if set(values) != set(years):
            raise InputError(path, f"the years {', '.join(years)}", ", ".join(values), row=line)
        place = places.resolve(key)
        if place is None and _is_note(key, values):
            notes.append(key)
            continue
        if place is None:
            place = places.require(key, path, row=line)
        for year in years:
            here = where[at + ("countries", key, year)]
            rows.append(
                {
                    "mineral": mineral,
                    "commodity": minerals.at[mineral, "commodity"],
                    "what": minerals.at[mineral, "what"],
                    "stage": stage,
                    "year": int(year),
                    "kind": "data" if year == years[0] else "projection",
                    "scenario": SCENARIO if year != years[0] else "",
                    "country_code": place.code,
                    "country": place.country,
                    "area_type": place.area_type,
                    "country_raw": key,
                    "value": _number(path, here, values[year]),
                    "unit": UNIT,
                    "basis": minerals.at[mineral, "basis"],
                    "file": Path(path).name,
                    "row": here,
                }
            )
    frame = _check_printed(path, pd.DataFrame(rows), block, at, where)
    frame["note"] = " | ".join(notes)
    return frame


def _check_printed(path, frame, block, at, where) -> pd.DataFrame:
    """The file's total and top-three share of each year against its own rows.

    Where a total falls short of the rows' sum by exactly one country's figure (nickel,
    graphite: a country the workbook's total leaves out, or a row the converter took from
    elsewhere; which cannot be told without the workbook), that row is flagged
    ``outside_total`` and the top-three share is checked without it; any other difference
    stops the build."""
    frame = frame.assign(flag="")
    for year, g in frame.groupby("year"):
        line = where[at + ("total", str(year))]
        total = _number(path, line, block["total"][str(year)])
        summed = math.fsum(g["value"].dropna())
        if not math.isclose(total, summed, rel_tol=TOLERANCE):
            countries = g[g["area_type"] == "country"]
            gap = summed - total
            left_out = countries.index[
                [math.isclose(v, gap, rel_tol=TOLERANCE) for v in countries["value"]]
            ]
            if len(left_out) != 1 or gap <= 0:
                raise InputError(
                    path,
                    f"a total equal to the sum of the rows ({summed:,.6g}), or short of it "
                    "by one country's figure",
                    f"{total:,.6g}",
                    row=line,
                )
            frame.loc[left_out, "flag"] = "outside_total"
        inside = frame.loc[g.index]
        inside = inside[(inside["area_type"] == "country") & (inside["flag"] == "")]
        top = math.fsum(inside["value"].nlargest(3)) / total
        printed = block["top3Share"][str(year)]
        if printed is not None and not math.isclose(printed, top, rel_tol=TOLERANCE):
            raise InputError(
                path,
                f"a top-three share equal to the three largest countries' ({top:.6g})",
                f"{printed:.6g}",
                row=where[at + ("top3Share", str(year))],
            )
    return frame


def parse_supply(path, minerals_path, places: CountryResolver, source_id: str) -> pd.DataFrame:
    """Every value of the supply sheet as a row (see the module docstring)."""
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(path, "JSON", err.msg, row=err.lineno) from None
    where = key_lines(text)
    supply = data.get("supply") if isinstance(data, dict) else None
    if not isinstance(supply, dict):
        raise InputError(path, "an object 'supply' of minerals", type(supply).__name__)
    minerals = load_minerals(minerals_path)
    frames = []
    for mineral, stages in supply.items():
        if mineral not in minerals.index:
            raise InputError(
                path,
                f"a mineral listed in {minerals_path}",
                mineral,
                row=where[("supply", mineral)],
            )
        if set(stages) != set(STAGES):
            raise InputError(
                path, "mining and refining", ", ".join(stages), row=where[("supply", mineral)]
            )
        for stage in STAGES:
            frames.append(_stage_rows(path, mineral, stage, stages[stage], where, places, minerals))
    out = pd.concat(frames, ignore_index=True)
    out.insert(0, "source_id", source_id)
    return out.sort_values(["mineral", "stage", "year", "country_code"], kind="stable")
