"""Clean the USGS Mineral Commodity Summaries data releases into tidy long tables.

World files (``mcsYYYY-<code>_world.csv``) hold, per country, production for two years
and reserves, in a unit named by the column header (``Prod_kt_est_2023``). Each value
becomes one observation in metric tons (or carats / cubic metres for the few commodities
not measured by mass), keeping the source's unit, the basis (what is weighed: REO
equivalent, metal content, gross weight, ...) and the flags the source gave it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.clean.usgs_tables import UNIT_WORDS
from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed, read_csv_rows, refuse_headerless
from raremetals.core.schemas import COMMODITY_NAMES
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


def stated_factor(note: str, type_text: str, measure: str) -> tuple[Decimal, str] | None:
    """The factor to metric tons of a unit the row states in words, and the words; None
    when it states none (or states two that disagree: then nothing can be checked)."""
    found = [m.group(1).lower() for m in _NOTE_UNIT.finditer(note)]
    if not found and measure != "reserves":
        found = [m.group(1).lower() for m in _TYPE_UNIT.finditer(type_text)]
    factors = {STATED_UNITS[w] for w in found}
    return (factors.pop(), found[0]) if len(factors) == 1 else None


@dataclass(frozen=True)
class UnitFinding:
    """A row of ``data/corrections/usgs_units.csv``: a header unit that the data contradict
    (``unit-error``: values are read in ``unit_used``), or a disagreement between editions
    near a power of 10^3 that is a real revision (``revision``: nothing changes)."""

    id: str
    edition: str
    file: str
    column: str
    row: int | None  # None: every row of the column
    unit_in_source: str
    unit_used: str
    verdict: str
    line: int  # line of the corrections file, for messages


UNIT_VERDICTS = ("unit-error", "revision")


def _table(path, columns: list[str]) -> pd.DataFrame:
    """A corrections table as text, with the columns its loader reads."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputError(path, f"the columns {', '.join(columns)}", ", ".join(table.columns), row=1)
    return table


def _whole(path, text: str, line: int, column: str, blank_ok: bool = False) -> int | None:
    """A whole number of a corrections table (a row, a year, a position)."""
    if blank_ok and not text.strip():
        return None
    if not text.strip().isdigit():
        raise InputError(
            path,
            "a whole number" + (" or nothing" if blank_ok else ""),
            text,
            row=line,
            column=column,
        )
    return int(text)


def _rows(path, text: str, line: int) -> list[int | None]:
    """The rows a finding names: none (every row of the column), one, or ranges of the
    one-table releases' rows ("708-718;720-722"), each row its own finding."""
    if not text.strip():
        return [None]
    rows = []
    for part in text.split(";"):
        first, _, last = part.partition("-")
        a = _whole(path, first, line, "row")
        b = _whole(path, last, line, "row") if last else a
        if b < a:
            raise InputError(path, "a range of rows, first-last", part, row=line, column="row")
        rows += range(a, b + 1)
    return rows


def load_unit_findings(path) -> list[UnitFinding]:
    table = _table(
        path,
        [
            "id",
            "edition",
            "file",
            "column",
            "row",
            "unit_in_source",
            "unit_used",
            "verdict",
            "evidence",
        ],
    )
    findings = []
    for line, r in enumerate(table.to_dict("records"), start=2):
        for column in ("unit_in_source", "unit_used"):
            # the older releases' header tokens, the newer ones' words; a unit cell the
            # source left empty has none
            if r[column] not in UNITS and r[column] not in UNIT_WORDS:
                if not (column == "unit_in_source" and r[column] == ""):
                    raise InputError(
                        path,
                        f"a unit of {', '.join(UNITS)} or {', '.join(UNIT_WORDS)}",
                        r[column],
                        row=line,
                        column=column,
                    )
        if r["verdict"] not in UNIT_VERDICTS:
            raise InputError(
                path, f"one of {', '.join(UNIT_VERDICTS)}", r["verdict"], row=line, column="verdict"
            )
        if r["verdict"] == "revision" and r["unit_used"] != r["unit_in_source"]:
            raise InputError(
                path,
                "unit_used equal to unit_in_source for a revision",
                r["unit_used"],
                row=line,
                column="unit_used",
            )
        if not r["evidence"].strip():
            raise InputError(path, "the evidence in words", "nothing", row=line, column="evidence")
        if r["verdict"] == "unit-error" and r["unit_used"] == r["unit_in_source"]:
            raise InputError(
                path,
                "a unit_used other than unit_in_source for a unit-error",
                r["unit_used"],
                row=line,
                column="unit_used",
            )
        for row in _rows(path, r["row"], line):
            same = [
                f
                for f in findings
                if (f.edition, f.file, f.column, f.row)
                == (r["edition"], r["file"], r["column"], row)
            ]
            if same:
                raise InputError(
                    path,
                    f"one finding per cell or column (line {same[0].line} names the same)",
                    r["id"],
                    row=line,
                    column="id",
                )
            findings.append(
                UnitFinding(
                    r["id"],
                    r["edition"],
                    r["file"],
                    r["column"],
                    row,
                    r["unit_in_source"],
                    r["unit_used"],
                    r["verdict"],
                    line,
                )
            )
    return findings


