"""Clean World Mining Data (the Austrian ministry's yearbook, copied by a third party): its
workbook of section 6.4 (production by country, 2011-2015, from vol. 32) and the
concentration index each volume prints in section 6.5 for its last year.

The workbook: one sheet a mineral (``data/wmd_minerals.csv`` lists every sheet, with the
heading the PDF gives it and the paper's metal it stands for); row 2 is the header
(Country, unit, five years, "Sources of data"), then a row per country and a ``Total``.
Each value keeps its cell (``row``, ``column``). The word of the last column is the
row's mark: ``reported`` (no flag), ``estimate`` (``e``) or ``provisional``
(``provisional``); any other word, a unit other than the sheet's, a cell that is not a
number and a total that is not the sum of its rows stop the build at the cell. Russia
comes in two parts (Europe, Asia), two rows of one country (``RUS``).

The PDF: section 6.5 is read with pypdf, on the pages the data lists for each heading
(``index_page`` of ``data/wmd_minerals.csv`` for vol. 32, of ``data/wmd_volumes.csv`` for
vols. 28-31) and the page after; a mineral's table opens with the line before its "Rank
Rank" header (the heading) and closes with "Total <production> 100.00 HHI <index>" (100,00
in vol. 28, which writes a decimal comma). A listed heading not found there with its total
and index stops the build.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import amount
from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference

MARKS = {"reported": "", "estimate": "e", "provisional": "provisional"}
HEADER = ("Country", "unit")
TOTAL = "Total"
MARK_COLUMN = "Sources of data"
_HEAD = re.compile(r"^\s*Rank\s+Rank")
_PRINTED = re.compile(r"Total\s+([\d ]+?)\s+100[.,]00\s+HHI\s*([\d ]+?)\s*$")


def load_minerals(path) -> pd.DataFrame:
    minerals = read_reference(path)
    for column in ("sheet", "heading"):
        named = minerals[minerals[column] != ""]
        twice = named[named[column].duplicated()]
        if len(twice):
            raise InputError(path, f"each {column} once", twice[column].iloc[0], column=column)
    headed = minerals[minerals["heading"] != ""]
    bad = headed[~headed["index_page"].str.fullmatch(r"[1-9]\d*")]
    if len(bad):
        expected = f"the page (from 1) of sheet {bad['sheet'].iloc[0]}'s heading"
        raise InputError(path, expected, bad["index_page"].iloc[0], column="index_page")
    return minerals


def _number(path, cell, value) -> float:
    return amount(value, path, "a number, 0 or more, or an empty cell", row=cell[0], column=cell[1])


def _sheet(path, ws, mineral: dict, places: CountryResolver) -> list[dict]:
    from openpyxl.utils import get_column_letter

    rows = list(ws.iter_rows(values_only=True))
    header = rows[1] if len(rows) > 1 else ()
    if tuple(header[:2]) != HEADER:
        raise InputError(
            path, f"sheet {ws.title}: a header Country, unit, years", str(header), row=2
        )
    if MARK_COLUMN not in header:
        raise InputError(path, f"sheet {ws.title}: a column {MARK_COLUMN!r}", str(header), row=2)
    mark = header.index(MARK_COLUMN)
    years = [int(y) for y in header[2:mark]]
    out, total, unit = [], None, None
    for line, r in enumerate(rows[2:], start=3):
        name = (r[0] or "").strip()
        if not name:
            continue
        if name == TOTAL:
            total = (line, r)
            continue
        if unit is None:
            unit = r[1]
        if r[1] != unit:
            raise InputError(path, f"sheet {ws.title}: the unit {unit}", r[1], row=line, column="B")
        word = r[mark]
        values = r[2:mark]
        if word not in MARKS and any(v is not None for v in values):
            raise InputError(
                path,
                f"sheet {ws.title}: one of {', '.join(MARKS)}",
                word,
                row=line,
                column=get_column_letter(mark + 1),
            )
        place = places.require(name, path, row=line)
        for k, (year, value) in enumerate(zip(years, values)):
            column = get_column_letter(3 + k)
            out.append(
                {
                    "sheet": ws.title,
                    "commodity": mineral["commodity"],
                    "basis": mineral["basis"],
                    "year": year,
                    "country_code": place.code,
                    "country": place.country,
                    "area_type": place.area_type,
                    "country_raw": name,
                    "value": _number(path, (line, column), value),
                    "unit": unit,
                    "flag": MARKS.get(word, ""),
                    "file": Path(path).name,
                    "row": line,
                    "column": column,
                }
            )
    _check_total(path, ws.title, out, total, years)
    return out


def _check_total(path, sheet, rows, total, years) -> None:
    from openpyxl.utils import get_column_letter

    if total is None:
        raise InputError(path, f"sheet {sheet}: a Total row", "none")
    line, r = total
    for k, year in enumerate(years):
        column = get_column_letter(3 + k)
        printed = _number(path, (line, column), r[2 + k])
        summed = math.fsum(
            x["value"] for x in rows if x["year"] == year and x["value"] == x["value"]
        )
        if printed == printed and not math.isclose(printed, summed, rel_tol=1e-9, abs_tol=0.5):
            raise InputError(
                path,
                f"sheet {sheet}: a total equal to the sum of the rows ({summed:,.10g})",
                f"{printed:,.10g}",
                row=line,
                column=column,
            )


def read_workbook(path, minerals: pd.DataFrame, places: CountryResolver) -> pd.DataFrame:
    """Every value of every sheet the minerals table lists (see the module docstring)."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    listed = dict(zip(minerals["sheet"], minerals.to_dict("records")))
    unknown = [s for s in wb.sheetnames if s not in listed]
    if unknown:
        raise InputError(path, "a sheet data/wmd_minerals.csv lists", unknown[0])
    rows = [row for s in wb.sheetnames for row in _sheet(path, wb[s], listed[s], places)]
    return pd.DataFrame(rows)


