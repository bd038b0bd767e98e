"""Tables beyond the paper: the processing stage beside mining, and the horizon (2009,
2024 and the 2030 projection side by side), as :class:`raremetals.render.tables.Table`,
rendered like the paper's tables.

A share the sources only bound prints as "≤" and rounds up; a share a source does not
give prints in words, never as a number; a projection is headed as one; where a row
weighs another thing than its 2009 row, the row says so and no change is read.
"""

from __future__ import annotations

import pandas as pd

from raremetals.core.printed import hhi_range_text, percent_text
from raremetals.core.text import Language, commodity_names
from raremetals.render.tables import Table
from raremetals.stats.processing import is_latest


def _share(value, bound: str, missing: str) -> str:
    if value != value:
        return missing
    return ("≤" if bound else "") + percent_text(value, bound) + "%"


def _hhi(lower, upper) -> str:
    return hhi_range_text(lower, upper)


def _table(text: dict, rows, language: Language, widths, label: str) -> Table:
    """A table of the language catalogue's words (name, caption, header, note)."""
    return Table(
        text["name"],
        text["caption"],
        list(text["header"]),
        rows,
        [text["note"]],
        language.code,
        widths=widths,
        label=f"tab:{label}-{language.code}",
    )


def processing_stage(stages: pd.DataFrame, commodities, language: Language) -> Table:
    """Each metal's processing series in 2009 (where both stages hold it) and in the
    latest year both hold: China's share, the leader and the HHI of each stage."""
    text = language.tables["processing_stage"]
    names = commodity_names(commodities, language.code)
    series_names = language.labels["fig16_series"]
    shown = stages[(stages["year"] == 2009) | is_latest(stages)]
    rows = []
    for r in shown.to_dict("records"):
        cells = [[names[r["commodity"]]], [series_names[r["processing_series"]]], [str(r["year"])]]
        for stage in ("mining", "processing"):
            share = _share(
                r[f"{stage}_china_share"],
                r[f"{stage}_china_share_bound"],
                text[
                    "in_sum"
                    if stage == "processing" and r["processing_china_in_sum"]
                    else "unnamed"
                ],
            )
            leader = language.country(r[f"{stage}_leader"]) if r[f"{stage}_leader"] else "–"
            cells.append(
                [
                    text["publishers"].get(r[f"{stage}_publisher"], r[f"{stage}_publisher"]),
                    text["china"].format(share=share),
                    text["leader"].format(leader=leader),
                    text["hhi"].format(hhi=_hhi(r[f"{stage}_hhi_lower"], r[f"{stage}_hhi_upper"])),
                ]
            )
        rows.append(cells)
    return _table(text, rows, language, [0.12, 0.2, 0.06, 0.28, 0.28], "processing-stage")


def horizon(table: pd.DataFrame, commodities, language: Language) -> Table:
    """Rare earths, cobalt and lithium: 2009, 2024 and the 2030 projection, by stage."""
    text = language.tables["horizon"]
    names = commodity_names(commodities, language.code)
    rows = []
    for (metal, stage), g in table.groupby(["commodity", "stage"], sort=False):
        cells = [[names[metal]], [text["stages"][stage]]]
        for year in (2009, 2024, 2030):
            r = g[g["year"] == year]
            if r.empty:
                cells.append([text["none"]])
                continue
            r = r.iloc[0]
            cell = [
                text["publishers"].get(r["publisher"], r["publisher"]),
                text["china"].format(
                    share=_share(r["china_share"], r["china_share_bound"], text["unnamed"])
                ),
                text["hhi"].format(hhi=_hhi(r["hhi_lower"], r["hhi_upper"])),
            ]
            if r["like_2009"].startswith("no:"):
                cell.append(text["unlike"][r["like_2009"].removeprefix("no: ")])
            cells.append(cell)
        rows.append(cells)
    return _table(text, rows, language, [0.13, 0.1, 0.25, 0.25, 0.25], "horizon")
