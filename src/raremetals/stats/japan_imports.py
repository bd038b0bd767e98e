"""Japan's import sources today, from UN Comtrade, beside Table 3's Japan column for 2009.

Each of the paper's twelve metals is stood for by one HS6 code, or named as not covered,
as ``data/japan_import_codes.csv`` plans it with the reason: the code is a proxy (one
product among the forms in which a metal is traded), and the paper's 2009 shares came
from other statistics (Japan's own trade statistics, by a basis it does not state).

For each covered metal: the three largest partners by value and by net weight, with
their shares of Japan's own total (the World row, partner 0). The partners must add up
to that total (to a thousandth of it): a gap would mean rows missing from the extract.

Whether a row may be set against Table 3's 2009 is decided by
:mod:`raremetals.stats.comparability`: a code is one form of the metal (``stands_for``
"form") or stands for something else (``proxy``: magnets for neodymium), while Table 3
gives the metal in forms it does not state; so neither is like it, and no output states
that Japan's source "moved". The plan also says what part of the metal's trade the code
can speak for (``speaks_for``).
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.schemas.trade import JAPAN_IMPORTS
from raremetals.stats.comparability import Side, verdict

BASES = {"value": ("value_usd", "USD"), "net weight": ("net_weight_kg", "kg")}
TOP = 3
STANDS_FOR = ("form", "proxy")
TOLERANCE = 1e-3  # of the World row: the partners' sum and the World row may differ by rounding


def _paper_2009(table3: pd.DataFrame) -> dict[tuple[str, int], tuple[str, float | None]]:
    """(commodity, rank) -> (ISO3, share as a fraction or None) of Table 3's Japan column."""
    rows = table3[table3["field"] == "japan_import_share_rank"]
    out = {}
    for r in rows.itertuples():
        if r.country_code:
            share = r.value / 100 if pd.notna(r.value) else None
            out[(r.commodity, int(r.rank))] = (r.country_code, share)
    return out


def _ranked(commodity: str, hs6: str, trade: pd.DataFrame, paper: dict) -> list[dict]:
    world = trade[trade["area_type"] == "world"]
    if len(world) != 1:
        raise InputError(
            trade["file"].iloc[0],
            f"one World row (partner 0) of Japan's imports of {hs6}",
            len(world),
        )
    world = world.iloc[0]
    partners = trade[trade["area_type"] != "world"]
    rows = []
    for basis, (column, unit) in BASES.items():
        total = world[column]
        gap = abs(partners[column].sum() - total)
        if pd.notna(total) and gap > TOLERANCE * total:
            raise InputError(
                world["file"],
                f"the partners of Japan's imports of {hs6} to add up to the World "
                f"row's {column} {total:,.0f} (line {world['row']})",
                f"{partners[column].sum():,.0f}",
            )
        ranked = partners.dropna(subset=[column]).sort_values(
            [column, "country_code"], ascending=[False, True]
        )
        for rank, r in enumerate(ranked.head(TOP).itertuples(), start=1):
            then = paper.get((commodity, rank), ("", None))
            rows.append(
                {
                    "basis": basis,
                    "unit": unit,
                    "rank": rank,
                    "country_code": r.country_code,
                    "country": r.country,
                    "amount": getattr(r, column),
                    "world_total": total,
                    "share": getattr(r, column) / total,
                    "n_partners": len(partners),
                    "paper_2009_country_code": then[0],
                    "paper_2009_share": then[1],
                    "row": r.row,
                    "world_row": int(world["row"]),
                }
            )
    return rows


def japan_imports(plan: pd.DataFrame, trade: pd.DataFrame, table3: pd.DataFrame) -> pd.DataFrame:
    """One row per covered metal, basis and rank (the three largest partners); one row per
    metal the extract does not cover, saying why (see the module docstring)."""
    imports = trade[trade["flow"] == "import"]
    paper = _paper_2009(table3)
    year = int(imports["year"].iloc[0])
    file = imports["file"].iloc[0]
    rows = []
    for line, p in enumerate(plan.itertuples(), start=2):
        if bool(p.hs6) != (p.stands_for in STANDS_FOR) or bool(p.hs6) != bool(p.speaks_for):
            raise InputError(
                "data/japan_import_codes.csv",
                f"for a code, what it stands for ({', '.join(STANDS_FOR)}) and what part of "
                "the metal's trade it can speak for; for no code, neither",
                f"{p.hs6 or 'no code'}: {p.stands_for or 'nothing'}",
                row=line,
            )
        then = Side(what=p.commodity)
        now = Side(what=p.product_en or p.commodity, proxy=p.stands_for == "proxy")
        judged = verdict(then, now) if p.hs6 else None
        head = {
            "commodity": p.commodity,
            "hs6": p.hs6,
            "product": p.product_en,
            "covered": bool(p.hs6),
            "stands_for": p.stands_for,
            "speaks_for": p.speaks_for,
            "like_2009": bool(judged and judged.like),
            "unlike_2009": judged.why if judged else "",
            "year": year,
            "why": p.why,
        }
        if not p.hs6:
            rows.append({**head, "file": file})
            continue
        found = imports[imports["hs6"] == p.hs6]
        if found.empty:
            raise InputError(file, f"Japan's imports of {p.hs6} ({p.commodity})", "no row")
        rows += [{**head, **r, "file": file} for r in _ranked(p.commodity, p.hs6, found, paper)]
    out = pd.DataFrame(rows).reindex(columns=list(JAPAN_IMPORTS.columns))
    for c in ("basis", "unit", "country_code", "country", "paper_2009_country_code"):
        out[c] = out[c].fillna("")
    for c in ("rank", "n_partners", "row", "world_row"):
        out[c] = out[c].astype("Int64")
    return out
