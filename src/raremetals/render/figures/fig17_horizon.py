"""Figure 17: the paper's twenty-year horizon. For each mineral of the IEA's supply sheet,
China's share and the three largest countries' share of mining and refining in 2024
(data) and 2030-2040 (the base case: hollow marks, dashed lines, a shaded era), and the
paper's 2009 (Table 3's mining; BGS's refined cobalt), never joined to them. Where the
2009 row weighs another thing than the IEA (rare earths: every rare earth against the
magnet rare earths) the panel says so. The three minerals outside the paper's twelve
are drawn in a row of their own."""

from __future__ import annotations

import matplotlib.pyplot as plt
import matplotlib.ticker
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language
from raremetals.render.figures.plotted import SHARE, take
from raremetals.render.figures.style import (
    CHINA,
    CHINA_SHADES,
    GREYS,
    GRID,
    NOTE,
    PALE,
    PAPER,
    style,
)

ROWS = (("Rare Earth Elements", "Cobalt", "Lithium"), ("Copper", "Nickel", "Graphite"))
COLOURS = {"mining": GREYS[0], "refining": CHINA}
MARKERS = {"mining": "o", "refining": "s"}
LIGHT = {"mining": GREYS[2], "refining": CHINA_SHADES[1]}
FIRST, LAST = 2006, 2042


def plotted(data: dict, config: dict):
    outlook, paper = data["iea_outlook"], data["horizon"]
    paper = paper[paper["year"] == 2009]
    parts = []
    for quantity in ("china_share", "top3_share"):
        shown = outlook[outlook[quantity].notna()]
        parts.append(
            take(
                shown,
                "iea_outlook",
                quantity,
                series="IEA " + shown["mineral"] + ", " + shown["stage"],
                measure=shown["stage"],
                country_code="CHN" if quantity == "china_share" else "",
                unit=SHARE,
                flag=shown["kind"],
                commodity=shown["commodity"],
            )
        )
    shown = paper[paper["china_share"].notna()]
    parts.append(
        take(
            shown,
            "horizon",
            "china_share",
            series=shown["publisher"] + ", " + shown["stage"],
            measure=shown["stage"],
            country_code="CHN",
            unit=SHARE,
            flag=shown["china_share_bound"],
        )
    )
    return parts


def _panel(ax, mineral, outlook, paper, t):
    d = outlook[outlook["mineral"] == mineral]
    ax.axvspan(2027, LAST, color=PALE, zorder=0)
    for stage in ("mining", "refining"):
        s = d[d["stage"] == stage].sort_values("year")
        for column, colour, width in (
            ("china_share", COLOURS[stage], 1.8),
            ("top3_share", LIGHT[stage], 1.0),
        ):
            known = s[s[column].notna()]
            data = known[known["kind"] == "data"]
            ahead = known[known["kind"] == "projection"]
            joined = known[known["year"].isin([data["year"].max(), *ahead["year"]])]
            ax.plot(joined["year"], joined[column], color=colour, lw=width, ls="--")
            ax.plot(data["year"], data[column], color=colour, marker=MARKERS[stage], ls="", ms=6)
            ax.plot(
                ahead["year"],
                ahead[column],
                color=colour,
                marker=MARKERS[stage],
                ls="",
                ms=5,
                mfc="white",
            )
        if s["china_share"].isna().all() and len(s):
            ax.text(
                0.4,
                0.04,
                t["fig17_china_unnamed"],
                transform=ax.transAxes,
                fontsize=7,
                color=NOTE,
            )
    commodity = d["commodity"].iloc[0]
    then = paper[(paper["commodity"] == commodity) & (paper["year"] == 2009)]
    for r in then.to_dict("records"):
        if r["china_share"] == r["china_share"]:
            ax.plot(
                [2009],
                [r["china_share"]],
                marker="D",
                ms=6,
                ls="",
                color=COLOURS[r["stage"]],
                mfc=PAPER if r["stage"] == "mining" else "white",
            )
    unlike = paper[(paper["commodity"] == commodity) & paper["like_2009"].str.startswith("no:")]
    if len(unlike):
        ax.text(0.03, 0.04, t["fig17_unlike"], transform=ax.transAxes, fontsize=6.5, color=NOTE)
    ax.set_title(t["fig17_minerals"][mineral], fontsize=10)
    ax.set_xlim(FIRST, LAST)
    ax.set_ylim(0, 1.02)
    ax.set_xticks([2009, 2024, 2030, 2035, 2040])
    ax.tick_params(axis="x", labelsize=7)
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.grid(axis="y", color=GRID, lw=0.6)


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    outlook, paper = data["iea_outlook"], data["horizon"]
    with style(language.font):
        fig, axes = plt.subplots(2, 3, figsize=(11, 7.4), sharey=True)
        for row, minerals in zip(axes, ROWS):
            for ax, mineral in zip(row, minerals):
                _panel(ax, mineral, outlook, paper, t)
        axes[1][0].annotate(
            t["fig17_not_twelve"],
            (0, 1.18),
            xycoords="axes fraction",
            fontsize=8,
            color=NOTE,
        )
        handles = [
            Line2D(
                [], [], color=COLOURS["mining"], marker="o", lw=1.8, label=t["fig17_china_mining"]
            ),
            Line2D(
                [],
                [],
                color=COLOURS["refining"],
                marker="s",
                lw=1.8,
                label=t["fig17_china_refining"],
            ),
            Line2D([], [], color=LIGHT["mining"], lw=1.0, label=t["fig17_top3_mining"]),
            Line2D([], [], color=LIGHT["refining"], lw=1.0, label=t["fig17_top3_refining"]),
            Line2D(
                [], [], color=GREYS[0], marker="D", mfc=PAPER, ls="", label=t["fig17_paper_mining"]
            ),
            Line2D(
                [], [], color=CHINA, marker="D", mfc="white", ls="", label=t["fig17_paper_refining"]
            ),
            Patch(facecolor=PALE, label=t["fig17_projection"]),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            bbox_to_anchor=(0.5, 0.075),
            ncol=4,
            fontsize=7.5,
            frameon=False,
        )
        fig.supylabel(t["fig17_axis"], x=0.005)
        fig.suptitle(t["fig17"])
        fig.subplots_adjust(left=0.09, right=0.99, top=0.9, bottom=0.2, hspace=0.45, wspace=0.1)
    return fig
