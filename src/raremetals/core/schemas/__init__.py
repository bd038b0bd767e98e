"""Schemas of every table the pipeline reads or writes: checked on every write, and the
source of the data dictionaries.

Each column carries its description, so ``results/*/data_dictionary.csv`` are written from
the same definitions that validate the tables. The schemas live by stage (``usgs`` and
``tidy``: the cleaned sources; ``stats``; ``audit``; ``inputs``: the tables compiled by
hand; and by source family), built from the columns of ``columns``. The catalogue
(``core/catalogue.csv``) names each table's schema as ``module.NAME``; code that needs one
imports it from its module.
"""

import re

import pandas as pd

from raremetals.core.io import SPREADSHEET_RULE


def settings_in_header(columns: list[str]) -> dict:
    """The settings of the build a results table's header shows, for the schemas made for
    them: the USGS editions of ``usgs_values_by_edition.csv`` (its value_<edition>
    columns) and the middle year of ``paper_metals_comparison.csv`` (its edition_<year>)."""
    editions = [c.removeprefix("value_") for c in columns if re.fullmatch(r"value_mcs\d{4}", c)]
    years = [int(c[-4:]) for c in columns if re.fullmatch(r"edition_\d{4}", c)]
    return {"editions": editions, "middle_year": years[0] if years else None}


def data_dictionary(schemas: dict) -> pd.DataFrame:
    """One row per column of each table (name -> schema, as the catalogue lists them):
    name, type, nullability, meaning, and how its cells are written (text cells a
    spreadsheet would evaluate carry a leading apostrophe: ``io.spreadsheet_safe``)."""
    rows = []
    for name, schema in schemas.items():
        for col, spec in schema.columns.items():
            rows.append(
                {
                    "table": name,
                    "column": col,
                    "type": str(spec.dtype),
                    "nullable": spec.nullable,
                    "description": spec.description,
                    "written_as": SPREADSHEET_RULE if str(spec.dtype) == "str" else "number",
                }
            )
    return pd.DataFrame(rows)
