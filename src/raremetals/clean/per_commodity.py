"""The layout of one wide file per commodity (MCS 2022-2024): ``mcsYYYY-<code>_world.csv``
holds, per country, production for two years and reserves, in a unit named by the column
header (``Prod_kt_est_2023``). Each value becomes one observation in metric tons (or
carats / cubic metres for the few commodities not measured by mass), keeping the source's
unit, the basis (what is weighed: REO equivalent, metal content, gross weight, ...) and
the flags the source gave it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import (
    MEASURES,
    UNITS,
    basis_of,
    estimate_marks,
    flag_string,
    parse_cell,
    parse_value_column,
    stage_of,
    stated_factor,
)
from raremetals.clean.corrections import NOT_READ, UnitFinding
from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows, refuse_headerless

_FILE = re.compile(r"^mcs(?P<year>\d{4})-(?P<code>[a-z-]+)_world\.csv$", re.IGNORECASE)
_NOTE_COLUMN = re.compile(r"^(Prod|Cap|Reserves)_notes?$")
_NAMED = ("Source", "Country", "Type")


@dataclass
class _Layout:
    """What a file's header says: its columns, which hold values (and in what unit), which
    hold notes, the years each measure's columns hold, and the unit findings on it."""

    path: Path
    edition: str
    header: list[str]
    values: dict[int, dict]
    findings: dict = field(default_factory=dict)

    @cached_property
    def col(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.header) if name}

    @cached_property
    def note_col(self) -> dict[str, int]:
        return {MEASURES[n.split("_")[0]]: i for n, i in self.col.items() if _NOTE_COLUMN.match(n)}

    @cached_property
    def years_of(self) -> dict[str, set[int]]:
        years: dict[str, set[int]] = {}
        for vm in self.values.values():
            if vm["year"]:
                years.setdefault(MEASURES[vm["measure"]], set()).add(int(vm["year"]))
        return years


def _header(path: Path, rows: list[list[str]], fixes: dict) -> list[str]:
    width = max(len(r) for r in rows)
    header = [
        fixes.get(i + 1, fixes.get(h.strip(), h.strip()))
        for i, h in enumerate(rows[0] + [""] * (width - len(rows[0])))
    ]
    for required in _NAMED:
        if required not in header:
            raise InputError(
                path, f"a column named '{required}'", ", ".join(h for h in header if h)
            )
    refuse_headerless(path, header, rows[1:])
    return header


def _value_columns(path: Path, header: list[str]) -> dict[int, dict]:
    """Column position -> its parts (``parse_value_column``), for each value column."""
    found = {}
    for i, name in enumerate(header):
        if not name or name in (*_NAMED, NOT_READ) or _NOTE_COLUMN.match(name):
            continue
        vm = parse_value_column(name)
        if vm and re.search(r"\d", vm["unit"]):  # "Prod_t_est_2O22": the year is misspelt
            expected = "a column name ending in a year of four digits (Prod_<unit>[_est]_<year>)"
        elif not vm:
            expected = (
                "a column named like Prod_<unit>[_est]_<year>, Reserves_<unit> or a notes column"
            )
        elif vm["unit"] not in UNITS:
            expected = f"a unit the pipeline knows ({', '.join(UNITS)})"
            name = vm["unit"]
        else:
            found[i] = vm
            continue
        raise InputError(path, expected, name, row=1, column=header[i])
    if not found:
        raise InputError(
            path, "at least one production, capacity or reserves column", ", ".join(header)
        )
    return found


def _findings_on(layout: _Layout, unit_findings, findings_path) -> dict:
    """(column, row or None) -> the unit finding on that cell or column of the file; each
    must name a value column whose header has the finding's unit."""
    name = layout.path.name.lower()
    findings = {
        (f.column, f.row): f
        for f in unit_findings
        if f.edition == layout.edition and f.file.lower() == name
    }
    for f in findings.values():
        i = layout.header.index(f.column) if f.column in layout.header else None
        if i not in layout.values or layout.values[i]["unit"] != f.unit_in_source:
            raise InputError(
                findings_path,
                f"column '{f.column}' of {layout.path.name} with unit '{f.unit_in_source}' "
                "in its header",
                layout.values[i]["unit"] if i in layout.values else "no such column",
                row=f.line,
            )
    return findings


def _checked_row(layout: _Layout, cells: list[str], rownum: int, named: int) -> list[str]:
    path, edition = layout.path, layout.edition
    if len(cells) < named:
        raise InputError(
            path,
            f"a row with all {named} named columns (a truncated file?)",
            f"{len(cells)} cells",
            row=rownum,
        )
    cells = cells + [""] * (len(layout.header) - len(cells))
    source = cells[layout.col["Source"]]
    # Some files leave Source blank or write "MCS 2024"; the file name fixes the edition.
    if source.replace(" ", "").upper() not in ("", edition.upper()):
        raise InputError(
            path,
            f"'{edition.upper()}' (or nothing) in the Source column",
            source,
            row=rownum,
            column="Source",
        )
    return cells


def _row_estimates(layout: _Layout, cells, rownum, note_readings) -> dict:
    """Measure -> (the years its note says are estimated, whether it says all are)."""
    marks = {}
    for measure, i in layout.note_col.items():
        years, every = estimate_marks(cells[i])
        says, reads = (note_readings or {}).get(
            (layout.edition, layout.path.name.lower(), rownum, layout.header[i]), (None, None)
        )
        years = {reads if y == says else y for y in years} - {None}
        held = sorted(layout.years_of.get(measure, ()))
        if years - set(held):
            raise InputError(
                layout.path,
                f"a note naming a year of the file's {measure} "
                f"columns ({', '.join(map(str, held))}); if the note means "
                "another year, record how it reads in "
                "data/corrections/usgs_note_readings.csv",
                cells[i].strip(),
                row=rownum,
                column=layout.header[i],
            )
        marks[measure] = (years, every)
    return marks


