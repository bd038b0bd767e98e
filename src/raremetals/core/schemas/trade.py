"""Schemas of the trade data: a UN Comtrade extract as read, and Japan's import sources
today beside the paper's."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import FLAG_RE, PLACE, PROVENANCE, SHARE, number, text

COMTRADE_TRADE = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml (un_comtrade_extract)"),
        "year": pa.Column(int, pa.Check.in_range(1988, 2100), description="Data year (the file's)"),
        "reporter": text("M49 code of the reporting country (392: Japan)"),
        "flow": text("import or export", checks=pa.Check.isin(["import", "export"])),
        "hs6": text("HS6 commodity code", checks=pa.Check.str_matches(r"^\d{6}$")),
        "partner_code": text("Partner as Comtrade codes it (M49, or Comtrade's own: 0, 490, ...)"),
        **PLACE,
        "value_usd": number("Trade value in US dollars (Comtrade's primaryValue)", nullable=False),
        "net_weight_kg": number("Net weight in kg; empty where Comtrade gives none (flag NA)"),
        "flag": text("NA: no net weight given", checks=pa.Check.str_matches(FLAG_RE)),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="comtrade_japan",
    unique=["year", "reporter", "flow", "hs6", "partner_code"],
)

JAPAN_IMPORTS = pa.DataFrameSchema(
    {
        "commodity": text("Commodity id: one of the paper's twelve metals"),
        "hs6": text("The HS6 code standing for it (data/japan_import_codes.csv); empty: none"),
        "product": text("What the code holds"),
        "covered": pa.Column(bool, description="Whether the extract covers a code for the metal"),
        "stands_for": text(
            "form (one form of the metal among those traded) or proxy (the code stands for "
            "something else: magnets for neodymium); empty for no code"
        ),
        "speaks_for": text("What part of the metal's trade the code can speak for, or why not"),
        "like_2009": pa.Column(
            bool,
            description="Whether the row may be set against Table 3's 2009 (stats."
            "comparability): never, since Table 3 gives the metal in forms it does not state",
        ),
        "unlike_2009": text("Why not: proxy or series (stats.comparability)"),
        "year": pa.Column(int, description="Data year of the trade figures"),
        "basis": text("value or net weight; empty for a metal not covered"),
        "unit": text("USD or kg"),
        "rank": pa.Column("Int64", nullable=True, description="1 to 3 by the basis"),
        "country_code": text("The partner (ISO3)"),
        "country": text("Its English short name"),
        "amount": number("Japan's imports from it, in unit"),
        "world_total": number("Japan's imports from the world (Comtrade's World row), in unit"),
        "share": number("amount / world_total", checks=SHARE),
        "n_partners": pa.Column("Int64", nullable=True, description="Partners with a row"),
        "paper_2009_country_code": text("Table 3's Japan column, 2009: the source at this rank"),
        "paper_2009_share": number("Its printed share (another statistic and basis)", checks=SHARE),
        "why": text("Why the code stands for the metal only as a proxy, or why none does"),
        "file": text("The extract file"),
        "row": pa.Column("Int64", nullable=True, description="Line of the partner's row"),
        "world_row": pa.Column("Int64", nullable=True, description="Line of the World row"),
    },
    strict=True,
    ordered=True,
    name="japan_imports",
)
