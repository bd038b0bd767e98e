"""Clean the British Geological Survey's World Mineral Statistics exports into a tidy table:
one row per commodity series, country and year, with the file and line it came from.

The exports (BGS's web service, OGC API CSV) hold production by country and year; each row
names BGS's commodity and sub-commodity ("rare earth minerals" / "Monazite"), the unit
("tonnes (metric)", "tonnes (metal content)"), the quantity, a precision statement where
the quantity is not a plain number ("Nil (nothing produced)", "Figures not available",
"Quantity is more than 0 but less than 0.5") and note codes with their texts ("*":
"Estimates."). Years are stamps ("2009-01-01 00:00:00").

Every precision statement and note text BGS attaches is a mark of ``data/bgs_marks.csv``,
with what it does to the figure: a value as given, an estimate, zero, no figure, a value
below 0.5 t, a break in series, another basis (the row is kept apart, in a series of its
own), a figure that includes more or less than the series names, another measure
standing in for production, a capacity (production between 0 and it). A mark the table
does not list stops the build at its row. A row's unit must be its series' unit.

What each BGS series is (the project's commodity, stage and basis) is data:
``data/bgs_series.csv``, one row per BGS commodity and sub-commodity; a series it does not
list stops the build. A series is one commodity, stage and basis: rare-earth oxides and
each rare-earth mineral, each lithium mineral or compound, are series of their own, and
nothing sums across them. A series that gives several alloys together (``holds``: the
alloys it may hold, ``*`` any) is one too: the statistics read it as a country's
figure of those alloys given only in a sum (:mod:`raremetals.stats.processing`).
Countries are resolved through the table the USGS files use (``data/countries.csv``);
former countries (the Soviet Union, Czechoslovakia, Yugoslavia, the German Democratic
Republic) keep codes of their own. BGS gives no world totals.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import flag_string, matching
from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows, refuse_missing_columns

# the columns read, by their name in the export
COLUMNS = (
    "year",
    "quantity",
    "units",
    "country_trans",
    "bgs_commodity_trans",
    "bgs_sub_commodity_trans",
    "data_precision_description",
    "concat_figure_notes_code",
    "concat_figure_notes_text",
)
# unit as BGS writes it -> (the project's unit, what it says of the basis or None)
UNITS = {"tonnes (metric)": ("t", None), "tonnes (metal content)": ("t", "element content")}
# what a mark does (data/bgs_marks.csv) -> the flag it gives the row
EFFECTS = {
    "value": "",
    "estimate": "e",
    "zero": "zero",
    "missing": "NA",
    "below": "lt_half_unit",
    "break": "break",
    "other_basis": "",
    "includes": "includes",
    "part": "part",
    "stands_in": "stands_in",
    "included": "included",
    "capacity": "capacity",
    "basis_doubt": "basis_doubt",
}
# the precision statements: where BGS writes 0 or nothing in the quantity
NO_QUANTITY = {"missing", "below", "included"}
BELOW = 0.5  # "more than 0 but less than 0.5", in tonnes
_YEAR = re.compile(r"^(\d{4})-01-01 00:00:00$")
_QUANTITY = re.compile(r"^\d+(?:\.\d+)?$")


def _table(path, wanted: list[str]) -> list[tuple[int, dict]]:
    rows = read_csv_rows(path)
    if rows[0] != wanted:
        raise InputError(path, f"the columns {', '.join(wanted)}", ", ".join(rows[0]), row=1)
    out = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):  # a blank line, often the last
            continue
        if len(cells) != len(wanted):
            raise InputError(path, f"{len(wanted)} cells, as the header", len(cells), row=line)
        out.append((line, dict(zip(wanted, cells))))
    return out


def load_series(path) -> dict[tuple[str, str], dict]:
    """``data/bgs_series.csv`` by (BGS commodity, sub-commodity)."""
    wanted = [
        "bgs_commodity",
        "bgs_sub_commodity",
        "commodity",
        "stage",
        "unit",
        "basis",
        "note",
        "holds",
    ]
    out: dict[tuple[str, str], dict] = {}
    lines = _table(path, wanted)
    subs = {(r["bgs_commodity"], r["bgs_sub_commodity"]) for _, r in lines}
    for line, r in lines:
        held = [h for h in r["holds"].split(";") if h not in ("", "*")]
        unknown = [h for h in held if (r["bgs_commodity"], h) not in subs]
        if unknown:
            raise InputError(
                path,
                f"series of {r['bgs_commodity']} this table lists, or *",
                unknown[0],
                row=line,
                column="holds",
            )
        key = (r["bgs_commodity"], r["bgs_sub_commodity"])
        if key in out:
            raise InputError(path, "each BGS commodity and sub-commodity once", key, row=line)
        if not r["stage"] or not r["basis"]:
            raise InputError(path, "a stage and a basis", "an empty cell", row=line)
        if r["unit"] not in UNITS:
            raise InputError(path, f"a unit of {', '.join(UNITS)}", r["unit"], row=line)
        stated = UNITS[r["unit"]][1]
        if stated and not r["basis"].startswith(stated):
            raise InputError(path, f"a basis of {stated} (the unit says so)", r["basis"], row=line)
        out[key] = r
    return out


class Marks:
    """``data/bgs_marks.csv``: each mark BGS attaches, by commodity (``*`` any), sub-commodity
    (``*`` any) and its text, with its effect and the basis it states."""

    COLUMNS = ["bgs_commodity", "bgs_sub_commodity", "mark", "effect", "basis", "reason"]

    def __init__(self, path):
        self.path = path
        self._marks: dict[tuple[str, str, str], dict] = {}
        for line, r in _table(path, self.COLUMNS):
            key = (r["bgs_commodity"], r["bgs_sub_commodity"], r["mark"])
            if key in self._marks:
                raise InputError(path, "each mark once", " / ".join(key), row=line)
            if r["effect"] not in EFFECTS:
                raise InputError(
                    path,
                    f"an effect of {', '.join(EFFECTS)}",
                    r["effect"],
                    row=line,
                    column="effect",
                )
            if (r["effect"] == "other_basis") != bool(r["basis"]):
                raise InputError(
                    path,
                    "a basis where (and only where) the effect is other_basis",
                    r["basis"] or "nothing",
                    row=line,
                    column="basis",
                )
            if not r["reason"]:
                raise InputError(path, "the reason for the effect", "nothing", row=line)
            self._marks[key] = r

    def of(self, commodity: str, sub: str, text: str, where: tuple) -> dict:
        for key in ((commodity, sub, text), (commodity, "*", text), ("*", "*", text)):
            if key in self._marks:
                return self._marks[key]
        path, line, column = where
        raise InputError(
            path,
            f"a mark listed in {Path(self.path).name} for {commodity} (its effect on the figure)",
            text,
            row=line,
            column=column,
        )


def _value(path, line: int, r: dict, marks: list[dict]) -> tuple[float | None, float | None]:
    """The quantity as a number (None where BGS gives none) and the most it can be (for
    a value below 0.5 t, or a capacity)."""
    effects = {m["effect"] for m in marks}
    if effects & NO_QUANTITY:
        if r["quantity"] not in ("", "0"):
            raise InputError(
                path,
                f"no quantity (or 0) where BGS says '{r['data_precision_description']}'",
                r["quantity"],
                row=line,
                column="quantity",
            )
        return None, (BELOW if "below" in effects else None)
    quantity = float(
        matching(path, line, r, "quantity", _QUANTITY, "a quantity in digits (tonnes)")
    )
    if "zero" in effects and quantity != 0:
        raise InputError(path, "0 where BGS says 'Nil'", quantity, row=line, column="quantity")
    if "capacity" in effects:
        return None, quantity
    return quantity, None


def _marks_of(path, line: int, r: dict, key: tuple[str, str], marks: Marks) -> list[dict]:
    """The marks of a row: its precision statement and each of its note texts, which
    pair with its note codes one for one."""
    codes = list(filter(None, r["concat_figure_notes_code"].split("|")))
    texts = list(filter(None, r["concat_figure_notes_text"].split("|")))
    if len(codes) != len(texts):
        raise InputError(
            path,
            f"a note text for each note code ({len(codes)}: {'|'.join(codes) or 'none'})",
            r["concat_figure_notes_text"] or "no text",
            row=line,
            column="concat_figure_notes_text",
        )
    statement = r["data_precision_description"]
    found = [marks.of(*key, statement, (path, line, "data_precision_description"))]
    return found + [marks.of(*key, t, (path, line, "concat_figure_notes_text")) for t in texts]


def _refuse_one_country_twice(path, out: list[dict]) -> None:
    """Two rows of one country in a series and year, both with a figure: BGS prints a
    country under its old and its new name in the year of the change, one of them
    without a figure; two figures would be summed into a country twice its size."""
    first: dict[tuple, dict] = {}
    for row in out:
        if row["value"] is None and row["value_max"] is None:
            continue
        where = (row["series"], row["country_code"], row["year"])
        if where in first:
            was = first[where]
            raise InputError(
                path,
                f"one figure per country, series and year (line {was['row']} gives "
                f"{was['country_raw']} {was['value_raw']} t, the same country)",
                f"{row['country_raw']} {row['value_raw']} t",
                row=row["row"],
                column="country_trans",
            )
        first[where] = row


def parse_export(
    path,
    source_id: str,
    series: dict[tuple[str, str], dict],
    resolver: CountryResolver,
    marks: Marks,
) -> pd.DataFrame:
    """One BGS export as tidy rows (see the module docstring)."""
    path = Path(path)
    rows = read_csv_rows(path)
    header = rows[0]
    refuse_missing_columns(path, header, COLUMNS)
    out: list[dict] = []
    seen: dict = {}
    for line, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(header):
            raise InputError(path, f"{len(header)} cells", f"{len(cells)} cells", row=line)
        r = dict(zip(header, cells))
        stamp = matching(path, line, r, "year", _YEAR, "a year stamp YYYY-01-01 00:00:00")
        year = int(stamp[:4])  # matching() has held it to _YEAR
        key = (r["bgs_commodity_trans"], r["bgs_sub_commodity_trans"])
        if key not in series:
            raise InputError(
                path,
                "a BGS commodity and sub-commodity listed in data/bgs_series.csv",
                " / ".join(key),
                row=line,
                column="bgs_sub_commodity_trans",
            )
        s = series[key]
        if r["units"] != s["unit"]:
            raise InputError(
                path,
                f"the unit of its series in data/bgs_series.csv ({s['unit']})",
                r["units"],
                row=line,
                column="units",
            )
        place = resolver.require(r["country_trans"], path, row=line, column="country_trans")
        name = key[0] + (f": {key[1]}" if key[1] else "")
        where = (name, r["country_trans"], year)
        if where in seen:
            raise InputError(
                path,
                f"one row per series, country and year (line {seen[where]} has the same)",
                f"{name}, {r['country_trans']}, {year}",
                row=line,
            )
        seen[where] = line
        found = _marks_of(path, line, r, key, marks)
        value, most = _value(path, line, r, found)
        # a mark that states another basis keeps the row apart, in a series of its own
        other = " and ".join(m["basis"] for m in found if m["effect"] == "other_basis")
        out.append(
            {
                "source_id": source_id,
                "commodity": s["commodity"],
                "series": f"{name} [{other}]" if other else name,
                "stage": s["stage"],
                "basis": other or s["basis"],
                "year": year,
                "country_code": place.code,
                "country": place.country,
                "area_type": place.area_type,
                "country_raw": r["country_trans"],
                "value": value,
                "value_max": most,
                "unit": UNITS[r["units"]][0],
                "value_raw": r["quantity"],
                "unit_raw": r["units"],
                "flag": flag_string([EFFECTS[m["effect"]] for m in found]),
                "note": " | ".join(
                    filter(None, [r["data_precision_description"], r["concat_figure_notes_text"]])
                ),
                "file": path.name,
                "row": line,
            }
        )
    _refuse_one_country_twice(path, out)
    # a file without a range has no upper bound in any row: still a column of numbers, so
    # that the files' tables join without pandas guessing the column's type
    return pd.DataFrame(out).astype({"value_max": "float64"})
