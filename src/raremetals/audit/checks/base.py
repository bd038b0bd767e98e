"""What every check of the audit shares: the tables the checks read, with lookups that fail
loudly, and the exception of a check that can only say why a claim cannot be checked.

A check is a function ``(sources, args, claimed) -> (recomputed value, evidence,
source references[, Allowed])``, the evidence an ``evidence.Said``; ``args`` are the
``args`` cell of ``data/audit/claim_checks.csv`` (``key=value;...``) and ``claimed`` the
claim's number (``rounding.Claimed``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from raremetals.audit.evidence import Said
from raremetals.audit.rounding import parse_claimed


@dataclass(frozen=True)
class Allowed:
    """The values the evidence allows beside the one it gives: the share that figures
    printed rounded can make, or the spread of a property's published values. A claim
    that misses the evidence's own value but lies in this range is ``consistent``."""

    low: float
    high: float
    why: Said


def parse_args(text: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in str(text).split(";") if item)


class Sources:
    """The tidy and vendored tables the checks read, with lookups that fail loudly."""

    def __init__(
        self,
        table3: pd.DataFrame,
        quotas: pd.DataFrame,
        gwec: pd.DataFrame,
        sipri: pd.DataFrame,
        secondary: pd.DataFrame,
        claims: pd.DataFrame,
        ds140: pd.DataFrame | None = None,
        bgs: pd.DataFrame | None = None,
        eu_2010: pd.DataFrame | None = None,
        bgs_production: pd.DataFrame | None = None,
        published: pd.DataFrame | None = None,
        wmd: pd.DataFrame | None = None,
        wmd_volumes: pd.DataFrame | None = None,
    ):
        self.t3, self.quotas, self.gwec = table3, quotas, gwec
        self.sipri, self.secondary = sipri, secondary
        self.claims = claims.set_index("claim_id")
        self.ds140 = ds140
        self.bgs = bgs  # Table 3 against BGS, 2009 (results/audit/table3_against_bgs.csv)
        self.eu_2010 = eu_2010  # the EU's critical raw materials of 2010 (the 2014 report)
        self.bgs_production = bgs_production  # every BGS series, every year (tidy)
        self.published = published  # published values of element properties (data/audit)
        self.wmd = wmd  # Table 3 three ways, with WMD's 2009 (results/audit/table3_three_ways.csv)
        self.wmd_volumes = wmd_volumes  # every WMD figure of the paper's metals (tidy)

    def given(self, name: str) -> pd.DataFrame:
        """A table the audit may run without (DS 140, BGS, ...), which a check needs."""
        table = getattr(self, name)
        if table is None:
            raise LookupError(f"the audit was given no table {name}, which this check reads")
        return table

    def t3_cell(self, symbol, field, rank=None) -> pd.Series:
        t = self.t3[(self.t3["symbol"] == symbol) & (self.t3["field"] == field)]
        if rank is not None:
            t = t[t["rank"] == float(rank)]
        if len(t) != 1:
            raise LookupError(f"Table 3 has {len(t)} cells for {symbol} {field} {rank}")
        return t.iloc[0]

    def t3_listed(self, symbol, measure) -> pd.DataFrame:
        return self.t3[
            (self.t3["symbol"] == symbol)
            & (self.t3["field"] == f"{measure}_rank")
            & self.t3["value"].notna()
        ]

    def t3_world(self, symbol, measure) -> pd.Series:
        field = "world_production_2009" if measure == "production" else "world_reserves"
        return self.t3_cell(symbol, field)

    def claim_value(self, claim_id) -> float:
        parsed = parse_claimed(self.claims.loc[claim_id, "value"])
        if parsed is None:
            raise LookupError(f"claim {claim_id} states no number")
        return parsed.value

    def one(self, df, what, **where) -> pd.Series:
        for k, v in where.items():
            df = df[df[k].astype(str) == str(v)]
        if len(df) != 1:
            raise LookupError(f"{len(df)} rows of {what} match {where}")
        return df.iloc[0]


def ref(row) -> str:
    return f"{row['file']}:{row['row']}"


class NotCheckable(Exception):
    """A check that can only say why the claim cannot be checked here (``said``: the
    reason, an ``evidence.Said``)."""

    def __init__(self, said):
        super().__init__(said)
        self.said = said
