"""Clean a USGS edition laid out as MCS 2025 is, one wide world table
(``MCS2025_World_Data.csv``), into observations (the registry's layout ``world-table``).

One row per commodity x country x Type, with production for two years
(``PROD_2023``, ``PROD_EST_ 2024``: the stray space is the source's), capacity likewise,
reserves for 2024 and a notes column for each. The unit is a column of its own in words;
a reserve note may state the reserves' own unit ("Crude Ore, million metric tons").
Where a value cell is blank the notes often carry the USGS code instead ("NA",
"W for 23-24", "Large"): the code becomes the value's flag, for the years it names.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import basis_of, estimate_marks, parse_cell, stage_of
from raremetals.clean.countries import CountryResolver
from raremetals.clean.usgs_tables import (
    LEFT_OUT,
    CommodityNames,
    data_rows,
    not_read,
    observation,
    refuse_duplicate,
    require_columns,
    unit_of,
)
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows

ENCODING = "utf-8-sig"  # UTF-8 with a byte-order mark
_VALUE = re.compile(r"^(?P<measure>PROD|CAP|RESERVES)(?P<est>_EST)?_\s*(?P<year>\d{4})$")
MEASURES = {"PROD": "production", "CAP": "capacity", "RESERVES": "reserves"}
NOTES = {"production": "PROD_NOTES", "capacity": "CAP_NOTES", "reserves": "RESERVE_NOTES"}
COLUMNS = ["SOURCE", "COMMODITY", "COUNTRY", "TYPE", "UNIT_MEAS", *NOTES.values()]

# A note that stands for a blank value: (pattern, flag). A year range ("for 23-24") or a
# year ("for 2023") limits it to those years.
_NOTE_CODES = [
    (re.compile(r"^(?:NA|na)\b"), "NA"),
    (re.compile(r"^W\b"), "W"),
    (re.compile(r"^(?:XX|xx)$"), "XX"),
    (re.compile(r"^Less than 1/2 unit", re.I), "lt_half_unit"),
    (re.compile(r"included with ilmenite", re.I), "incl_ilmenite"),
    (re.compile(r"^Included in World total", re.I), "incl_world"),
    (re.compile(r"^Included with Other countries", re.I), "incl_other"),
    (re.compile(r"^Moderate", re.I), "moderate"),
    (re.compile(r"^Large$", re.I), "large"),
    (re.compile(r"^(?:Very )?small$", re.I), "small"),
]
BLANK_ROW = "every value cell of the row is blank (the source gives nothing for the series)"
_NOTE_YEARS = re.compile(r"\bfor (\d{2,4})(?:-(\d{2,4}))?\b")
_RESERVE_UNIT = re.compile(
    r"^(?:\(reserve data is |[a-z ]+,\s*)?(thousand metric tons|million metric tons|metric tons)",
    re.I,
)


def note_code(note: str, year: int) -> str | None:
    """The USGS code a note stands for in ``year``, or None."""
    for pattern, flag in _NOTE_CODES:
        if pattern.search(note):
            years = _NOTE_YEARS.search(note)
            if years:
                first = int(years[1][-2:])
                last = int((years[2] or years[1])[-2:])
                if not first <= year % 100 <= last:
                    return None
            return flag
    return None


def parse_world_table(
    path,
    source_id: str,
    names: CommodityNames,
    resolver: CountryResolver,
    unit_findings=(),
    *,
    edition: str,
) -> tuple[pd.DataFrame, list[dict]]:
    """An edition's world table in MCS 2025's layout as observations, and the rows not
    read (chapters outside the analysis), each with its reason.

    A unit-error finding of ``data/corrections/usgs_units.csv`` for a row's ``UNIT_MEAS``
    (every value of the row), one value column (``RESERVES_2024``) or a reserve note's
    unit reads those values in the finding's unit; the unit as written stays in
    ``unit_raw``."""
    path = Path(path)
    rows = read_csv_rows(path, encoding=ENCODING)
    header = [h.strip() for h in rows[0]]
    col = require_columns(path, header, COLUMNS)
    values = {i: m for i, h in enumerate(rows[0]) if (m := _VALUE.match(h)) is not None}
    if not values:
        raise InputError(
            path, "columns named like PROD_2023, PROD_EST_ 2024, RESERVES_2024", ", ".join(header)
        )
    unknown = [h for i, h in enumerate(header) if i not in values and h not in COLUMNS and h]
    if unknown:
        raise InputError(
            path,
            "value columns named like PROD_2023 or RESERVES_2024, or a notes column",
            unknown[0],
            row=1,
            column=unknown[0],
        )
    fixes = {
        (f.row, f.column): f
        for f in unit_findings
        if f.edition == edition and f.file == path.name and f.verdict == "unit-error"
    }
    out, skipped, named, seen = [], [], {}, dict[tuple, int]()
    for rownum, cells in data_rows(path, rows, len(header)):
        if cells[col["SOURCE"]].strip() != edition.upper():
            raise InputError(
                path,
                f"'{edition.upper()}' in the SOURCE column",
                cells[col["SOURCE"]],
                row=rownum,
            )
        named[rownum] = cells[col["COMMODITY"]]
        commodity = names(edition, named[rownum], path, rownum, "COMMODITY")
        if not commodity:
            skipped.append(not_read(path, rownum, cells[col["COMMODITY"]], LEFT_OUT))
            continue
        type_raw = " ".join(cells[col["TYPE"]].split())
        country_raw = cells[col["COUNTRY"]]
        name = resolver.split_usgs_name(country_raw)
        place = resolver.require(name.base, path, row=rownum, column="COUNTRY")
        refuse_duplicate(
            seen,
            (commodity, type_raw, " ".join(country_raw.split())),
            path,
            rownum,
            "COUNTRY",
            "commodity, Type and country",
        )
        unit_words = cells[col["UNIT_MEAS"]]
        notes = {m: " ".join(cells[col[c]].split()) for m, c in NOTES.items()}
        production_estimated = name.estimated or estimate_marks(type_raw)[1]
        for i, vm in values.items():
            measure, year = MEASURES[vm["measure"]], int(vm["year"])
            note = notes[measure]
            column = rows[0][i]
            value, flags = parse_cell(cells[i], path, rownum, column)
            if flags == ["blank"]:
                flags = [note_code(note, year) or "blank"]
            unit_column, words = "UNIT_MEAS", unit_words
            if measure == "reserves" and (stated := _RESERVE_UNIT.search(note)):
                unit_column, words = NOTES[measure], stated[1]
            finding = fixes.get((rownum, column)) or fixes.get((rownum, unit_column))
            if finding:
                unit, factor, applied = unit_of(finding.unit_used, path, rownum, unit_column)
            elif words.strip() or value is not None:
                unit, factor, applied = unit_of(words, path, rownum, unit_column)
            else:  # a row of codes alone needs no unit (and has no value to convert)
                unit, factor, applied = "t", Decimal(1), ""
            basis = basis_of(type_raw) or "as reported"
            if measure == "reserves":  # "Gross weight for reserves data", "ZrO2 content"
                basis = basis_of(note) or basis
            years, every = estimate_marks(note)
            if note.lower().startswith("estimated"):  # "estimated 2023", "Estimated based on"
                years |= {int(y) for y in re.findall(r"\b(20\d\d)\b", note)}
                every = every or not years
            if value is not None and (
                vm["est"]
                or every
                or year in years
                or (measure == "production" and production_estimated)
            ):
                flags.append("e")
            out.append(
                observation(
                    source_id=source_id,
                    edition=edition,
                    commodity=commodity,
                    series=type_raw,
                    stage=stage_of(type_raw),
                    measure=measure,
                    year=year,
                    place=place,
                    name=name,
                    country_raw=country_raw,
                    qualifier=name.qualifier,
                    value=value,
                    factor=factor,
                    unit=unit,
                    value_raw=cells[i].strip(),
                    unit_raw=" ".join(words.split()).lower(),
                    unit_applied=applied,
                    finding=finding,
                    basis=basis,
                    flags=flags,
                    note=note,
                    file=path.name,
                    row=rownum,
                    column=column,
                )
            )
    table = pd.DataFrame(out)
    # every row has every measure's columns; a series (commodity x Type) has a measure
    # only where some row of it gives a value or a code
    given = table["flag"] != "blank"
    has = given.groupby([table["commodity"], table["series"], table["measure"]]).transform("any")
    kept = set(table.loc[has, "row"])
    blank = table[~table["row"].isin(kept)].drop_duplicates("row")
    skipped += [not_read(path, r.row, named[r.row], BLANK_ROW) for r in blank.itertuples()]
    return table[has].reset_index(drop=True), skipped