def read_printed_indices(path, year: int, minerals: pd.DataFrame) -> pd.DataFrame:
    """Section 6.5's printed total and (mod)HHI(ct) of each mineral for ``year`` (the
    volume's last), with the page it stands on. ``minerals`` gives each ``heading`` its
    ``sheet`` and ``index_page`` (of the file, from 1); a row without a heading has no
    index. Only those pages and the page after each (a table may end there) are read:
    text extraction costs some 30 ms a page, and the section is 40 pages of 255."""
    from pypdf import PdfReader

    listed = minerals[minerals["heading"] != ""]
    by_heading = dict(zip(listed["heading"], listed["sheet"]))
    found, heading = [], None
    reader = PdfReader(path)
    for number in sorted({int(n) + k for n in listed["index_page"] for k in (0, 1)}):
        if number > len(reader.pages):
            continue
        lines = (reader.pages[number - 1].extract_text() or "").split("\n")
        for k, line in enumerate(lines):
            if _HEAD.match(line) and k:
                heading = lines[k - 1].strip()
                if heading not in by_heading:
                    heading = None  # another mineral's table on a page listed for one
            m = _PRINTED.search(line)
            if m and heading:
                found.append(
                    {
                        "sheet": by_heading[heading],
                        "heading": heading,
                        "year": year,
                        "printed_total": float(m.group(1).replace(" ", "")),
                        "printed_hhi": float(m.group(2).replace(" ", "")),
                        "file": Path(path).name,
                        "page": number,
                    }
                )
                heading = None
    for _, row in listed[~listed["heading"].isin([f["heading"] for f in found])].iterrows():
        page = int(row["index_page"])
        raise InputError(
            path,
            f"heading {row['heading']!r} with its printed total and index on page {page} "
            f"or {page + 1} (index_page of the data's list)",
            "none",
        )
    return pd.DataFrame(found)
