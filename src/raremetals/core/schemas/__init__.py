"""Schemas of every table the pipeline reads or writes: checked on every write, and the
source of the data dictionaries.

Each column carries its description, so ``results/*/data_dictionary.csv`` are written from
the same definitions that validate the tables. The schemas live by stage (``usgs`` and
``tidy``: the cleaned sources; ``stats``; ``audit``; ``inputs``: the tables compiled by
hand), built from the columns of ``columns``; this package gathers their names.
"""

import re

import pandas as pd

from raremetals.core.io import SPREADSHEET_RULE
from raremetals.core.schemas.audit import (
    CLAIMS_AUDIT,
    TABLE3_AGAINST_BGS,
    TABLE3_ERRATA,
    TABLE3_THREE_WAYS,
)
from raremetals.core.schemas.bgs import BGS_LONG_RUN, USGS_BGS
from raremetals.core.schemas.eu import (
    EU_CORRELATION,
    EU_CRITICALITY,
    EU_CRM_2010,
    EU_CRM_SCORES,
    EU_SCORES_AGAINST_HHI,
    EU_SHARES_AGAINST_USGS,
    EU_SUPPLY_SHARES,
    EU_THRESHOLD_CHECK,
)
from raremetals.core.schemas.figures import FIGURE_DATA
from raremetals.core.schemas.inputs import (
    CLAIM_CHECKS,
    CLAIMS,
    COMMODITY_NAMES,
    COUNTRY_NAMES,
    ELEMENT_VALUES,
    EXPORT_CONTROLS,
    EXPORT_QUOTAS,
    MILITARY_EXPENDITURE,
    PAPER_TEXT_VALUES,
    REE_SECONDARY,
    TABLE3_CORRECTIONS,
    WIND,
)
from raremetals.core.schemas.processing import HORIZON, IEA_OUTLOOK, MINING_AND_PROCESSING
from raremetals.core.schemas.stats import (
    CONCENTRATION,
    CONCENTRATION_SERIES,
    COUNTRY_SHARES,
    JAPAN_DEPENDENCY,
    RESERVES_TO_PRODUCTION,
    US_IMPORT_RELIANCE,
    paper_comparison,
)
from raremetals.core.schemas.tidy import (
    BGS_PRODUCTION,
    DS140,
    IEA_SUPPLY,
    NET_IMPORT_RELIANCE,
    TABLE3,
    TABLE3_CORRECTED,
    WGI,
)
from raremetals.core.schemas.trade import COMTRADE_TRADE, JAPAN_IMPORTS
from raremetals.core.schemas.usgs import (
    OBSERVATIONS,
    USGS_BEST_SERIES,
    USGS_PEER_CHECK,
    USGS_REVISIONS,
    USGS_ROW_ACCOUNTING,
    usgs_values_by_edition,
)
from raremetals.core.schemas.wmd import (
    WMD_INDEX_CHECK,
    WMD_PRODUCTION,
    WMD_SERIES,
    WMD_VOLUMES,
)


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
