"""China's export measures after the quotas: the compiled table (a third party's, as
vendored) and the facts the project adds to it (``data/china_export_controls_added.csv``,
each with the page that states it), read alike and checked alike: a date that is no date,
a status outside the vocabulary or a fact given twice is refused at its row."""

from __future__ import annotations

import pandas as pd

from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed
from raremetals.core.schemas.inputs import EXPORT_CONTROLS


def export_controls(compiled, added) -> pd.DataFrame:
    """Both tables' rows, each with its own file and line."""
    first, more = (
        read_as_printed(compiled, EXPORT_CONTROLS),
        read_as_printed(added, EXPORT_CONTROLS),
    )
    again = more[more["fact_id"].isin(first["fact_id"])]
    if len(again):
        r = again.iloc[0]
        raise InputError(
            added,
            "a fact the compiled table lacks (it gives this one)",
            r["fact_id"],
            row=int(r["row"]),
            column="fact_id",
        )
    return pd.concat([first, more], ignore_index=True)
