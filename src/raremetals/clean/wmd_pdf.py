"""World Mining Data's production tables (section 6.4) read from the volumes' PDFs: vols.
28-32 (2013-2017), five years each, so 2007-2015 in all and every year but 2007 and 2015
in more than one volume (the later volume's figure is a revision, kept beside the earlier).

How the PDF is read: with pdfplumber (on pdfminer.six), which gives every word with its
place on the page. ``data/wmd_volumes.csv`` names the page each table starts on; the
reader checks the heading printed above the table's "Country ... Rem" header is the one
listed, and that the header's years are the volume's. Figures are right-aligned under
their year, so a word belongs to the year whose header ends at or after it and after the
year before (a figure's digit groups, "2 539 200", are three words of one column); a
country a year does not list has no word under it and gets no figure (never 0); such a
blank may only come before a row's first figure or after its last. The row's
remark ("1e": 1 reported, 2 estimated, 3 provisional; the letter the source) stands under
"Rem", as each volume's key "Sources and accuracy of data" says (WMD2013.pdf p. 14,
WMD2014/2015.pdf p. 12, WMD2016/2017.pdf p. 10). The copies' manifest reads these as
"'e' estimate and 'r' revised marks after some figures": by the volumes' own key, e is
national statistics and r BP plc, and no figure of these tables carries a letter. A table
may run onto the next page (no header repeated, the same columns) and ends at its "Total"
row; the rows must sum to that total in every year, which is also the check that no figure
was put under the wrong year.

Anything else stops the build naming file, page and line: a heading or header not where
the list says, a word under no column, a figure that is not digit groups, a remark of
another form, a table without its total.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference

# the first digit of a remark (explanation page, "Sources and accuracy of data")
MARKS = {"1": "", "2": "e", "3": "provisional"}
# its letter: who the figure comes from (the same key in vols. 28-32; g is BGS's yearbook)
SOURCES = {
    "a": "WMD's own questionnaire",
    "b": "US Geological Survey",
    "e": "national statistics",
    "f": "Metallgesellschaft",
    "g": "World Mineral Statistics",
    "h": "Mining Annual Review",
    "n": "others",
    "q": "International Consultative Group",
    "s": "British Geological Survey",
}
_HEADER = re.compile(r"^C ?o ?u ?n ?t ?r ?y\b")
_YEAR = re.compile(r"^(19|20)\d\d$")
_GROUP = re.compile(r"^\d{1,3}$")
_REMARK = re.compile(r"^([123])([a-s])$")
_PAGES_AFTER = 2  # a table spans at most three pages
_LINE = 2.0  # points: words this close in height stand on one line
_SLACK = 1.0  # points a right-aligned figure may end past its year's header


def load_volumes(path) -> pd.DataFrame:
    tables = read_reference(path)
    twice = tables[tables.duplicated(["file", "heading"])]
    if len(twice):
        raise InputError(path, "each heading of a volume once", twice["heading"].iloc[0])
    for column in ("volume", "table_page", "index_page", "definitions_page"):
        tables[column] = tables[column].astype(int)
    return tables


def _lines(page) -> list[list[dict]]:
    words = sorted(page.extract_words(x_tolerance=1.5), key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= _LINE:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(line) -> str:
    return " ".join(w["text"] for w in line)


def _same_heading(printed: str, listed: str) -> bool:
    # a formula's subscripts (Cr2O3) stand a line lower, apart from the heading
    def bare(text):
        return re.sub(r"[\d\s]", "", text)

    return bare(printed) == bare(listed)


def _heading(lines, k) -> str:
    """The text above line k, the subscripts' line (single digits) passed over."""
    for line in reversed(lines[:k]):
        if not all(len(w["text"]) == 1 and w["text"].isdigit() for w in line):
            return _text(line)
    return ""


