"""China's export measures 2012-2025 as a table (:class:`raremetals.render.tables.Table`):
by the day each took effect, its kind, its name and instrument, and its status as of the
compiled table's date, in the language's words."""

from __future__ import annotations

import pandas as pd

from raremetals.core.text import Language
from raremetals.render.tables import Table


def _status_text(m: dict, compiled: str, text: dict) -> str:
    """A measure's status as of the table's date in the language: its state (and until
    when), with what the compiled table adds in brackets where the language is its own."""
    said = text["states"][m["state"]]
    if m["until"]:
        said = text["until"].format(state=said, until=m["until"])
    extra = compiled[compiled.find("(") :] if "(" in compiled else ""
    return f"{said} {extra}" if extra and text.get("keep_notes") else said


def china_export_policy(measures: list[dict], controls: pd.DataFrame, language: Language) -> Table:
    """China's export measures 2012-2025 by the day they took effect, each with its kind
    and name in the language (``measures``: the figure's, from
    ``data/china_export_measures.csv``), its instrument and its status as of the
    compiled table's date (December 2025), in the language's words (the instrument as the
    catalogue gives it, ``Language.translated``)."""
    text = language.tables["china_export_policy"]
    by_id = controls.set_index("fact_id")
    rows = [
        [
            [f"{m['day']:%Y-%m-%d}"],
            [text["kinds"][m["kind"]]],
            [m["name"]],
            [language.translated(by_id.loc[m["fact_id"], "instrument"])],
            [_status_text(m, by_id.loc[m["fact_id"], "status_as_of_2026"], text)],
        ]
        for m in measures
    ]
    return Table(
        text["name"],
        text["caption"],
        list(text["header"]),
        rows,
        [text["note"]],
        language.code,
        widths=[0.09, 0.13, 0.28, 0.3, 0.2],
        label=f"tab:china-export-policy-{language.code}",
    )
