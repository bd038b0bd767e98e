"""Clean a USGS edition laid out as MCS 2026 is, one long table
(``MCS2026_Commodities_Data.csv``), into observations (the registry's layout ``long``).

The file holds every statistic of the edition, one row per chapter x section x commodity
x country x statistic x year; its world sections (``Section`` "World ... Production ...")
give production, capacity and reserves by country, which are read here. It is cp1252
text with CRLF line ends (decoded as such, explicitly); values carry thousands
separators and the USGS codes (``W``, ``NA``, ``—`` for zero, ``>``/``<``, ranges such
as ``330 - 390``, and ``s``, whose meaning the row's note gives: "Less than ½ unit.",
"Included in “World total.”"); ``Notes`` opens with "Estimated." for an estimate.
World totals carry "rounded" in ``Statistics_detail`` ("Mine production: rounded"), which
is otherwise the series; the qualifier is kept on the row, not in the series, so that the
total and the countries form one distribution.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import basis_of, parse_cell, stage_of
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

ENCODING = "cp1252"
COLUMNS = [
    "MCS chapter",
    "Section",
    "Commodity",
    "Country",
    "Statistics",
    "Statistics_detail",
    "Unit",
    "Year",
    "Value",
    "Notes",
    "Other notes",
]
MEASURES = {"Production": "production", "Capacity": "capacity", "Reserves": "reserves"}
# What the file's other sections hold: every statistic is one of these or is refused, so a
# misspelt "Productoin" cannot drop a country without a word
OTHER_SECTIONS = {
    "Salient Statistics—United States": (
        "US salient statistics",
        {
            "Consumption",
            "Employment",
            "Export",
            "Import",
            "Net import reliance",
            "Price",
            "Production",
            "Sales",
            "Shipment",
            "Sold",
            "Sold or used",
            "Stock",
            "Supply",
        },
    ),
    "Import Sources": ("US import sources", {"Import sources 2021-2024"}),
}
_ROUNDED = re.compile(r"[:,]?\s*\brounded\b", re.IGNORECASE)
_DATA_STATEMENT = re.compile(r"^\(Data in (.*?), unless otherwise specified\)|^\(Data in ([^)]*)\)")
# "Mine production and ore reserves are reported in gross weight" (a row's note)
_REPORTED_IN = re.compile(r"([^.]*?)\b(?:is|are) reported in ([^.]*)", re.I)
# "World Mine Production (manganese content) and Reserves": the basis of the measure it follows
_SECTION_BASIS = re.compile(r"\b(production|reserves)\s*\(([^)]*)\)", re.I)
_WORLD_SECTION_BASIS = re.compile(r"^World\b.*\(([^)]*)\)$")
# what an "s" stands for, from the row's note
_S_CODES = [
    (re.compile(r"less than ½\s*unit", re.I), "lt_half_unit"),
    (re.compile(r"included in .world total", re.I), "incl_world"),
    (re.compile(r"included with .other countries", re.I), "incl_other"),
    (re.compile(r"included with ilmenite", re.I), "incl_ilmenite"),
]


def _s_code(note: str, path, row: int) -> str:
    for pattern, flag in _S_CODES:
        if pattern.search(note):
            return flag
    raise InputError(
        path,
        "a note saying what the code 's' stands for (less than ½ unit, included in the "
        "world total or with other countries)",
        note,
        row=row,
        column="Notes",
    )


def _note_basis(note: str, measure: str, detail: str) -> str | None:
    """The basis a row's note states for the row's measure ("Mine production and ore
    reserves are reported in gross weight": production, and reserves of ore)."""
    for subject, words in _REPORTED_IN.findall(note):
        low = subject.lower()
        if measure == "production" and "production" in low:
            return basis_of(words)
        if measure == "reserves" and "reserves" in low:
            # "ore reserves": the ore series, not "Reserves: Cr2O3 content"
            if "ore reserves" not in low or re.search(r"\bore\b", detail, re.I):
                return basis_of(words)
    return None


def basis_of_row(detail: str, note: str, section: str, statement: str, measure: str) -> str:
    """What a row weighs, from the most particular statement that says: the series' own
    words ("Reserves: Cr2O3 content"), the row's note, the section title ("World Mine
    Production (manganese content) and Reserves", "... Reserves (gross weight)"), then
    the chapter's unit statement ("(Data in thousand metric tons, chromium content,
    ...)"); "as reported" where none does."""
    section_basis = {m.lower(): basis_of(b) for m, b in _SECTION_BASIS.findall(section)}
    whole = _WORLD_SECTION_BASIS.match(section)
    return (
        basis_of(detail)
        or _note_basis(note, measure, detail)
        or section_basis.get(measure)
        or (basis_of(whole[1]) if whole else None)
        or basis_of(statement)
        or "as reported"
    )


def parse_commodities_table(
    path,
    source_id: str,
    names: CommodityNames,
    resolver: CountryResolver,
    unit_findings=(),
    *,
    edition: str,
) -> tuple[pd.DataFrame, list[dict]]:
    """The world production, capacity and reserves of an edition in MCS 2026's layout as
    observations, and the rows not read, each with its reason (a chapter outside the
    analysis, a US section). Every row of the file is one or the other; a section or
    statistic outside the vocabularies above is refused. A unit-error finding of
    ``data/corrections/usgs_units.csv`` on a row's ``Unit`` reads its value in the
    finding's unit; the unit as written stays in ``unit_raw``."""
    path = Path(path)
    rows = read_csv_rows(path, encoding=ENCODING)
    header = [h.strip() for h in rows[0]]
    col = require_columns(path, header, COLUMNS)
    fixes = {
        f.row: f
        for f in unit_findings
        if (f.edition, f.file, f.column, f.verdict) == (edition, path.name, "Unit", "unit-error")
    }
    out: list[dict] = []
    seen: dict = {}
    skipped: list[dict] = []
    for rownum, cells in data_rows(path, rows, len(header)):
        section = " ".join(cells[col["Section"]].split())
        statistic = cells[col["Statistics"]].strip()
        name = cells[col["Commodity"]]
        if not section.startswith("World"):
            reason, known = OTHER_SECTIONS.get(section, (None, ()))
            if reason is None:
                raise InputError(
                    path,
                    "a section named 'World ...' or " + ", ".join(OTHER_SECTIONS),
                    section,
                    row=rownum,
                    column="Section",
                )
            if statistic not in known:
                raise InputError(
                    path,
                    f"a statistic of the section '{section}' ({', '.join(sorted(known))})",
                    statistic,
                    row=rownum,
                    column="Statistics",
                )
            skipped.append(not_read(path, rownum, name, reason))
            continue
        if statistic not in MEASURES:
            raise InputError(
                path,
                f"a statistic of a world section ({', '.join(MEASURES)})",
                statistic,
                row=rownum,
                column="Statistics",
            )
        commodity = names(edition, name, path, rownum, "Commodity")
        if not commodity:
            skipped.append(not_read(path, rownum, name, LEFT_OUT))
            continue
        measure = MEASURES[statistic]
        year_text = cells[col["Year"]].strip()
        if not re.fullmatch(r"\d{4}", year_text):
            raise InputError(path, "a year (four digits)", year_text, row=rownum, column="Year")
        year = int(year_text)
        detail = " ".join(cells[col["Statistics_detail"]].split())
        series = _ROUNDED.sub("", detail).strip(" :,") or statistic
        country_raw = cells[col["Country"]]
        place_name = resolver.split_usgs_name(country_raw)
        place = resolver.require(place_name.base, path, row=rownum, column="Country")
        refuse_duplicate(
            seen,
            (commodity, series, " ".join(country_raw.split()), measure, year),
            path,
            rownum,
            "Country",
            "commodity, series, country, statistic and year",
        )
        note = " ".join(cells[col["Notes"]].split())
        raw = cells[col["Value"]].strip()
        if raw == "s":
            value, flags = None, [_s_code(note, path, rownum)]
        else:
            value, flags = parse_cell(raw, path, rownum, "Value")
        if value is not None and (note.lower().startswith("estimated") or place_name.estimated):
            flags.append("e")
        words = unit_of(cells[col["Unit"]], path, rownum, "Unit")[2]
        finding = fixes.get(rownum)
        unit, factor, applied = unit_of(
            finding.unit_used if finding else words, path, rownum, "Unit"
        )
        statement = _DATA_STATEMENT.match(cells[col["Other notes"]].strip())
        basis = basis_of_row(
            detail,
            note,
            section,
            (statement[1] or statement[2]) if statement else "",
            measure,
        )
        stage = stage_of(detail)
        if stage == "unspecified":
            stage = stage_of(section)
        qualifiers = [q for q in (place_name.qualifier,) if q]
        if _ROUNDED.search(detail):
            qualifiers.append("rounded")
        out.append(
            observation(
                source_id=source_id,
                edition=edition,
                commodity=commodity,
                series=series,
                stage=stage,
                measure=measure,
                year=year,
                place=place,
                name=place_name,
                country_raw=country_raw,
                qualifier=", ".join(qualifiers),
                value=value,
                factor=factor,
                unit=unit,
                value_raw=raw,
                unit_raw=words,
                unit_applied=applied,
                finding=finding,
                basis=basis,
                flags=flags,
                note=note,
                file=path.name,
                row=rownum,
                column="Value",
            )
        )
    return pd.DataFrame(out), skipped
