"""Clean USGS Data Series 140 (historical statistics), rare earths 1900-2020, into a tidy
table: one row per year and statistic, with the cell it came from.

The workbook (one sheet) has title rows, a header row (``Year | Production | Imports |
Exports | Apparent consumption | Unit value ($/t) | Unit value (98$/t) | World
production``), one row per year and footnote rows after the last year. Quantities are
metric tons of rare-earth oxide (REO) equivalent, as its third title row says; unit
values are dollars per metric ton, current and of 1998. ``NA`` and ``W`` are kept as
flags, never numbers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from raremetals.core.errors import InputError

# header cell -> (statistic, unit)
COLUMNS = {
    "Year": None,
    "Production": ("us_production", "t REO"),
    "Imports": ("us_imports", "t REO"),
    "Exports": ("us_exports", "t REO"),
    "Apparent consumption": ("us_apparent_consumption", "t REO"),
    "Unit value ($/t)": ("unit_value", "USD/t"),
    "Unit value (98$/t)": ("unit_value_1998usd", "USD(1998)/t"),
    "World production": ("world_production", "t REO"),
}
CODES = {"NA": "NA", "W": "W"}
UNIT_STATEMENT = "metric tons (t) rare-earth oxide equivalent"


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _formula_cells(path: Path) -> dict[tuple[int, int], str]:
    """The formulas of the first sheet by (row, column index from 0). A workbook keeps a
    formula's value beside it only as the program that saved it computed it."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    found = {
        (cell.row, cell.column - 1): cell.value
        for row in book.worksheets[0].iter_rows()
        for cell in row
        if getattr(cell, "data_type", None) == "f"
    }
    book.close()
    return found


def parse_workbook(path, source_id: str) -> pd.DataFrame:
    """The rare-earths sheet of DS 140 as tidy rows (year, statistic, value, flag)."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # a zip that is not a workbook, a truncated file
        raise InputError(path, "an Excel workbook (.xlsx)", type(err).__name__) from None
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    book.close()
    formulas = _formula_cells(path)
    header_at = next((i for i, r in enumerate(rows) if r and str(r[0]).strip() == "Year"), None)
    if header_at is None:
        raise InputError(path, "a header row starting with 'Year'", "none", column="A")
    titles = " ".join(str(r[0]) for r in rows[:header_at] if r and r[0])
    if UNIT_STATEMENT not in titles:
        raise InputError(
            path, f"a title row saying the quantities are {UNIT_STATEMENT}", titles, row=1
        )
    header = [str(h).strip() if h is not None else "" for h in rows[header_at]]
    named = [h for h in header if h]
    if named != list(COLUMNS):
        raise InputError(
            path, "the columns " + " | ".join(COLUMNS), " | ".join(named), row=header_at + 1
        )
    out, last_year = [], None
    for i, cells in enumerate(rows[header_at + 1 :], start=header_at + 2):
        year = cells[0]
        if isinstance(year, float) and year.is_integer():  # a year stored as 2009.0
            year = int(year)
        if not isinstance(year, int) or isinstance(year, bool):
            # the data end at the first row without a year; what follows is footnotes
            rest = [c for r in rows[i - 1 :] for c in r[1:] if c not in (None, "")]
            if rest:
                raise InputError(
                    path,
                    "footnote rows (text in column A only) after the last year",
                    str(rest[0]),
                    row=i,
                )
            break
        if last_year is not None and year != last_year + 1:
            raise InputError(path, f"the year after {last_year}", str(year), row=i, column="A")
        last_year = year
        for j, name in enumerate(header[1 : len(COLUMNS)], start=1):
            statistic, unit = COLUMNS[name] or ("", "")  # no column after Year is None
            cell = cells[j] if j < len(cells) else None
            if cell is None and (i, j) in formulas:
                raise InputError(
                    path,
                    "a formula's value as Excel saved it (a program that saves formulas "
                    "without their values, as openpyxl does, leaves none: open the file in "
                    "Excel or LibreOffice and save it again, or vendor the publisher's copy)",
                    f"the formula {formulas[i, j]} without a value",
                    row=i,
                    column=_letter(j),
                )
            if isinstance(cell, bool) or (
                cell is not None and not isinstance(cell, (int, float, str))
            ):
                raise InputError(path, "a number, NA or W", repr(cell), row=i, column=_letter(j))
            raw = "" if cell is None else str(cell).strip()
            if isinstance(cell, (int, float)):
                if cell < 0:
                    raise InputError(path, "a number of 0 or more", raw, row=i, column=_letter(j))
                value, flag = float(cell), ""
            elif raw in CODES:
                value, flag = None, CODES[raw]
            elif raw == "":
                value, flag = None, "blank"
            else:
                raise InputError(path, "a number, NA or W", raw, row=i, column=_letter(j))
            out.append(
                {
                    "source_id": source_id,
                    "year": year,
                    "statistic": statistic,
                    "value": value,
                    "unit": unit,
                    "value_raw": raw,
                    "flag": flag,
                    "file": path.name,
                    "row": i,
                    "column": f"{_letter(j)} ({name})",
                }
            )
    if not out:
        raise InputError(path, "at least one year of data", "none", row=header_at + 2)
    return pd.DataFrame(out)
