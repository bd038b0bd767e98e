"""Clean the British Geological Survey's World Mineral Statistics exports into a tidy table:
one row per commodity series, country and year, with the file and line it came from.

The exports (BGS's web service, OGC API CSV) hold production by country and year; each row
names BGS's commodity and sub-commodity ("rare earth minerals" / "Monazite"), the unit
("tonnes (metric)", "tonnes (metal content)"), the quantity, a precision statement where
the quantity is not a plain number ("Nil (nothing produced)", "Figures not available",
"Quantity is more than 0 but less than 0.5") and note codes with their texts ("*":
"Estimates."). Years are stamps ("2009-01-01 00:00:00").

What each BGS series is (the project's commodity, stage and basis) is data:
``data/bgs_series.csv``, one row per BGS commodity and sub-commodity; a series it does not
list stops the build. A series is one commodity, stage and basis: rare-earth oxides and
each rare-earth mineral, each lithium mineral or compound, are series of their own, and
nothing sums across them. Countries are resolved through the table the USGS files use
(``data/countries.csv``); former countries (the Soviet Union, Czechoslovakia, Yugoslavia,
the German Democratic Republic) keep codes of their own. BGS gives no world totals.
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
# precision statement -> (flag, whether the quantity is a number)
PRECISION = {
    "": ("", True),
    "Nil (nothing produced)": ("zero", True),
    "Figures not available": ("NA", False),
    # BGS writes 0 in the quantity: a quantity below half a tonne is not zero
    "Quantity is more than 0 but less than 0.5": ("lt_half_unit", False),
}
ESTIMATE = "*"  # the note code BGS gives "Estimates." in every table
_YEAR = re.compile(r"^(\d{4})-01-01 00:00:00$")
_QUANTITY = re.compile(r"^\d+(?:\.\d+)?$")


def load_series(path) -> dict[tuple[str, str], dict]:
    """``data/bgs_series.csv`` by (BGS commodity, sub-commodity)."""
    rows = read_csv_rows(path)
    header = rows[0]
    wanted = ["bgs_commodity", "bgs_sub_commodity", "commodity", "stage", "basis", "note"]
    if header != wanted:
        raise InputError(path, f"the columns {', '.join(wanted)}", ", ".join(header), row=1)
    out: dict[tuple[str, str], dict] = {}
    for line, cells in enumerate(rows[1:], start=2):
        r = dict(zip(header, cells))
        key = (r["bgs_commodity"], r["bgs_sub_commodity"])
        if key in out:
            raise InputError(path, "each BGS commodity and sub-commodity once", key, row=line)
        if not r["stage"] or not r["basis"]:
            raise InputError(path, "a stage and a basis", "an empty cell", row=line)
        out[key] = r
    return out


def _value(path, line: int, r: dict) -> tuple[float | None, list[str]]:
    """The quantity as a number (None where BGS gives none) and its flags."""
    statement = r["data_precision_description"]
    if statement not in PRECISION:
        raise InputError(
            path,
            f"a precision statement of {', '.join(map(repr, PRECISION))}",
            statement,
            row=line,
            column="data_precision_description",
        )
    flag, numeric = PRECISION[statement]
    flags = [flag] if flag else []
    if ESTIMATE in r["concat_figure_notes_code"].split("|"):
        flags.append("e")
    if not numeric:
        if r["quantity"] not in ("", "0"):
            raise InputError(
                path,
                f"no quantity (or 0) where BGS says '{statement}'",
                r["quantity"],
                row=line,
                column="quantity",
            )
        return None, flags
    quantity = matching(path, line, r, "quantity", _QUANTITY, "a quantity in digits (tonnes)")
    if flag == "zero" and float(quantity) != 0:
        raise InputError(path, "0 where BGS says 'Nil'", quantity, row=line, column="quantity")
    return float(quantity), flags


def parse_export(
    path, source_id: str, series: dict[tuple[str, str], dict], resolver: CountryResolver
) -> pd.DataFrame:
    """One BGS export as tidy rows (see the module docstring)."""
    path = Path(path)
    rows = read_csv_rows(path)
    header = rows[0]
    refuse_missing_columns(path, header, COLUMNS)
    out, seen = [], {}
    for line, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(header):
            raise InputError(path, f"{len(header)} cells", f"{len(cells)} cells", row=line)
        r = dict(zip(header, cells))
        year = int(
            _YEAR.match(matching(path, line, r, "year", _YEAR, "a year stamp YYYY-01-01 00:00:00"))[
                1
            ]
        )
        key = (r["bgs_commodity_trans"], r["bgs_sub_commodity_trans"])
        if key not in series:
            raise InputError(
                path,
                "a BGS commodity and sub-commodity listed in data/bgs_series.csv",
                " / ".join(key),
                row=line,
                column="bgs_sub_commodity_trans",
            )
        if r["units"] not in UNITS:
            raise InputError(
                path, f"a unit of {', '.join(UNITS)}", r["units"], row=line, column="units"
            )
        unit, basis = UNITS[r["units"]]
        s = series[key]
        if basis and not s["basis"].startswith(basis):
            raise InputError(
                path,
                f"a series whose basis in data/bgs_series.csv is {basis} (the unit says so)",
                s["basis"],
                row=line,
                column="units",
            )
        place = resolver.require(r["country_trans"], path, row=line, column="country_trans")
        name = key[0] + (f": {key[1]}" if key[1] else "")
        # one country under two names in a year of change (Germany and the Federal
        # Republic, 1990) is two rows of one code, which the statistics sum
        where = (name, r["country_trans"], year)
        if where in seen:
            raise InputError(
                path,
                f"one row per series, country and year (line {seen[where]} has the same)",
                f"{name}, {r['country_trans']}, {year}",
                row=line,
            )
        seen[where] = line
        value, flags = _value(path, line, r)
        out.append(
            {
                "source_id": source_id,
                "commodity": s["commodity"],
                "series": name,
                "stage": s["stage"],
                "basis": s["basis"],
                "year": year,
                "country_code": place.code,
                "country": place.country,
                "area_type": place.area_type,
                "country_raw": r["country_trans"],
                "value": value,
                "unit": unit,
                "value_raw": r["quantity"],
                "unit_raw": r["units"],
                "flag": flag_string(flags),
                "note": " | ".join(
                    filter(None, [r["data_precision_description"], r["concat_figure_notes_text"]])
                ),
                "file": path.name,
                "row": line,
            }
        )
    return pd.DataFrame(out)