def check_findings_apply(obs: pd.DataFrame, findings: list[UnitFinding], path) -> None:
    """Every finding names a cell (or column) of the tables read, so a corrected source
    cannot leave a stale entry behind."""
    read = set(obs["edition"])
    for f in findings:
        if f.edition not in read:  # the config leaves the edition out
            continue
        hit = (obs["edition"] == f.edition) & (obs["file"] == f.file) & (obs["column"] == f.column)
        if f.row is not None:
            hit &= obs["row"] == f.row
        # a finding on a unit column (MCS 2025) applies to the values of its row
        if not (hit.any() or (obs["unit_finding"] == f.id).any()):
            raise InputError(
                path,
                "a column (and row) of the USGS world files read",
                f"{f.file} column {f.column}" + (f" row {f.row}" if f.row else ""),
                row=f.line,
            )


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


def load_note_readings(path) -> dict[tuple[str, str, int, str], tuple[int, int | None]]:
    """``data/corrections/usgs_note_readings.csv``: a note naming a year its file does not
    hold, and the year it is read as, or none (a note left over from the previous
    edition), with the evidence."""
    table = _table(path, ["edition", "file", "row", "column", "says", "reads_as", "evidence"])
    return {
        (r["edition"], r["file"].lower(), _whole(path, r["row"], line, "row"), r["column"]): (
            _whole(path, r["says"], line, "says"),
            _whole(path, r["reads_as"], line, "reads_as", blank_ok=True),
        )
        for line, r in enumerate(table.to_dict("records"), start=2)
    }


def load_commodities(path) -> dict[str, dict]:
    """``data/commodities.csv`` by USGS code (every name filled, each code once).

    Several codes may name one commodity (``zirco`` and ``zirco-hafni``), but never with
    other names, symbol or row of Table 3: the second would replace the first."""
    table = read_as_printed(path, COMMODITY_NAMES)
    first: dict[str, dict] = {}
    for r in table.to_dict("records"):
        seen = first.setdefault(r["commodity"], r)
        for column in [c for c in table.columns if c not in ("usgs_code", "file", "row")]:
            if r[column] != seen[column]:
                raise InputError(
                    path,
                    f"the same {column} for every code of commodity '{r['commodity']}' "
                    f"(row {seen['row']} gives {seen[column]!r})",
                    r[column],
                    row=int(r["row"]),
                    column=column,
                )
    return {r["usgs_code"]: r for r in table.to_dict("records")}


NOT_READ = "(not read)"


def load_header_fixes(path) -> dict[tuple[str, str], dict[int | str, str]]:
    """``data/corrections/usgs_header_fixes.csv``: a header cell read as another name,
    keyed by its text or, where the header cell is empty, by its ``position`` (1 = first
    column). An empty ``column_used`` leaves the column unread (the evidence says why)."""
    fixes: dict[tuple[str, str], dict[int | str, str]] = {}
    table = _table(
        path, ["edition", "file", "position", "column_in_source", "column_used", "evidence"]
    )
    for line, r in enumerate(table.to_dict("records"), start=2):
        key = _whole(path, r["position"], line, "position", blank_ok=True) or r["column_in_source"]
        fixes.setdefault((r["edition"], r["file"].lower()), {})[key] = r["column_used"] or NOT_READ
    return fixes


