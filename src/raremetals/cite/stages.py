"""The processing stage's headline numbers, as entries of ``results/numbers.json``: for
each of the twelve metals' processing series, China's share of processing and of mining
in the latest year both stages hold and the gap between them (where both are values),
and, for a metal without a processing source, an entry that says so with the reason.
A share a source does not give (China's alloys given only in a sum) is an entry without
a value, never a zero."""

from __future__ import annotations

import pandas as pd

from raremetals.cite.numbers import camel, entry, percent_text
from raremetals.render.figures.plotted import record_lines
from raremetals.stats.processing import latest, series_word


def _share(r: dict, stage: str, key: str, macro: str, file: str, line: int, what: str):
    value, bound = r[f"{stage}_china_share"], r[f"{stage}_china_share_bound"]
    if value != value:
        unknown = stage == "processing" and r["processing_china_in_sum"]
        return entry(
            key,
            macro,
            None,
            "unknown" if unknown else "not named",
            "%",
            "none: the source gives no share",
            file,
            f"row {line}",
            f"{what}: "
            + ("China gives the alloy only in a sum of several" if unknown else "China not named"),
        )
    return entry(
        key,
        macro,
        float(value),
        percent_text(value, bound),
        "%",
        "percent, 0 decimals",
        file,
        f"row {line}",
        what,
        bound,
    )


def processing_numbers(stages: pd.DataFrame, plan: pd.DataFrame, files: dict) -> list[dict]:
    out = []
    lines = dict(zip(stages.index, record_lines(files["stages"])[1:]))
    for i, r in latest(stages).iterrows():
        word = series_word(r["processing_publisher"], r["processing_series"])
        key = f"{r['commodity']}.processing.{word}"
        macro = f"{camel(r['commodity'])}Proc{word}"
        named = f"{r['processing_series']} ({r['processing_publisher']}), {r['year']}"
        out.append(
            _share(
                r,
                "processing",
                f"{key}.china_share.latest",
                f"{macro}ChinaShareLatest",
                files["stages"],
                lines[i],
                f"China's share of {named}",
            )
        )
        out.append(
            _share(
                r,
                "mining",
                f"{key}.mining_china_share.latest",
                f"{macro}MiningChinaShareLatest",
                files["stages"],
                lines[i],
                f"China's share of mining set beside {named} "
                f"({r['mining_publisher']}: {r['mining_series']})",
            )
        )
        if r["china_gap"] == r["china_gap"]:
            out.append(
                entry(
                    f"{key}.china_gap.latest",
                    f"{macro}ChinaGapLatest",
                    float(r["china_gap"]),
                    percent_text(r["china_gap"]),
                    "percentage points",
                    "points, 0 decimals",
                    files["stages"],
                    f"row {lines[i]}",
                    f"China's share of {named} less its share of mining, in points",
                )
            )
    for line, p in zip(record_lines(files["plan"])[1:], plan.to_dict("records")):
        if not p["series"]:
            out.append(
                entry(
                    f"{p['commodity']}.processing.none",
                    f"{camel(p['commodity'])}ProcNone",
                    None,
                    "no source",
                    "",
                    "none",
                    files["plan"],
                    f"row {line}",
                    f"No processing stage of {p['commodity']}: {p['note']}",
                )
            )
    return out
