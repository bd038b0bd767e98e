"""Figure 16: the processing stage beside mining. Left, for each metal and processing
series, China's share of mining and of processing in the latest year both stages hold
(a share the sources only bound is drawn as a bar up to the bound; one the sources do
not give is said in words, never drawn as zero). Right, refined and mined cobalt
1971-2023 (BGS), each line broken at BGS's breaks in series and at missing years. The
metals without a processing source are named, with the reason, under the panels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.plotted import SHARE, take
from raremetals.render.figures.style import (
    CHINA,
    FAINT,
    GREYS,
    GRID,
    NOTE,
    REFERENCE,
    columns,
    runs,
    style,
    wrap,
)
from raremetals.stats.processing import latest

MINE, PROCESSING = GREYS[0], CHINA
LONG_RUN = ("cobalt", "cobalt, refined")  # the right panel: one metal, one publisher


def latest_pairs(stages: pd.DataFrame) -> pd.DataFrame:
    """Each metal's processing series in the latest year both stages hold, in the order
    of the largest processing share first (unknown shares last)."""
    return latest(stages).sort_values(
        ["processing_china_share", "commodity", "processing_series"],
        ascending=[False, True, True],
        na_position="last",
        kind="stable",
    )


def long_run(stages: pd.DataFrame) -> pd.DataFrame:
    metal, series = LONG_RUN
    d = stages[(stages["commodity"] == metal) & (stages["processing_series"] == series)]
    return d.sort_values("year")


def plotted(data: dict, config: dict):
    stages = data["mining_and_processing"]
    parts = []
    for d in (latest_pairs(stages), long_run(stages)):
        for stage in ("mining", "processing"):
            shown = d[d[f"{stage}_china_share"].notna()]
            parts.append(
                take(
                    shown,
                    "mining_and_processing",
                    f"{stage}_china_share",
                    series=shown[f"{stage}_publisher"] + ": " + shown[f"{stage}_series"],
                    measure=stage,
                    country_code="CHN",
                    unit=SHARE,
                    flag=shown[f"{stage}_china_share_bound"],
                )
            )
    return parts


def _label(r, names, t) -> str:
    return t["fig16_row"].format(
        metal=names[r["commodity"]],
        series=t["fig16_series"][r["processing_series"]],
        publisher=r["processing_publisher"],
        year=r["year"],
    )


def _share(ax, y, value, bound, color, marker, dy):
    """A share as a point, or a bound as a bar from 0 to it."""
    if bound:
        ax.barh(y + dy, value, height=0.22, color=color, alpha=0.25, hatch="///", lw=0)
        ax.plot([value], [y + dy], marker="|", ms=9, color=color)
    else:
        ax.plot([value], [y + dy], marker=marker, ms=7, color=color, ls="")


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    names = commodity_names(data["commodities"], language.code)
    stages = data["mining_and_processing"]
    pairs = latest_pairs(stages)
    with style(language.font):
        fig, (ax, right) = plt.subplots(
            1, 2, figsize=(12, 6.2), gridspec_kw={"width_ratios": [1.25, 1]}
        )
        for y, r in enumerate(pairs.to_dict("records")):
            m, p = r["mining_china_share"], r["processing_china_share"]
            if m == m and p == p and r["china_gap"] == r["china_gap"]:
                ax.plot([m, p], [y, y], color=FAINT, lw=1.2, zorder=1)
            said = []
            for stage, value, color, marker, dy in (
                ("mining", m, MINE, "o", 0.0),
                ("processing", p, PROCESSING, "s", 0.0),
            ):
                if value == value:
                    _share(ax, y, value, r[f"{stage}_china_share_bound"], color, marker, dy)
                elif stage == "processing" and r["processing_china_in_sum"]:
                    said.append(t["fig16_no_processing"])
                else:
                    said.append(t["fig16_unnamed"].format(stage=t[f"fig16_{stage}"]))
            if said:  # under the row: never over a mark
                ax.text(0.01, y + 0.36, "; ".join(said), fontsize=6.5, color=NOTE)
        ax.set_yticks(
            range(len(pairs)), [_label(r, names, t) for r in pairs.to_dict("records")], fontsize=8
        )
        ax.invert_yaxis()
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.grid(axis="x", color=GRID, lw=0.6)
        ax.set_xlabel(t["fig16_axis"])
        ax.set_title(t["fig16_left"], fontsize=10)
        ax.legend(
            handles=[
                Line2D([], [], marker="o", color=MINE, ls="", label=t["fig16_mining"]),
                Line2D([], [], marker="s", color=PROCESSING, ls="", label=t["fig16_processing"]),
                Patch(facecolor=REFERENCE, alpha=0.3, hatch="///", label=t["fig16_at_most"]),
            ],
            fontsize=7,
            loc="upper left",
            bbox_to_anchor=(0, -0.11),
            ncol=3,
            frameon=False,
        )
        d = long_run(stages)
        for stage, color, marker in (("mining", MINE, "o"), ("processing", PROCESSING, "s")):
            for _, g in d.groupby(f"{stage}_segment"):
                known = g[g[f"{stage}_china_share"].notna()]
                xs, ys = runs(list(known["year"]), list(known[f"{stage}_china_share"]))
                right.plot(xs, ys, color=color, lw=1.4, marker=marker, ms=2.5)
        right.set_xlim(1970, 2024)
        right.set_ylim(0, 1)
        right.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        right.grid(axis="y", color=GRID, lw=0.6)
        right.set_title(t["fig16_right"], fontsize=10)
        right.text(
            0.02,
            0.8,
            t["fig16_unlisted_years"],
            transform=right.transAxes,
            fontsize=6.5,
            color=NOTE,
            va="top",
        )
        right.legend(
            handles=[
                Line2D([], [], color=MINE, marker="o", ms=3, label=t["fig16_cobalt_mine"]),
                Line2D([], [], color=PROCESSING, marker="s", ms=3, label=t["fig16_cobalt_refined"]),
            ],
            fontsize=7,
            loc="upper left",
        )
        plan = data["processing_series"]
        none = plan[plan["series"] == ""]
        foot = (
            t["fig16_none"]
            + " "
            + t["fig16_list_sep"].join(
                f"{names[c]}: {t['fig16_reasons'][c]}" for c in none["commodity"]
            )
        )
        fig.suptitle(t["fig16"])
        fig.text(
            0.01,
            0.01,
            wrap(t["fig16_note"] + " " + foot, columns(fig, 6.5)),
            fontsize=6.5,
            color=NOTE,
            va="bottom",
        )
        fig.subplots_adjust(left=0.22, right=0.98, top=0.9, bottom=0.24, wspace=0.3)
    return fig