class _Table:
    """One table's columns (each year's right edge, the remark's left edge) and rows."""

    def __init__(self, where, spec, line, years):
        self.where, self.heading = where, spec["heading"]
        found = [w for w in line if _YEAR.match(w["text"])]
        printed = [int(w["text"]) for w in found]
        if printed != years:
            raise InputError(where, f"the years {years} in the header", str(printed))
        self.edges = [w["x1"] for w in found]
        self.years = years
        rem = [w for w in line if w["text"] == "Rem"]
        if not rem:
            raise InputError(where, "a column Rem in the header", _text(line))
        self.remark_at = rem[0]["x0"] - 5 * _SLACK
        self.rows: list[dict] = []
        self.total: dict[int, float] | None = None

    def _column(self, word, where) -> int:
        for k, edge in enumerate(self.edges):
            before = self.edges[k - 1] + _SLACK if k else -math.inf
            if before < word["x1"] <= edge + _SLACK:
                return k
        raise InputError(where, "a word under one of the years' columns", word["text"])

    def read(self, line, where) -> None:
        name: list[str] = []
        figures: dict[int, list[str]] = {}
        remark = None
        for w in line:
            text = w["text"]
            if w["x0"] >= self.remark_at:
                m = _REMARK.match(text)
                if not m or remark:
                    raise InputError(where, "one remark: 1, 2 or 3 and a source letter", text)
                remark = m
            elif not figures and not _GROUP.match(text):
                name.append(text)
            else:
                if not _GROUP.match(text):
                    raise InputError(where, "a figure in digit groups (1 234 567)", text)
                figures.setdefault(self._column(w, where), []).append(text)
        values = {}
        for k, groups in figures.items():
            if any(len(g) != 3 for g in groups[1:]):
                raise InputError(where, "a figure in groups of three digits", " ".join(groups))
            values[self.years[k]] = float("".join(groups))
        label = " ".join(name)
        if label == "Total":
            self.total = values
            return
        held = [y for y in self.years if y in values]
        if held and len(held) != held[-1] - held[0] + 1:
            # a blank before a first or after a last figure is a mine not (yet) producing;
            # one between two figures would be an unknown, not a zero
            raise InputError(where, "figures in consecutive years (no blank between two)", label)
        if remark is None:
            raise InputError(where, "a remark under Rem (1e, 2b, ...)", _text(line))
        self.rows.append({"label": label, "values": values, "remark": remark, "where": where})

    def check_total(self) -> None:
        if self.total is None:
            raise InputError(self.where, f"a Total row ending the table {self.heading!r}", "none")
        for year in self.years:
            summed = math.fsum(r["values"].get(year, 0.0) for r in self.rows)
            printed = self.total.get(year, math.nan)
            if not math.isclose(summed, printed, abs_tol=0.5):
                raise InputError(
                    self.where,
                    f"{self.heading}, {year}: a total equal to the sum of the rows ({summed:,.0f})",
                    f"{printed:,.0f}",
                )


def _table(pdf, path, spec, years) -> _Table:
    name = Path(path).name
    table = None
    first = spec["table_page"]
    for number in range(first, min(first + _PAGES_AFTER, len(pdf.pages)) + 1):
        lines = _lines(pdf.pages[number - 1])
        for k, line in enumerate(lines):
            where = f"{name}, page {number}, line {k + 1}"
            text = _text(line)
            if table is None:
                if _HEADER.match(text) and _same_heading(_heading(lines, k), spec["heading"]):
                    table = _Table(where, spec, line, years)
                continue
            if text.startswith("Abbreviations"):
                break  # the page's footer: the table goes on over the page
            if "metr. t" in text:
                continue
            table.read(line, where)
            if table.total is not None:
                table.check_total()
                return table
        if table is None:
            raise InputError(
                f"{name}, page {number}", f"the table {spec['heading']!r} on this page", "none"
            )
    raise InputError(f"{name}, page {first}", f"a Total row ending {spec['heading']!r}", "none")


def read_volume(path, volumes: pd.DataFrame, places: CountryResolver) -> pd.DataFrame:
    """Every row of every table ``data/wmd_volumes.csv`` lists for this volume (see the
    module docstring), one value a row, each with its file, page and line."""
    import pdfplumber

    name = Path(path).name
    specs = volumes[volumes["file"] == name].to_dict("records")
    if not specs:
        raise InputError(path, "a volume data/wmd_volumes.csv lists", name)
    volume = specs[0]["volume"]
    # vol. 28 (2013) covers 2007-2011, and each volume after it a year later
    years = list(range(volume + 1979, volume + 1984))
    out = []
    with pdfplumber.open(path) as pdf:
        for spec in specs:
            table = _table(pdf, path, spec, years)
            for row in table.rows:
                place = places.require(row["label"], row["where"])
                mark, source = row["remark"].groups()
                for year in years:
                    out.append(
                        {
                            "volume": volume,
                            "heading": spec["heading"],
                            "commodity": spec["commodity"],
                            "basis": spec["basis"],
                            "usgs_basis": spec["usgs_basis"],
                            "content_of": spec["content_of"],
                            "year": year,
                            "country_code": place.code,
                            "country": place.country,
                            "area_type": place.area_type,
                            "country_raw": row["label"],
                            "value": row["values"].get(year, math.nan),
                            "flag": MARKS[mark],
                            "source": SOURCES.get(source, source),
                            "file": name,
                            "where": row["where"],
                        }
                    )
    return pd.DataFrame(out)


def best_volume(rows: pd.DataFrame) -> pd.Series:
    """True for each row of the latest volume that covers its year: the best series."""
    latest = rows.groupby("year")["volume"].transform("max")
    return rows["volume"] == latest
