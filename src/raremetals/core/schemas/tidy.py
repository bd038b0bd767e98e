"""Schemas of the other tidy tables: USGS DS140, BGS production, the WGI, and the paper's
Table 3."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import FLAG_RE, PLACE, PROVENANCE, number, text

DS140 = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml (usgs_ds140)"),
        "year": pa.Column(int, pa.Check.in_range(1900, 2100), description="Data year"),
        "statistic": text(
            "us_production, us_imports, us_exports, us_apparent_consumption, unit_value "
            "(current dollars), unit_value_1998usd (1998 dollars), world_production",
            checks=pa.Check.isin(
                [
                    "us_production",
                    "us_imports",
                    "us_exports",
                    "us_apparent_consumption",
                    "unit_value",
                    "unit_value_1998usd",
                    "world_production",
                ]
            ),
        ),
        "value": number("The value in unit; empty where the source gives a code (see flag)"),
        "unit": text(
            "t REO (metric tons, rare-earth oxide equivalent), USD/t or USD(1998)/t",
            checks=pa.Check.isin(["t REO", "USD/t", "USD(1998)/t"]),
        ),
        "value_raw": text("Cell as in the workbook"),
        "flag": text(
            "NA not available, W withheld, blank empty cell",
            checks=pa.Check.isin(["", "NA", "W", "blank"]),
        ),
        "file": text("Source file (data/raw/usgs_ds140/)"),
        "row": pa.Column(int, description="Row of the worksheet"),
        "column": text("Column letter of the worksheet and its header"),
    },
    strict=True,
    ordered=True,
    name="ds140_rare_earths",
    checks=pa.Check(
        lambda d: d["value"].notna() | (d["flag"] != ""),
        error="a value without a number must carry a flag",
    ),
)

NET_IMPORT_RELIANCE = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml"),
        "edition": text("USGS edition"),
        "year": pa.Column(int, description="Year of the net import reliance figure"),
        "commodity": text(
            "Commodity id, empty where no world table exists for it (data/usgs_nir_commodities.csv)"
        ),
        "commodity_label": text("Commodity as the source labels it"),
        "value": pa.Column(
            float,
            pa.Check.in_range(0, 100),
            nullable=True,
            description="Net import reliance, % of apparent consumption",
        ),
        "unit": text("Unit of value: % (of US apparent consumption)"),
        "flag": text(
            "'>' or '<' when the source gives a bound, E for net exporter "
            "(no number), empty otherwise",
            checks=pa.Check.isin(["", ">", "<", "E"]),
        ),
        "value_raw": text("Cell exactly as in the source"),
        "import_sources": text("Major import sources as the source lists them"),
        "import_source_codes": text("ISO3 codes of those sources, ';'-joined, same order"),
        "import_sources_years": text("Years the import sources refer to"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="usgs_net_import_reliance",
)

BGS_PRODUCTION = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml (bgs_world_mineral_statistics)"),
        "commodity": text(
            "Commodity id (data/commodities.csv); empty for a ferro-alloy of several metals "
            "or none (data/bgs_series.csv)"
        ),
        "series": text(
            "BGS's commodity, and its sub-commodity after ': ' (a form, grade); a row whose "
            "mark states another basis is kept apart, the basis in brackets after it"
        ),
        "stage": text("mine, refinery, plant or ferro-alloy plant (data/bgs_series.csv)"),
        "basis": text("What is weighed (data/bgs_series.csv): a series is one basis"),
        "year": pa.Column(int, pa.Check.in_range(1900, 2100), description="Data year"),
        **PLACE,
        "country_raw": text("Country as BGS names it"),
        "value": number(
            "Production in unit; empty where BGS gives no figure, one below 0.5 t or a "
            "capacity (flag)"
        ),
        "value_max": number(
            "The most the production can be where BGS gives only that: 0.5 for 'more than "
            "0 but less than 0.5', the capacity where a mark says the figure is one"
        ),
        "unit": text("t (metric tons)", checks=pa.Check.isin(["t"])),
        "value_raw": text("Quantity as in the export"),
        "unit_raw": text("Unit as BGS writes it"),
        "flag": text(
            "the effects of BGS's marks (data/bgs_marks.csv): e estimated, zero nothing "
            "produced, NA not available, lt_half_unit more than 0 but less than 0.5 t, "
            "break a break in series, includes more than the series names, part only "
            "part of the country, stands_in exports, sales or refined metal for "
            "production, included in another row, capacity, basis_doubt; joined by ';'",
            checks=pa.Check.str_matches(FLAG_RE),
        ),
        "note": text("BGS's precision statement and note texts"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="bgs_production",
    checks=pa.Check(
        lambda d: d["value"].notna() | (d["flag"] != ""),
        error="a value without a number must carry a flag",
    ),
)

IEA_SUPPLY = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml (iea_critical_minerals)"),
        "mineral": text("The explorer's mineral (data/iea_minerals.csv)"),
        "commodity": text("Commodity id (data/commodities.csv)"),
        "what": text(
            "What is weighed, as a comparison names it: the magnet rare earths are not "
            "the rare earths of Table 3 (data/iea_minerals.csv)"
        ),
        "stage": text("mining or refining", checks=pa.Check.isin(["mining", "refining"])),
        "year": pa.Column(
            int, pa.Check.in_range(2000, 2100), description="Year of the data or projection"
        ),
        "kind": text(
            "data (2024) or projection (2030, 2035, 2040: the base case), never data",
            checks=pa.Check.isin(["data", "projection"]),
        ),
        "scenario": text("The projection's scenario (base case); empty for data"),
        **PLACE,
        "country_raw": text("Country as the file names it"),
        "value": number("Supply in unit; empty where the file gives null"),
        "unit": text("kt (thousand metric tons)", checks=pa.Check.isin(["kt"])),
        "basis": text("What is weighed (data/iea_minerals.csv)"),
        **PROVENANCE,
        "flag": text(
            "outside_total: the file's total leaves this country's figure out (it falls "
            "short of the rows' sum by exactly this figure)",
            checks=pa.Check.isin(["", "outside_total"]),
        ),
        "note": text(
            "The converter's note lines found among this stage's countries, kept here, "
            "never read as countries"
        ),
    },
    strict=True,
    ordered=True,
    name="iea_supply",
    unique=["mineral", "stage", "year", "country_raw"],
)

WGI = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml"),
        **{k: PLACE[k] for k in ("country_code", "country")},
        "wb_code": text("World Bank economy code as in the source"),
        "dimension": text(
            "WGI dimension code", checks=pa.Check.isin(["CC", "GE", "PV", "RL", "RQ", "VA"])
        ),
        "dimension_name": text("WGI dimension"),
        "year": pa.Column(int, description="Year rated"),
        "estimate": pa.Column(
            float,
            pa.Check.in_range(-5, 5),
            description="Estimate on the WGI scale (standard normal units, mostly -2.5 to 2.5)",
        ),
        **PROVENANCE,
        "column": text("Column of the source file (the year)"),
    },
    strict=True,
    ordered=True,
    name="wgi_estimates",
)

TABLE3 = pa.DataFrameSchema(
    {
        "source_id": text("Source id in data/sources.yaml"),
        "commodity": text("Commodity id (data/commodities.csv)"),
        "symbol": text("Symbol as the paper uses it"),
        "field": text("Cell of Table 3 (world_production_2009, reserves_rank, ...)"),
        "measure": text(
            "production, reserves, japan_import_share, us_import_source or us_net_import_reliance"
        ),
        "year": pa.Column(int, description="Data year (2009)"),
        "rank": pa.Column(float, nullable=True, description="Rank printed in the cell (①②③)"),
        **{k: pa.Column(str, description=v.description) for k, v in PLACE.items()},
        "country_ja": text("Country as printed (Japanese)"),
        "value": pa.Column(
            float,
            nullable=True,
            description="The printed number read "
            "literally, in t or %; errors of the print are kept here",
        ),
        "unit": text("t or %; empty where nothing is printed"),
        "value_as_printed": text("Cell as printed"),
        "unit_as_printed": text("Unit as printed (t, 万 t, 百万 t, %)"),
        "flag": text("blank where the paper prints no number", checks=pa.Check.isin(["", "blank"])),
        "note": text("Transcriber's note, with the raw cell"),
        **PROVENANCE,
    },
    strict=True,
    ordered=True,
    name="paper_table3",
)

TABLE3_CORRECTED = TABLE3.add_columns(
    {
        "value_printed": pa.Column(
            float,
            nullable=True,
            description="The value as printed (read literally), before any correction",
        ),
        "correction_id": text(
            "Id of the correction applied to this cell "
            "(data/corrections/table3_corrections.csv), empty if none"
        ),
        "correction_status": text(
            "unit-slip (value corrected) or inconsistent (value removed: "
            "no correction can be shown)",
            checks=pa.Check.isin(["", "unit-slip", "inconsistent"]),
        ),
        "evidence_type": text("paper_text, world_total, cross_cell_arithmetic or vendored_source"),
        "correction_evidence": text("The evidence for the correction, in words"),
    }
).update_columns(
    {
        "value": {
            "description": "The value in t or %, corrected where a "
            "correction applies (see value_printed)"
        },
        "flag": {
            "checks": pa.Check.isin(["", "blank", "inconsistent"]),
            "description": "blank where the paper prints no number; "
            "inconsistent where a printed value was removed",
        },
    }
)
TABLE3_CORRECTED.name = "paper_table3_corrected"
