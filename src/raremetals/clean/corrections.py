"""The project's corrections of the USGS releases, each a row with its evidence under
``data/corrections/``: header cells read as another name, units the data contradict,
notes naming a year the file does not hold, values a later version revised, and values
recorded as suspect. Each loader checks its table, and each correction must still find
its cell, so a fixed source cannot leave a stale entry behind."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from raremetals.clean.cells import UNITS, flag_string, parse_cell
from raremetals.clean.usgs_tables import UNIT_WORDS
from raremetals.core.errors import InputError


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


def _whole(path, text: str, line: int, column: str) -> int:
    """A whole number of a corrections table (a row, a year, a position)."""
    if not text.strip().isdigit():
        raise InputError(path, "a whole number", text, row=line, column=column)
    return int(text)


def _whole_or_none(path, text: str, line: int, column: str) -> int | None:
    """A whole number of a corrections table, or None for an empty cell."""
    if not text.strip():
        return None
    if not text.strip().isdigit():
        raise InputError(path, "a whole number or nothing", text, row=line, column=column)
    return int(text)


def _rows(path, text: str, line: int) -> list[int | None]:
    """The rows a finding names: none (every row of the column), one, or ranges of the
    one-table releases' rows ("708-718;720-722"), each row its own finding."""
    if not text.strip():
        return [None]
    rows: list[int | None] = []
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
    findings: list = []
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
    cells = set(zip(obs["edition"], obs["file"], obs["column"], obs["row"]))
    columns = {cell[:3] for cell in cells}
    applied = set(obs["unit_finding"])
    for f in findings:
        if f.edition not in read:  # the config leaves the edition out
            continue
        if f.row is None:
            hit = (f.edition, f.file, f.column) in columns
        else:
            hit = (f.edition, f.file, f.column, f.row) in cells
        # a finding on a unit column (MCS 2025) applies to the values of its row
        if not (hit or f.id in applied):
            raise InputError(
                path,
                "a column (and row) of the USGS world files read",
                f"{f.file} column {f.column}" + (f" row {f.row}" if f.row else ""),
                row=f.line,
            )


def load_note_readings(path) -> dict[tuple[str, str, int, str], tuple[int, int | None]]:
    """``data/corrections/usgs_note_readings.csv``: a note naming a year its file does not
    hold, and the year it is read as, or none (a note left over from the previous
    edition), with the evidence."""
    table = _table(path, ["edition", "file", "row", "column", "says", "reads_as", "evidence"])
    return {
        (r["edition"], r["file"].lower(), _whole(path, r["row"], line, "row"), r["column"]): (
            _whole(path, r["says"], line, "says"),
            _whole_or_none(path, r["reads_as"], line, "reads_as"),
        )
        for line, r in enumerate(table.to_dict("records"), start=2)
    }


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
        key = _whole_or_none(path, r["position"], line, "position") or r["column_in_source"]
        fixes.setdefault((r["edition"], r["file"].lower()), {})[key] = r["column_used"] or NOT_READ
    return fixes


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