def parse_world_file(
    path,
    source_id: str,
    commodities: dict[str, dict],
    resolver: CountryResolver,
    header_fixes=None,
    unit_findings: list[UnitFinding] = (),
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
    fixes = (header_fixes or {}).get((edition, path.name.lower()), {})
    width = max(len(r) for r in rows)
    header = [
        fixes.get(i + 1, fixes.get(h.strip(), h.strip()))
        for i, h in enumerate(rows[0] + [""] * (width - len(rows[0])))
    ]
    for required in ("Source", "Country", "Type"):
        if required not in header:
            raise InputError(
                path, f"a column named '{required}'", ", ".join(h for h in header if h)
            )
    refuse_headerless(path, header, rows[1:])
    value_columns = {}
    for i, name in enumerate(header):
        if not name or name in ("Source", "Country", "Type", NOT_READ) or _NOTE_COLUMN.match(name):
            continue
        vm = parse_value_column(name)
        if vm and re.search(r"\d", vm["unit"]):  # "Prod_t_est_2O22": the year is misspelt
            raise InputError(
                path,
                "a column name ending in a year of four digits (Prod_<unit>[_est]_<year>)",
                name,
                row=1,
                column=name,
            )
        if not vm:
            raise InputError(
                path,
                "a column named like Prod_<unit>[_est]_<year>, Reserves_<unit> or a notes column",
                name,
                row=1,
                column=name,
            )
        if vm["unit"] not in UNITS:
            raise InputError(
                path,
                f"a unit the pipeline knows ({', '.join(UNITS)})",
                vm["unit"],
                row=1,
                column=name,
            )
        value_columns[i] = vm
    findings = {
        (f.column, f.row): f
        for f in unit_findings
        if f.edition == edition and f.file.lower() == path.name.lower()
    }
    for f in findings.values():
        i = header.index(f.column) if f.column in header else None
        if i not in value_columns or value_columns[i]["unit"] != f.unit_in_source:
            raise InputError(
                findings_path,
                f"column '{f.column}' of {path.name} with unit '{f.unit_in_source}' in its header",
                value_columns[i]["unit"] if i in value_columns else "no such column",
                row=f.line,
            )
    if not value_columns:
        raise InputError(
            path, "at least one production, capacity or reserves column", ", ".join(header)
        )
    col = {name: i for i, name in enumerate(header) if name}
    note_col = {MEASURES[n.split("_")[0]]: i for n, i in col.items() if _NOTE_COLUMN.match(n)}
    named = max(i for i, name in enumerate(rows[0]) if name.strip()) + 1
    years_of = {}
    for vm in value_columns.values():
        if vm["year"]:
            years_of.setdefault(MEASURES[vm["measure"]], set()).add(int(vm["year"]))
    out, seen = [], {}
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) < named:
            raise InputError(
                path,
                f"a row with all {named} named columns (a truncated file?)",
                f"{len(cells)} cells",
                row=rownum,
            )
        cells = cells + [""] * (len(header) - len(cells))
        # Some files leave Source blank or write "MCS 2024"; the file name fixes the edition.
        if cells[col["Source"]].replace(" ", "").upper() not in ("", edition.upper()):
            raise InputError(
                path,
                f"'{edition.upper()}' (or nothing) in the Source column",
                cells[col["Source"]],
                row=rownum,
                column="Source",
            )
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
        marks = {}
        for measure, i in note_col.items():
            years, every = estimate_marks(cells[i])
            says, reads = (note_readings or {}).get(
                (edition, path.name.lower(), rownum, header[i]), (None, None)
            )
            years = {reads if y == says else y for y in years} - {None}
            held = sorted(years_of.get(measure, ()))
            if years - set(held):
                raise InputError(
                    path,
                    f"a note naming a year of the file's {measure} "
                    f"columns ({', '.join(map(str, held))}); if the note means "
                    "another year, record how it reads in "
                    "data/corrections/usgs_note_readings.csv",
                    cells[i].strip(),
                    row=rownum,
                    column=header[i],
                )
            marks[measure] = (years, every)
        production_estimated = name.estimated or estimate_marks(type_raw)[1]
        for i, vm in value_columns.items():
            measure = MEASURES[vm["measure"]]
            value, flags = parse_cell(cells[i], path, rownum, header[i])
            years, every = marks.get(measure, (set(), False))
            if value is not None and (
                vm["est"]
                or every
                or (vm["year"] and int(vm["year"]) in years)
                or (measure == "production" and production_estimated)
            ):
                flags.append("e")
            note_text = cells[note_col[measure]].strip() if measure in note_col else ""
            finding = findings.get((header[i], rownum)) or findings.get((header[i], None))
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
                    column=header[i],
                )
            basis = basis_of(vm["product"] or "") or basis_of(type_raw) or "as reported"
            if measure == "reserves":
                basis = basis_of(note_text) or basis
            series = type_raw + (f" [{vm['product']}]" if vm["product"] else "")
            notes = [note_text] if note_text else []
            if name.footnote:
                notes.append(f"footnote {name.footnote} on the country name")
            out.append(
                {
                    "source_id": source_id,
                    "edition": edition,
                    "commodity": commodity,
                    "series": series,
                    "stage": stage_of(type_raw),
                    "measure": measure,
                    "year": int(vm["year"]) if vm["year"] else int(m["year"]) - 1,
                    "country_code": place.code,
                    "country": place.country,
                    "area_type": place.area_type,
                    "country_raw": cells[col["Country"]],
                    "country_qualifier": name.qualifier,
                    "value": float(value * factor) if value is not None else None,
                    "unit": unit,
                    "value_raw": cells[i].strip(),
                    "unit_raw": vm["unit"],
                    "unit_applied": applied,
                    "unit_finding": finding.id if finding else "",
                    "basis": basis,
                    "flag": flag_string(flags),
                    "note": " | ".join(notes),
                    "file": path.name,
                    "row": rownum,
                    "column": header[i],
                }
            )
    return pd.DataFrame(out)


