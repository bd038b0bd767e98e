"""China's export measures on the minerals of the paper, 2012-2025, each with its status as
of a date (``STATUS_DATE``): the table, Figure 15 and the headline counts read them."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from raremetals.core.errors import InputError


def _day(text: str) -> date:
    return date.fromisoformat(text)


# the compiled table gives each measure's status as reported to December 2025
# (its column status_as_of_2026): every status drawn or written is as of then
STATUS_DATE = date(2025, 12, 31)


_STATUS = re.compile(r"^(?P<state>in force|suspended|lifted|n/a)(?: until (?P<until>[\d-]+))?")


def measure_status(text: str) -> dict:
    """A status of the compiled table as (state, until): "suspended until 2026-11-10" is
    suspended, until that day; "n/a (ruling)" has no state of its own."""
    m = _STATUS.match(text)
    if m is None:
        raise InputError("china_export_controls.csv", "a status of the vocabulary", text)
    return {"state": m["state"], "until": _day(m["until"]) if m["until"] else None}


def export_measures(
    controls: pd.DataFrame, names: pd.DataFrame, language: str = "en"
) -> list[dict]:
    """Each measure of China's export-controls table with its day (in force, else
    announced), its kind, its name in ``language`` (``data/china_export_measures.csv``;
    a measure it does not name stops the build), its status as of ``STATUS_DATE``
    (:func:`measure_status`) and its record in ``controls``, by day."""
    named = names.set_index("fact_id")
    missing = sorted(set(controls["fact_id"]) - set(named.index))
    if missing:
        raise InputError(
            "data/china_export_measures.csv", "a kind and a name for every measure", missing[0]
        )
    column = f"label_{language}" if f"label_{language}" in named else "label_en"
    out = [
        {
            "day": _day(r["date_effective"] or r["date_announced"]),
            "kind": named.loc[r["fact_id"], "kind"],
            "name": named.loc[r["fact_id"], column],
            "fact_id": r["fact_id"],
            "record": i,
            **measure_status(r["status_as_of_2026"]),
        }
        for i, r in controls.iterrows()
    ]
    return sorted(out, key=lambda m: (m["day"], m["fact_id"]))