def _value(layout: _Layout, cells, rownum, i, vm, type_raw, marks, production_estimated):
    """The value columns of one cell: value, unit, flags, basis, series and note."""
    path, column = layout.path, layout.header[i]
    measure = MEASURES[vm["measure"]]
    value, flags = parse_cell(cells[i], path, rownum, column)
    years, every = marks.get(measure, (set(), False))
    if value is not None and (
        vm["est"]
        or every
        or (vm["year"] and int(vm["year"]) in years)
        or (measure == "production" and production_estimated)
    ):
        flags.append("e")
    note_col = layout.note_col
    note_text = cells[note_col[measure]].strip() if measure in note_col else ""
    finding = layout.findings.get((column, rownum)) or layout.findings.get((column, None))
    applied = finding.unit_used if finding else vm["unit"]
    unit, factor = UNITS[applied]
    stated = stated_factor(note_text, type_raw, measure)
    if stated and unit == "t" and stated[0] != factor:
        raise InputError(
            path,
            f"values in the unit the row states ('{stated[1]}'), "
            f"not the header's '{vm['unit']}'; if the header is wrong, "
            "record it in data/corrections/usgs_units.csv",
            cells[i].strip(),
            row=rownum,
            column=column,
        )
    basis = basis_of(vm["product"] or "") or basis_of(type_raw) or "as reported"
    if measure == "reserves":
        basis = basis_of(note_text) or basis
    return {
        "series": type_raw + (f" [{vm['product']}]" if vm["product"] else ""),
        "stage": stage_of(type_raw),
        "measure": measure,
        "value": float(value * factor) if value is not None else None,
        "unit": unit,
        "value_raw": cells[i].strip(),
        "unit_raw": vm["unit"],
        "unit_applied": applied,
        "unit_finding": finding.id if finding else "",
        "basis": basis,
        "flag": flag_string(flags),
        "note": note_text,
    }


def parse_world_file(
    path,
    source_id: str,
    commodities: dict[str, dict],
    resolver: CountryResolver,
    header_fixes=None,
    unit_findings: Sequence[UnitFinding] = (),
    findings_path=None,
    note_readings=None,
) -> pd.DataFrame:
    """One USGS world file as tidy observations (one row per country, measure and year).

    A unit-error finding for a column (or one cell) reads its values in the finding's unit;
    the header's unit stays in ``unit_raw``. A unit the row states in words that disagrees
    with the unit used is an error: a header the notes contradict must be recorded.

    A number is flagged ``e`` when its header says so, when the measure's note names its
    year ("Production in 2021 is also estimated", "Also estimated in 2022") or all years
    ("Estimated", "Estimated in both years"), and, for production, when the Type text
    ends in ", estimated" or an ``e`` is glued to the country name ("Russiae": the MCS
    tables mark a country's estimated production so, never its reserves). A note naming
    a year the file does not hold must be read through ``note_readings``.
    """
    path = Path(path)
    m = _FILE.match(path.name)
    if not m:
        raise InputError(path, "a file named mcsYYYY-<commodity>_world.csv", path.name)
    edition = f"mcs{m['year']}"
    if m["code"].lower() not in commodities:
        raise InputError(path, "a commodity code listed in data/commodities.csv", m["code"])
    commodity = commodities[m["code"].lower()]["commodity"]
    rows = read_csv_rows(path, headerless_values=True)
    header = _header(path, rows, (header_fixes or {}).get((edition, path.name.lower()), {}))
    layout = _Layout(path, edition, header, _value_columns(path, header))
    layout.findings = _findings_on(layout, unit_findings, findings_path)
    col = layout.col
    named = max(i for i, name in enumerate(rows[0]) if name.strip()) + 1
    out: list[dict] = []
    seen: dict = {}
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        cells = _checked_row(layout, cells, rownum, named)
        type_raw = " ".join(cells[col["Type"]].split())
        name = resolver.split_usgs_name(cells[col["Country"]])
        place = resolver.require(name.base, path, row=rownum, column="Country")
        key = (type_raw, cells[col["Country"]].strip())
        if key in seen:
            raise InputError(
                path,
                f"one row per country and type (row {seen[key]} has the same)",
                key[1],
                row=rownum,
                column="Country",
            )
        seen[key] = rownum
        marks = _row_estimates(layout, cells, rownum, note_readings)
        production_estimated = name.estimated or estimate_marks(type_raw)[1]
        footnote = f"footnote {name.footnote} on the country name" if name.footnote else ""
        for i, vm in layout.values.items():
            v = _value(layout, cells, rownum, i, vm, type_raw, marks, production_estimated)
            out.append(
                {
                    "source_id": source_id,
                    "edition": edition,
                    "commodity": commodity,
                    "series": v["series"],
                    "stage": v["stage"],
                    "measure": v["measure"],
                    "year": int(vm["year"]) if vm["year"] else int(m["year"]) - 1,
                    "country_code": place.code,
                    "country": place.country,
                    "area_type": place.area_type,
                    "country_raw": cells[col["Country"]],
                    "country_qualifier": name.qualifier,
                    **{k: v[k] for k in ("value", "unit", "value_raw", "unit_raw")},
                    **{k: v[k] for k in ("unit_applied", "unit_finding", "basis", "flag")},
                    "note": " | ".join(filter(None, [v["note"], footnote])),
                    "file": path.name,
                    "row": rownum,
                    "column": header[i],
                }
            )
    return pd.DataFrame(out)
