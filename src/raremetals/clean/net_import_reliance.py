"""US net import reliance, from the MCS trends table (Fig. 2 of each edition)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_csv_rows

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