def mark_suspect(obs: pd.DataFrame, issues_path) -> pd.DataFrame:
    """Flag the source values listed in ``issues_path`` as ``suspect`` (with the evidence).

    A suspect value stays in the tidy table as the source gives it; the statistics treat
    it as unknown. Each listed cell must exist, so a fixed source cannot leave a stale entry.
    """
    issues = pd.read_csv(issues_path, dtype=str, keep_default_na=False)
    obs = obs.copy()
    for line, issue in enumerate(issues.to_dict("records"), start=2):
        if issue["edition"] not in set(obs["edition"]):  # an edition the config leaves out
            continue
        hit = (
            (obs["edition"] == issue["edition"])
            & (obs["file"] == issue["file"])
            & (obs["row"] == int(issue["row"]))
            & (obs["column"] == issue["column"])
        )
        if hit.sum() != 1:
            raise InputError(
                issues_path,
                "a cell (edition, file, row, column) of the USGS world files",
                f"{issue['file']} row {issue['row']} column {issue['column']}",
                row=line,
            )
        i = obs.index[hit][0]
        obs.at[i, "flag"] = flag_string(obs.at[i, "flag"].split(";") + ["suspect"])
        obs.at[i, "note"] = " | ".join(
            filter(None, [obs.at[i, "note"], "suspect: " + issue["evidence"]])
        )
    return obs


