"""Clean the World Bank Worldwide Governance Indicators bulk file.

Only the six *estimates* are kept (indicator codes ``CC.EST``, ``GE.EST``, ``PV.EST``,
``RL.EST``, ``RQ.EST``, ``VA.EST``), one row per economy, dimension and year. A blank
estimate (the economy was not rated that year) is left out, never filled.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows

DIMENSIONS = {
    "CC": "Control of Corruption",
    "GE": "Government Effectiveness",
    "PV": "Political Stability and Absence of Violence/Terrorism",
    "RL": "Rule of Law",
    "RQ": "Regulatory Quality",
    "VA": "Voice and Accountability",
}


def parse_wgi(path, source_id: str, resolver: CountryResolver) -> pd.DataFrame:
    path = Path(path)
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    for required in ("Country Name", "Country Code", "Indicator Code"):
        if required not in header:
            raise InputError(path, f"a column named '{required}'", ", ".join(header))
    years = {i: int(h) for i, h in enumerate(header) if h.isdigit()}
    if not years:
        raise InputError(path, "year columns (1996, 1998, ...)", ", ".join(header))
    col = {h: i for i, h in enumerate(header)}
    out: list[dict] = []
    seen: dict = {}
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        indicator = cells[col["Indicator Code"]].strip()
        dim, _, kind = indicator.partition(".")
        if kind != "EST":
            continue
        if dim not in DIMENSIONS:
            raise InputError(
                path,
                f"an indicator of the six WGI dimensions ({', '.join(DIMENSIONS)})",
                indicator,
                row=rownum,
                column="Indicator Code",
            )
        code = cells[col["Country Code"]].strip()
        place = resolver.resolve(code) or resolver.require(
            cells[col["Country Name"]].strip(), path, row=rownum, column="Country Name"
        )
        # a second row of one economy's indicator would give it two estimates a year
        first = seen.setdefault((place.code, dim), rownum)
        if first != rownum:
            raise InputError(
                path,
                f"one row per economy and indicator (the same as row {first})",
                f"{code}, {indicator}",
                row=rownum,
            )
        for i, year in years.items():
            raw = cells[i].strip() if i < len(cells) else ""
            if raw in ("", "#N/A", ".."):
                continue
            try:
                value = float(raw)
            except ValueError:
                raise InputError(
                    path,
                    "a number (a WGI estimate, about -2.5 to 2.5) or a blank",
                    raw,
                    row=rownum,
                    column=header[i],
                ) from None
            out.append(
                {
                    "source_id": source_id,
                    "country_code": place.code,
                    "country": place.country,
                    "wb_code": code,
                    "dimension": dim,
                    "dimension_name": DIMENSIONS[dim],
                    "year": year,
                    "estimate": value,
                    "file": path.name,
                    "row": rownum,
                    "column": header[i],
                }
            )
    return pd.DataFrame(out)
