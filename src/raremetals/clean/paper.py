"""The paper's Table 3 as printed, as a tidy table with ISO3 codes.

Values are read literally: ``750 百万 t`` is 750,000,000 t even though the paper meant
750 万 t. Corrections are applied elsewhere, from a table of corrections with evidence;
this step only checks that each transcribed number is what its printed cell says.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed, read_csv_rows
from raremetals.core.schemas.inputs import TABLE3_CORRECTIONS

COLUMNS = (
    "commodity_ja",
    "commodity_en",
    "symbol",
    "field",
    "rank",
    "country_ja",
    "country_en",
    "value_as_printed",
    "value_number",
    "unit_as_printed",
    "note",
)
# Japanese multipliers of the printed units; "T" is a misprint of "t" in one cell.
UNIT_FACTORS = {"t": 1, "T": 1, "万 t": 10**4, "百万 t": 10**6, "%": 1}
FIELDS = {
    "world_production_2009": ("production", "world"),
    "world_reserves": ("reserves", "world"),
    "production_rank": ("production", "country"),
    "reserves_rank": ("reserves", "country"),
    "japan_import_share_rank": ("japan_import_share", "country"),
    "us_import_source_rank": ("us_import_source", "country"),
    "us_net_import_reliance": ("us_net_import_reliance", "country"),
}
_PRINTED = re.compile(r"^(?P<num>[\d,]+(?:\.\d+)?)\s*(?P<unit>百万 t|万 t|t|T|%)$")


def literal_value(printed: str) -> Decimal | None:
    """The number a printed cell states, commas dropped and 万/百万 applied."""
    m = _PRINTED.match(printed.strip())
    if not m:
        return None
    return Decimal(m["num"].replace(",", "")) * UNIT_FACTORS[m["unit"]]


def parse_table3(
    path, source_id: str, commodities: dict[str, dict], resolver: CountryResolver
) -> pd.DataFrame:
    path = Path(path)
    rows = read_csv_rows(path)
    header = [h.strip() for h in rows[0]]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(path, f"columns {', '.join(COLUMNS)}", f"missing {', '.join(missing)}")
    by_symbol = {c["symbol"]: c["commodity"] for c in commodities.values() if c["paper_order"]}
    out = []
    for rownum, cells in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in cells):
            continue
        r = dict(zip(header, (c.strip() for c in cells)))
        if r["symbol"] not in by_symbol:
            raise InputError(
                path,
                "the symbol of one of the paper's twelve metals",
                r["symbol"],
                row=rownum,
                column="symbol",
            )
        if r["field"] not in FIELDS:
            raise InputError(
                path,
                f"a field of Table 3 ({', '.join(FIELDS)})",
                r["field"],
                row=rownum,
                column="field",
            )
        measure, _ = FIELDS[r["field"]]
        place = (
            resolver.require(r["country_en"], path, row=rownum, column="country_en")
            if r["country_en"]
            else None
        )
        value, flag = None, "blank"
        if r["value_as_printed"]:
            literal = literal_value(r["value_as_printed"])
            if literal is None:
                raise InputError(
                    path,
                    "a printed number with a unit (t, 万 t, 百万 t, %)",
                    r["value_as_printed"],
                    row=rownum,
                    column="value_as_printed",
                )
            try:
                transcribed = Decimal(r["value_number"])
            except ArithmeticError:
                raise InputError(
                    path, "a number", r["value_number"], row=rownum, column="value_number"
                ) from None
            if transcribed != literal:
                raise InputError(
                    path,
                    f"{literal} (the literal reading of '{r['value_as_printed']}')",
                    r["value_number"],
                    row=rownum,
                    column="value_number",
                )
            value, flag = float(literal), ""
        out.append(
            {
                "source_id": source_id,
                "commodity": by_symbol[r["symbol"]],
                "symbol": r["symbol"],
                "field": r["field"],
                "measure": measure,
                "year": 2009,
                "rank": int(r["rank"]) if r["rank"] else None,
                "country_code": place.code if place else "",
                "country": place.country if place else "",
                "area_type": place.area_type if place else "",
                "country_ja": r["country_ja"],
                "value": value,
                "unit": "%" if r["unit_as_printed"] == "%" else ("t" if value is not None else ""),
                "value_as_printed": r["value_as_printed"],
                "unit_as_printed": r["unit_as_printed"],
                "flag": flag,
                "note": r["note"],
                "file": path.name,
                "row": rownum,
            }
        )
    return pd.DataFrame(out)


def apply_corrections(table3: pd.DataFrame, path) -> pd.DataFrame:
    """Table 3 with each correction of ``path`` applied and listed on its cell.

    A correction names a cell (symbol, field, rank) and the value printed there; it either
    replaces the value (``unit-slip``) or, where no value can be shown to be right
    (``inconsistent``), removes it so that no statistic uses it. Every correction must
    match exactly one cell and its printed value, or the run stops.
    """
    path = Path(path)
    corrections = read_as_printed(path, TABLE3_CORRECTIONS)
    out = table3.assign(
        value_printed=table3["value"],
        correction_id="",
        correction_status="",
        evidence_type="",
        correction_evidence="",
    )
    for c in corrections.to_dict("records"):
        rownum = c["row"]
        rank = float(c["rank"]) if c["rank"] else None
        hit = (
            (out["symbol"] == c["symbol"])
            & (out["field"] == c["field"])
            & (out["rank"].isna() if rank is None else out["rank"] == rank)
        )
        if hit.sum() != 1:
            raise InputError(
                path,
                "a (symbol, field, rank) naming one cell of Table 3",
                f"{c['symbol']}, {c['field']}, {c['rank']}",
                row=rownum,
            )
        if out.loc[hit, "value_printed"].iloc[0] != float(c["printed_value"]):
            raise InputError(
                path,
                f"the printed value {out.loc[hit, 'value_printed'].iloc[0]:g} of that cell",
                c["printed_value"],
                row=rownum,
                column="printed_value",
            )
        corrected = float(c["corrected_value"]) if c["corrected_value"] else None
        if (
            corrected is not None
            and c["factor"]
            and abs(corrected - float(c["printed_value"]) * float(c["factor"])) > 1e-6 * corrected
        ):
            raise InputError(
                path,
                "corrected_value = printed_value × factor",
                c["corrected_value"],
                row=rownum,
                column="corrected_value",
            )
        out.loc[
            hit,
            [
                "value",
                "flag",
                "correction_id",
                "correction_status",
                "evidence_type",
                "correction_evidence",
            ],
        ] = [
            corrected,
            "" if corrected is not None else "inconsistent",
            c["correction_id"],
            c["status"],
            c["evidence_type"],
            c["evidence"],
        ]
    return out
