"""Clean a UN Comtrade extract into one reporter's trade by partner and HS6 code, with the
line each row came from.

The extract (a third party's pull from Comtrade's final-data API) has the columns
reporter, partner, cmd, flow, value and netwgt: M49 codes, the HS6 code, ``M`` or ``X``,
the value in US dollars and the net weight in kg; a ``year`` column where present must be
the file's year. Only the given reporter's rows are read.

Rows repeat exactly (the extract's own duplication): a repeat is dropped and the first
line kept. Two rows of the same partner, code and flow with different numbers are not a
repeat: the build stops there, naming both lines. Partners are M49 codes, mapped to
countries by ``country_converter``'s table; Comtrade's own codes (0 World, 490 "Other
Asia, nes" for Taiwan, 699 India, 842 USA, 899 "Areas, nes", ...) are mapped by
``data/comtrade_partners.csv``. A code neither knows stops the build: no row is dropped
for want of a name.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from raremetals.clean.cells import matching
from raremetals.clean.countries import CountryResolver, Place
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows, read_reference, refuse_missing_columns
from raremetals.core.text import iso_converter

COLUMNS = ("reporter", "partner", "cmd", "flow", "value", "netwgt")
FLOWS = {"M": "import", "X": "export"}
_CODE = re.compile(r"^\d{1,3}$")
_HS6 = re.compile(r"^\d{6}$")
_AMOUNT = re.compile(r"^\d+(?:\.\d+)?$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


class PartnerCodes:
    """M49 partner codes to places: Comtrade's own codes first, then ISO 3166 numeric."""

    def __init__(self, partners_csv, resolver: CountryResolver):
        table = read_reference(partners_csv)
        self._own = {}
        for line, r in enumerate(table.itertuples(), start=2):
            self._own[r.code] = resolver.require(r.name, partners_csv, row=line, column="name")
        data = iso_converter().data
        numeric = data.dropna(subset=["UNcode"])
        self._m49 = {str(int(c)): iso for c, iso in zip(numeric.UNcode, numeric.ISO3)}
        self._resolver = resolver

    def place(self, code: str, path, line: int) -> Place:
        if code in self._own:
            return self._own[code]
        if code in self._m49:
            return self._resolver.require(self._m49[code], path, row=line, column="partner")
        raise InputError(
            path,
            "an M49 partner code of country_converter's table or one of "
            "data/comtrade_partners.csv (add a row there for a Comtrade code)",
            code,
            row=line,
            column="partner",
        )


def _year(path: Path) -> int:
    found = _YEAR_IN_NAME.findall(path.name)
    if len(found) != 1:
        raise InputError(path, "one year in the file name (comtrade_2024.csv.gz)", path.name)
    return int(found[0])


def parse_extract(path, source_id: str, reporter: str, partners: PartnerCodes) -> pd.DataFrame:
    """The reporter's rows of one extract file (see the module docstring)."""
    path = Path(path)
    year = _year(path)
    rows = read_csv_rows(path)
    header = rows[0]
    refuse_missing_columns(path, header, COLUMNS)
    kept: dict[tuple, tuple[int, dict]] = {}
    out = []
    for line, cells in enumerate(rows[1:], start=2):
        r = dict(zip(header, cells))
        if r["reporter"] != reporter:
            continue
        if "year" in r and r["year"] != str(year):
            raise InputError(path, f"the file's year {year}", r["year"], row=line, column="year")
        partner = matching(path, line, r, "partner", _CODE, "an M49 code")
        hs6 = matching(path, line, r, "cmd", _HS6, "an HS6 code of six digits")
        if r["flow"] not in FLOWS:
            raise InputError(path, "M or X", r["flow"], row=line, column="flow")
        value = matching(path, line, r, "value", _AMOUNT, "a value in US dollars, in digits")
        weight = r["netwgt"]
        if weight:
            matching(path, line, r, "netwgt", _AMOUNT, "a net weight in kg, in digits, or nothing")
        key = (partner, hs6, r["flow"])
        if key in kept:
            first, seen = kept[key]
            if (seen["value"], seen["netwgt"]) != (value, weight):
                raise InputError(
                    path,
                    f"a repeat of line {first} to repeat it exactly (value {seen['value']}, "
                    f"netwgt {seen['netwgt'] or 'none'}): one row per partner, code and flow",
                    f"value {value}, netwgt {weight or 'none'}",
                    row=line,
                    column="value",
                )
            continue
        kept[key] = (line, r)
        place = partners.place(partner, path, line)
        out.append(
            {
                "source_id": source_id,
                "year": year,
                "reporter": reporter,
                "flow": FLOWS[r["flow"]],
                "hs6": hs6,
                "partner_code": partner,
                "country_code": place.code,
                "country": place.country,
                "area_type": place.area_type,
                "value_usd": float(value),
                "net_weight_kg": float(weight) if weight else None,
                "flag": "" if weight else "NA",
                "file": Path(path).name,
                "row": line,
            }
        )
    if not out:
        raise InputError(path, f"rows of reporter {reporter}", "none")
    return pd.DataFrame(out)
