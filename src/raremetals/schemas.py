"""Schemas of the tidy tables: checked on every write, and the source of the data dictionary.

Each column carries its description, so ``results/tidy/data_dictionary.csv`` is written
from the same definitions that validate the tables.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from .usgs import FLAG_ORDER


def _str(description, **kw):
    return pa.Column(str, description=description, **kw)


FLAG_RE = r"^(" + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER) \
    + r")?(;(" + "|".join(f.replace("<", "\\<").replace(">", "\\>") for f in FLAG_ORDER) + "))*$"
AREA_TYPES = ["country", "world", "residual", "group", "region"]

PLACE = {
    "country_code": _str("ISO 3166 alpha-3 code; for aggregates a code of their own: WLD "
                         "(world total), OTH (the source's 'Other countries'), CIS, or "
                         "codes joined by + for a group the source reports together"),
    "country": _str("Standard English short name (country_converter), or the aggregate's "
                    "name"),
    "area_type": _str("country, world (a world total), residual ('Other countries') or "
                      "group (several countries reported together) or region (e.g. Europe)",
                      checks=pa.Check.isin(AREA_TYPES)),
}
PROVENANCE = {
    "file": _str("Source file the value was read from (see data/sources.yaml)"),
    "row": pa.Column(int, pa.Check.ge(2), description="Line of that file (header = 1)"),
}

OBSERVATIONS = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "edition": _str("USGS edition (mcs2023, mcs2024)"),
        "commodity": _str("Commodity id (data/commodities.csv)"),
        "series": _str("What is measured, as the source's Type column says it (plus the "
                       "product part of the header, e.g. [Sponge]); shares are computed "
                       "within one series"),
        "stage": _str("mine, refinery, smelter, plant or unspecified (from the Type text)",
                      checks=pa.Check.isin(["mine", "refinery", "smelter", "plant",
                                            "unspecified"])),
        "measure": _str("production, capacity or reserves",
                        checks=pa.Check.isin(["production", "capacity", "reserves"])),
        "year": pa.Column(int, pa.Check.in_range(1990, 2100),
                          description="Data year; reserves carry the edition's latest data "
                          "year (the release does not state one)"),
        **PLACE,
        "country_raw": _str("Country cell exactly as in the source"),
        "country_qualifier": _str("What the source added to the name ('rounded', "
                                  "'beneficiated', 'excluding United States', ...)"),
        "value": pa.Column(float, pa.Check.ge(0), nullable=True,
                           description="The value in `unit`; empty where the source gives "
                           "no number (see flag)"),
        "unit": _str("t (metric tons), carat or m3", checks=pa.Check.isin(["t", "carat", "m3"])),
        "value_raw": _str("Cell exactly as in the source (trimmed)"),
        "unit_raw": _str("Unit token of the source's column header (t, kt, kg, Mt, ...)"),
        "basis": _str("What is weighed: REO equivalent, element content, gross weight, "
                      "K2O equivalent, ...; 'as reported' where the source does not say"),
        "flag": _str("Source flags joined by ';': e estimated, > more than, < less than, W "
                     "withheld, NA not available, XX not applicable, blank empty cell, large, "
                     "small, lt_half_unit, incl_world / incl_other / incl_ilmenite (included "
                     "in another row)", checks=pa.Check.str_matches(FLAG_RE)),
        "note": _str("The source's note for that measure, and footnote marks on the name"),
        **PROVENANCE,
        "column": _str("Column of the source file"),
    },
    strict=True, ordered=True, name="observations",
    checks=pa.Check(lambda d: d["value"].notna() | (d["flag"] != ""),
                    error="a value without a number must carry a flag"),
)

NET_IMPORT_RELIANCE = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "edition": _str("USGS edition"),
        "year": pa.Column(int, description="Year of the net import reliance figure"),
        "commodity": _str("Commodity id, empty where no world table exists for it "
                          "(data/usgs_nir_commodities.csv)"),
        "commodity_label": _str("Commodity as the source labels it"),
        "value": pa.Column(float, pa.Check.in_range(0, 100), nullable=True,
                           description="Net import reliance, % of apparent consumption"),
        "unit": _str("Unit of value: % (of US apparent consumption)"),
        "flag": _str("'>' or '<' when the source gives a bound, E for net exporter "
                     "(no number), empty otherwise", checks=pa.Check.isin(["", ">", "<", "E"])),
        "value_raw": _str("Cell exactly as in the source"),
        "import_sources": _str("Major import sources as the source lists them"),
        "import_source_codes": _str("ISO3 codes of those sources, ';'-joined, same order"),
        "import_sources_years": _str("Years the import sources refer to"),
        **PROVENANCE,
    },
    strict=True, ordered=True, name="usgs_net_import_reliance",
)

WGI = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        **{k: PLACE[k] for k in ("country_code", "country")},
        "wb_code": _str("World Bank economy code as in the source"),
        "dimension": _str("WGI dimension code", checks=pa.Check.isin(
            ["CC", "GE", "PV", "RL", "RQ", "VA"])),
        "dimension_name": _str("WGI dimension"),
        "year": pa.Column(int, description="Year rated"),
        "estimate": pa.Column(float, pa.Check.in_range(-5, 5),
                              description="Estimate on the WGI scale (standard normal units, mostly -2.5 to 2.5)"),
        **PROVENANCE,
        "column": _str("Column of the source file (the year)"),
    },
    strict=True, ordered=True, name="wgi_estimates",
)

TABLE3 = pa.DataFrameSchema(
    {
        "source_id": _str("Source id in data/sources.yaml"),
        "commodity": _str("Commodity id (data/commodities.csv)"),
        "symbol": _str("Symbol as the paper uses it"),
        "field": _str("Cell of Table 3 (world_production_2009, reserves_rank, ...)"),
        "measure": _str("production, reserves, japan_import_share, us_import_source or "
                        "us_net_import_reliance"),
        "year": pa.Column(int, description="Data year (2009)"),
        "rank": pa.Column(float, nullable=True, description="Rank printed in the cell (①②③)"),
        **{k: pa.Column(str, description=v.description) for k, v in PLACE.items()},
        "country_ja": _str("Country as printed (Japanese)"),
        "value": pa.Column(float, nullable=True, description="The printed number read "
                           "literally, in t or %; errors of the print are kept here"),
        "unit": _str("t or %; empty where nothing is printed"),
        "value_as_printed": _str("Cell as printed"),
        "unit_as_printed": _str("Unit as printed (t, 万 t, 百万 t, %)"),
        "flag": _str("blank where the paper prints no number", checks=pa.Check.isin(
            ["", "blank"])),
        "note": _str("Transcriber's note, with the raw cell"),
        **PROVENANCE,
    },
    strict=True, ordered=True, name="paper_table3",
)

SCHEMAS = {s.name: s for s in (OBSERVATIONS, NET_IMPORT_RELIANCE, WGI, TABLE3)}


def data_dictionary(schemas=None) -> pd.DataFrame:
    rows = []
    for name, schema in (schemas or SCHEMAS).items():
        for col, spec in schema.columns.items():
            rows.append({"table": name, "column": col, "type": str(spec.dtype),
                         "nullable": spec.nullable, "description": spec.description})
    return pd.DataFrame(rows)