def apply_version_corrections(obs: pd.DataFrame, corrections_path) -> pd.DataFrame:
    """Replace the values a later version of an edition revised (MCS 2026 version 1.3
    changed Brazil's rare-earth reserves), as listed in ``corrections_path`` with the
    version and the evidence. ``value_raw`` keeps what the file says; the value and its
    ``>``/``<`` follow the correction; the flag ``corrected`` and the note say so. A listed
    cell must exist and still hold ``value_in_source``, so a re-posted file cannot be
    corrected twice or a stale entry linger."""
    table = _table(
        corrections_path,
        [
            "edition",
            "file",
            "row",
            "column",
            "value_in_source",
            "value_used",
            "version",
            "evidence",
        ],
    )
    obs = obs.copy()
    read = set(obs["edition"])
    for line, c in enumerate(table.to_dict("records"), start=2):
        row = _whole(corrections_path, c["row"], line, "row")
        if c["edition"] not in read:  # an edition the config leaves out
            continue
        hit = (
            (obs["edition"] == c["edition"])
            & (obs["file"] == c["file"])
            & (obs["row"] == row)
            & (obs["column"] == c["column"])
        )
        if hit.sum() != 1 or obs.loc[hit, "value_raw"].iloc[0] != c["value_in_source"]:
            raise InputError(
                corrections_path,
                f"a cell of the USGS files read holding {c['value_in_source']!r}",
                f"{c['file']} row {row} column {c['column']}: "
                + (repr(obs.loc[hit, "value_raw"].iloc[0]) if hit.sum() == 1 else "no such cell"),
                row=line,
            )
        i = obs.index[hit][0]
        value, flags = parse_cell(c["value_used"], corrections_path, line, "value_used")
        unit = obs.at[i, "unit_applied"]
        factor = UNITS[unit][1] if unit in UNITS else UNIT_WORDS[unit][1]
        kept = [f for f in obs.at[i, "flag"].split(";") if f not in ("", ">", "<")]
        obs.at[i, "value"] = float(value * factor) if value is not None else None
        obs.at[i, "flag"] = flag_string(kept + flags + ["corrected"])
        obs.at[i, "note"] = " | ".join(
            filter(
                None,
                [
                    obs.at[i, "note"],
                    f"corrected by version {c['version']}: {c['value_in_source']} "
                    f"-> {c['value_used']}",
                ],
            )
        )
    return obs


_NIR_VALUE = re.compile(r"^(?P<q>[<>])?(?P<num>\d+)$")


def parse_net_import_reliance(
    path, source_id: str, labels: dict[str, str], resolver: CountryResolver
) -> pd.DataFrame:
    """US net import reliance (trends table Fig. 2) with the source's codes kept.

    ``labels`` maps the table's commodity labels to commodity ids; a label not in it is
    kept with an empty commodity id.
    """
    path = Path(path)
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    nir = [h for h in header if h.startswith("Net_Import_Reliance_pct_")]
    sources_col = [h for h in header if h.startswith("Major_Import_Sources_")]
    for name, found in (
        ("Commodity", "Commodity" in header),
        ("Net_Import_Reliance_pct_<year>", len(nir) == 1),
        ("Major_Import_Sources_<years>", len(sources_col) == 1),
    ):
        if not found:
            raise InputError(path, f"a column named '{name}'", ", ".join(header))
    year = int(nir[0].rsplit("_", 1)[1])
    col = {h: i for i, h in enumerate(header)}
    edition = rows[1][col["Source"]].strip().lower()
    out = []
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        raw = cells[col[nir[0]]].strip()
        m = _NIR_VALUE.match(raw)
        if raw == "E":
            value, flag = None, "E"
        elif m and int(m["num"]) <= 100:
            value, flag = float(m["num"]), m["q"] or ""
        else:
            raise InputError(
                path,
                "a percentage 0-100, optionally with > or <, or E (net exporter)",
                raw,
                row=rownum,
                column=nir[0],
            )
        label = " ".join(cells[col["Commodity"]].split())
        listed = cells[col[sources_col[0]]].strip()
        # "NA": the source names no import sources (MCS 2026: xenon)
        partners = [] if listed == "NA" else [p.strip() for p in listed.split(",") if p.strip()]
        codes = [
            resolver.require(p, path, row=rownum, column=sources_col[0]).code for p in partners
        ]
        out.append(
            {
                "source_id": source_id,
                "edition": edition,
                "year": year,
                "commodity": labels.get(label, ""),
                "commodity_label": label,
                "value": value,
                "unit": "%",
                "flag": flag,
                "value_raw": raw,
                "import_sources": "; ".join(partners) or listed,
                "import_source_codes": ";".join(codes),
                "import_sources_years": sources_col[0]
                .removeprefix("Major_Import_Sources_")
                .replace("_", "-"),
                "file": path.name,
                "row": rownum,
            }
        )
    return pd.DataFrame(out)
