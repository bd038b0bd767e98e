"""Distributions: one commodity x series x measure x year of one dataset, the USGS world
tables (``usgs``) or the paper's corrected Table 3 (``paper_table3``, 2009), as the rows
the statistics read (the columns of ``core.schemas.stats.DISTRIBUTION``)."""

from __future__ import annotations

import math

import pandas as pd

from raremetals.clean.cells import UNITS as TOKEN_UNITS
from raremetals.clean.usgs_tables import UNIT_WORDS
from raremetals.core.io import as_numbers, refuse_first
from raremetals.core.schemas.stats import DIST_KEY, DISTRIBUTION
from raremetals.core.vocab import PAPER_EDITION

KEY = list(DIST_KEY)
DIST_COLUMNS = list(DISTRIBUTION.columns)


def has_flag(flags: pd.Series, flag: str) -> pd.Series:
    """Which rows' flag strings ("e;<") hold ``flag``."""
    return flags.str.split(";").apply(lambda f: flag in f)


def half_unit(unit: str) -> float:
    """Half of a unit as the USGS writes it ("Less than ½ unit"), in the canonical unit:
    500 t for "thousand metric tons"."""
    key = " ".join(unit.split()).lower()
    if key in UNIT_WORDS:
        return float(UNIT_WORDS[key][1]) / 2
    return float(TOKEN_UNITS[unit][1]) / 2


def value_max(d: pd.DataFrame) -> pd.Series:
    """The bound of a country the USGS gives only as below an amount: the number of a
    "<100" cell, half the row's unit for "less than ½ unit"; empty for every other row."""
    out = pd.Series(math.nan, index=d.index)
    below = has_flag(d["flag"], "<") & d["value"].notna() & (d["area_type"] == "country")
    out[below] = d.loc[below, "value"]
    halves = has_flag(d["flag"], "lt_half_unit")
    out[halves] = d.loc[halves, "unit_applied"].map(half_unit)
    return out


def usgs_distributions(obs: pd.DataFrame) -> pd.DataFrame:
    """Production and reserves of the USGS world tables, without the rows that are in no
    distribution (``excluded``); a suspect value counts as unknown."""
    d = obs[obs["measure"].isin(["production", "reserves"]) & (obs["excluded"] == "")].copy()
    d["dataset"] = "usgs"
    d.loc[has_flag(d["flag"], "suspect"), "value"] = math.nan
    d["value_max"] = value_max(d)
    return d[DIST_COLUMNS].reset_index(drop=True)


def paper_distributions(table3: pd.DataFrame) -> pd.DataFrame:
    """World totals and top-3 countries of the corrected Table 3, 2009 (the text adds a
    few countries: :func:`paper_text_distributions`).

    A tie printed as one cell (中/ロシア) gives each country the printed value.
    """
    t = table3[
        table3["measure"].isin(["production", "reserves"]) & (table3["area_type"] != "")
    ].copy()
    rows = []
    for r in t.to_dict("records"):
        members = r["country_code"].split("+") if r["area_type"] == "tie" else [None]
        for code in members:
            row = dict(r)
            if code:
                row.update(country_code=code, country=code, area_type="country")
            rows.append(row)
    d = pd.DataFrame(rows)
    d["dataset"], d["edition"], d["series"] = "paper_table3", PAPER_EDITION, "Table 3"
    d["stage"], d["basis"] = "unspecified", "not stated"
    d["value_max"] = math.nan
    return d[DIST_COLUMNS].reset_index(drop=True)


def paper_text_distributions(
    claims: pd.DataFrame, mapping: pd.DataFrame, table3: pd.DataFrame
) -> pd.DataFrame:
    """Countries the paper's text gives for 2009 beyond Table 3's top three (for example
    Australia's and India's rare-earth reserves in fn27), as rows of the 2009
    distributions. ``mapping`` (data/paper_text_values.csv, read with its lines) says
    which claims these are."""
    by_symbol = dict(zip(table3["symbol"], table3["commodity"]))
    refuse_first(
        mapping[~mapping["claim_id"].isin(claims["claim_id"])], "claim_id", "a claim of claims.csv"
    )
    refuse_first(mapping[~mapping["symbol"].isin(by_symbol)], "symbol", "a symbol of Table 3")
    used = claims[claims["claim_id"].isin(mapping["claim_id"])]
    claim = used.assign(value=as_numbers(used, "value", "a number for a country's 2009 value"))
    claim = claim.set_index("claim_id")
    rows = []
    for m in mapping.to_dict("records"):
        c = claim.loc[m["claim_id"]]
        rows.append(
            {
                "dataset": "paper_table3",
                "edition": PAPER_EDITION,
                "commodity": by_symbol[m["symbol"]],
                "series": "Table 3",
                "measure": m["measure"],
                "year": 2009,
                "stage": "unspecified",
                "unit": "t",
                "basis": "not stated",
                "country_code": m["country_code"],
                "country": m["country_code"],
                "area_type": "country",
                "value": float(c["value"]),
                "value_max": math.nan,
                "flag": "",
                "file": "claims.csv",
                "row": int(c["row"]),
            }
        )
    return pd.DataFrame(rows, columns=DIST_COLUMNS)
