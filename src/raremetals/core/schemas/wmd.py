"""Schemas of World Mining Data: its production by country (the workbook of section 6.4)
and the check of its printed concentration indices."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import HHI, PLACE, number, text

WMD_PRODUCTION = pa.DataFrameSchema(
    {
        "sheet": text("The workbook's sheet: one mineral (data/wmd_minerals.csv)"),
        "commodity": text("The paper's metal the sheet stands for; empty for the others"),
        "basis": text("What the figures weigh, as the PDF's heading of the mineral says"),
        "year": pa.Column(int, pa.Check.in_range(2000, 2100), description="Data year"),
        **PLACE,
        "country_raw": text("Country as WMD names it (Russia in two parts: Europe, Asia)"),
        "value": number("Production in unit; empty where the cell is empty"),
        "unit": text("The sheet's unit as WMD writes it (metr. t, kg, ct, Mio m³)"),
        "flag": text(
            "The row's mark: empty reported, e estimate, provisional",
            checks=pa.Check.isin(["", "e", "provisional"]),
        ),
        "file": text("The workbook (data/raw/world_mining_data/)"),
        "row": pa.Column(int, pa.Check.ge(3), description="Row of the sheet"),
        "column": text("Column of the sheet (C-G: the years)"),
    },
    strict=True,
    ordered=True,
    name="wmd_production",
)

WMD_INDEX_CHECK = pa.DataFrameSchema(
    {
        "sheet": text("The mineral's sheet"),
        "commodity": text("The paper's metal, or empty"),
        "year": pa.Column(int, description="The volume's last year (2015 for vol. 32)"),
        "producers": pa.Column(int, description="Rows with a figure (each a producer to WMD)"),
        "printed_total": number("The total section 6.5 prints"),
        "rows_total": number("The workbook's rows summed"),
        "printed_hhi": number("The index section 6.5 prints ((mod)HHI(ct))", checks=HHI),
        "computed_hhi": number(
            "The pipeline's HHI of the workbook's rows, each a producer as WMD counts them",
            checks=HHI,
        ),
        "difference": number("computed less printed: within half a unit, or the build stops"),
        "hhi_russia_as_one": number(
            "The HHI with Russia's two parts summed, as every statistic here counts it",
            checks=HHI,
        ),
        "file": text("The PDF the index is printed in"),
        "page": pa.Column(int, description="Its page (of the PDF file, from 1)"),
    },
    strict=True,
    ordered=True,
    name="wmd_index_check",
)
