"""Schema of the values each figure draws (``results/figures/<id>.data.csv``)."""

from __future__ import annotations

import pandera.pandas as pa

from raremetals.core.schemas.columns import text

FIGURE_DATA = pa.DataFrameSchema(
    {
        "measure": text("What is measured: production, reserves, export quota, ..."),
        "series": text("The series the value belongs to, as the legend tells it apart"),
        "commodity": text("Commodity id (Table 1: the element's symbol)"),
        "country_code": text("ISO 3166 alpha-3 code of the country, where the value is one's"),
        "year": pa.Column("Int64", nullable=True, description="Data year"),
        "period": text("Part of the year (full_year, H1, a batch) or the day, where given"),
        "quantity": text(
            "The column of the table that holds the value; for a value the figure works out, "
            "how it does"
        ),
        "value": pa.Column(
            float, nullable=True, description="The value drawn, in unit (empty: a date drawn)"
        ),
        "unit": text("Unit of value"),
        "flag": text("A bound, an estimate or the source's flag of the value"),
        "table": text("The table of this pipeline the value comes from (path)"),
        "table_row": pa.Column(
            "Int64", nullable=True, description="Its row, counting the header as row 1"
        ),
        "source_file": text("The source file the table read the value from, where it says"),
        "source_row": pa.Column(
            "Int64", nullable=True, description="Line of that file (header = 1), where it says"
        ),
    },
    strict=True,
    ordered=True,
    name="figure_data",
)
