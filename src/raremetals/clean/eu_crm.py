"""Clean the EU critical raw materials assessments: the supply-risk and economic-importance
scores of every assessment (2011-2023), the 2023 report's global supply shares, and the
list of the 14 critical raw materials of 2010 as the Commission's 2014 report prints it.

The scores and shares are a third party's transcription of the 2023 report's annexes. A
score of '-' (not assessed) has no number. A share is printed as '12.3%'; '<0.1%' is a
bound, kept as a flag with no number. Rows that repeat exactly are dropped; two rows of
one key with different figures stop the build. Countries are resolved through
``data/countries.csv`` like every source's.

The 2010 list is read from the PDF's text (``pypdf``): the line that opens its Table 3
("The 14 critical raw materials identified in the 2010 report") and the names that
follow, up to the first empty line.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_text

SHARES_ENCODING = "cp1252"  # the shares' file spells Türkiye in cp1252
SCORE = re.compile(r"^\d+(?:\.\d+)?$")
SHARE = re.compile(r"^(<)?(\d+(?:\.\d+)?)%$")
SCALE = 10  # the EU scores supply risk and economic importance from 0 to 10
# shares of one material and stage printed to 0.1% may sum a little past 100%
SHARES_ROUNDING = 0.01
STAGES = {"E": "extraction", "P": "processing"}
LIST_HEADING = re.compile(r"Table (\d+): The (\d+) critical raw materials identified in the 2010")


def _records(path, encoding: str):
    """(line where it starts, cells) of each CSV record: a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(read_text(path, encoding), newline=""))
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            raise InputError(path, "a CSV row", str(err), row=start) from None
        # a line break inside a cell ("Natural Teak\nwood") is a space
        yield start, [" ".join(c.split()) for c in cells]


def _rows(path, columns: tuple[str, ...], key: tuple[str, ...], encoding="utf-8-sig"):
    """(line, row) of a CSV with the given columns, exact repeats dropped; a repeated key
    with other values is refused, naming both lines."""
    records = _records(path, encoding)
    header: list[str] = next(records, (1, []))[1]
    if tuple(header) != columns:
        raise InputError(path, f"the columns {', '.join(columns)}", ", ".join(header), row=1)
    seen: dict[tuple, tuple[int, list[str]]] = {}
    for line, cells in records:
        if len(cells) != len(columns):
            raise InputError(path, f"{len(columns)} cells", len(cells), row=line)
        r = dict(zip(columns, cells))
        k = tuple(r[c] for c in key)
        if k in seen:
            first, other = seen[k]
            if other != cells:
                raise InputError(
                    path,
                    f"a repeat of line {first} to repeat it exactly ({', '.join(other)})",
                    ", ".join(cells),
                    row=line,
                )
            continue
        seen[k] = (line, cells)
        yield line, r


def _score(path, line: int, r: dict, column: str) -> float | None:
    if r[column] == "-":
        return None
    if not SCORE.match(r[column]):
        raise InputError(path, "a score in digits or '-'", r[column], row=line, column=column)
    if float(r[column]) > SCALE:
        raise InputError(
            path, f"a score on the EU's scale of 0 to {SCALE}", r[column], row=line, column=column
        )
    return float(r[column])


def parse_scores(path, source_id: str) -> pd.DataFrame:
    """One row per material and assessment: SR and EI, or no number where not assessed."""
    out = []
    for line, r in _rows(path, ("Material", "Year", "SR", "EI"), ("Material", "Year")):
        if not r["Year"].isdigit():
            raise InputError(path, "an assessment year", r["Year"], row=line, column="Year")
        sr, ei = _score(path, line, r, "SR"), _score(path, line, r, "EI")
        out.append(
            {
                "source_id": source_id,
                "material": r["Material"],
                "assessment": int(r["Year"]),
                "supply_risk": sr,
                "economic_importance": ei,
                "flag": "NA" if sr is None or ei is None else "",
                "file": Path(path).name,
                "row": line,
            }
        )
    return pd.DataFrame(out)


def parse_supply_shares(path, source_id: str, resolver: CountryResolver) -> pd.DataFrame:
    """One row per material, stage and country: the share as a fraction, or a bound."""
    columns = ("Material", "Stage", "Country", "Share", "t")
    out = []
    for line, r in _rows(path, columns, ("Material", "Stage", "Country"), SHARES_ENCODING):
        if r["Stage"] not in STAGES:
            raise InputError(path, "E or P", r["Stage"], row=line, column="Stage")
        m = SHARE.match(r["Share"])
        if not m:
            raise InputError(
                path, "a share such as 12.3% or <0.1%", r["Share"], row=line, column="Share"
            )
        if not m.group(1) and float(m.group(2)) > 100:
            raise InputError(path, "a share of at most 100%", r["Share"], row=line, column="Share")
        place = resolver.require(r["Country"], path, row=line, column="Country")
        out.append(
            {
                "source_id": source_id,
                "material": r["Material"],
                "stage": STAGES[r["Stage"]],
                "country_code": place.code,
                "country": place.country,
                "area_type": place.area_type,
                "country_raw": r["Country"],
                "share": None if m.group(1) else float(m.group(2)) / 100,
                "share_raw": r["Share"],
                "flag": "<" if m.group(1) else "",
                "file": Path(path).name,
                "row": line,
            }
        )
    table = pd.DataFrame(out)
    _refuse_shares_past_whole(path, table)
    return table


def _refuse_shares_past_whole(path, table: pd.DataFrame) -> None:
    """Shares of one material and stage summing past 100% (beyond rounding) would make
    a country lead that does not: the build stops at the row that passes it."""
    running = table.assign(total=table.groupby(["material", "stage"])["share"].cumsum())
    past = running[running["total"] > 1 + SHARES_ROUNDING]
    if len(past):
        r = past.iloc[0]
        raise InputError(
            path,
            f"shares of {r['material']} ({r['stage']}) that sum to at most 100% "
            f"(with rounding, {100 * (1 + SHARES_ROUNDING):.0f}%)",
            f"{100 * r['total']:.1f}% by this row",
            row=int(r["row"]),
            column="Share",
        )


def parse_2010_list(path, source_id: str) -> pd.DataFrame:
    """The critical raw materials of 2010 as the 2014 report's table lists them, with the
    page; the number its heading states must be the number of names."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    except (PdfReadError, ValueError, OSError) as err:
        raise InputError(path, "a PDF whose text can be read", str(err)) from None
    for number, text in enumerate(pages, start=1):
        found = LIST_HEADING.search(text)
        if not found:
            continue
        names = []
        for line in text[found.end() :].split("\n")[1:]:
            words = line.split()
            if not words:
                break
            names += words
        if len(names) != int(found.group(2)):
            raise InputError(
                path,
                f"{found.group(2)} names under its heading on page {number}",
                ", ".join(names),
            )
        return pd.DataFrame(
            {
                "source_id": source_id,
                "material": names,
                "listed_in": 2010,
                "table": f"Table {found.group(1)}",
                "file": Path(path).name,
                "page": number,
            }
        )
    raise InputError(path, "a page with the table of the 14 critical raw materials of 2010", "none")


def parse_assessments(paths: list[str], source_id: str, resolver: CountryResolver) -> dict:
    """The three tidy tables from the registered files, found by name."""
    by_name = {Path(p).name: p for p in paths}
    return {
        "scores": parse_scores(by_name["crm_scores_over_time.csv"], source_id),
        "shares": parse_supply_shares(
            by_name["global_supply_shares_2023.csv"], source_id, resolver
        ),
        "list_2010": parse_2010_list(by_name["crm_2014_report.pdf"], source_id),
    }
