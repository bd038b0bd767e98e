"""The project's list of commodities, ``data/commodities.csv``, by USGS code."""

from __future__ import annotations

from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed
from raremetals.core.schemas.inputs import COMMODITY_NAMES


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
