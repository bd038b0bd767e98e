"""Schemas of World Mining Data: its production by country (the workbook of section 6.4,
and the PDFs' tables of the paper's metals in every volume) and the check of its printed
concentration indices."""

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

WMD_VOLUMES = pa.DataFrameSchema(
    {
        "volume": pa.Column(int, pa.Check.in_range(28, 32), description="WMD volume (28: 2013)"),
        "heading": text("The table's heading in section 6.4 (data/wmd_volumes.csv)"),
        "commodity": text("The paper's metal; empty for vol. 28's tantalum-columbium"),
        "basis": text("What the figures weigh, as the volume's definitions state"),
        "usgs_basis": text("The USGS's name for the same tonnage; empty where it weighs another"),
        "content_of": text("Element (or REO) whose content the figures weigh; empty: gross"),
        "year": pa.Column(int, pa.Check.in_range(2007, 2015), description="Data year"),
        **PLACE,
        "country_raw": text("Country as WMD names it (Russia in two parts: Europe, Asia)"),
        "value": number("Production in metric t; empty where the volume gives the year none"),
        "flag": text(
            "The row's remark: empty reported (1), e estimate (2), provisional (3)",
            checks=pa.Check.isin(["", "e", "provisional"]),
        ),
        "source": text("Whom WMD takes the row from (the remark's letter)"),
        "file": text("The PDF (data/raw/world_mining_data/)"),
        "where": text("Its page (of the PDF file, from 1) and line (of text, from the top)"),
        "best": pa.Column(bool, description="The latest volume that gives this year"),
    },
    strict=True,
    ordered=True,
    name="wmd_volumes",
)

WMD_SERIES = pa.DataFrameSchema(
    {
        "commodity": text("The paper's metal"),
        "year": pa.Column(int, pa.Check.in_range(2007, 2015), description="Data year"),
        "volume": pa.Column(int, description="WMD's best volume for the year (the latest)"),
        "series": text("The table's heading in section 6.4"),
        "basis": text("What WMD weighs, as the volume's definitions state"),
        "usgs_basis": text("The USGS's name for the same tonnage; empty where it weighs another"),
        "content_of": text("Element (or REO) whose content WMD weighs; empty: gross weight"),
        "compares_with_usgs": text(
            "tonnage (same basis), share (one element's content as element or oxide) or "
            "empty (not drawn with the USGS's)",
            checks=pa.Check.isin(["tonnage", "share", ""]),
        ),
        "total": number("WMD's world: its Total, the sum of the figures printed"),
        "n_listed": pa.Column(int, description="Countries with a figure (Russia once)"),
        "blank_countries": text("Countries the table lists without a figure this year"),
        "china_share": number("China's share of the total (empty: China not listed)"),
        "cr1": number("The leader's share"),
        "cr1_country": text("The leader (ISO3)"),
        "cr3": number("The three largest producers' share"),
        "cr3_countries": text("The three largest producers"),
        "hhi": number("HHI of the countries' shares (0-10,000)", checks=HHI),
        "source_file": text("The PDF (data/raw/world_mining_data/)"),
    },
    strict=True,
    ordered=True,
    name="wmd_series",
)

WMD_INDEX_CHECK = pa.DataFrameSchema(
    {
        "volume": pa.Column(int, description="WMD volume that prints the index"),
        "sheet": text("The mineral's sheet (vol. 32) or its heading in section 6.4"),
        "commodity": text("The paper's metal, or empty"),
        "year": pa.Column(int, description="The volume's last year (2015 for vol. 32)"),
        "producers": pa.Column(int, description="Rows with a figure (each a producer to WMD)"),
        "printed_total": number("The total section 6.5 prints"),
        "rows_total": number("WMD's rows summed (the workbook's, or the PDF's table)"),
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
