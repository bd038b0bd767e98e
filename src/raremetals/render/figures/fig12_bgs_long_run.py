"""Figure 12: the way there, year by year. China's share and the HHI of production from
BGS World Mineral Statistics, from the first year a metal's series holds one basis to
2023, with the USGS best series (2020 on) and the paper's 2009 over them where the two
publishers weigh alike, and the 2010 quota cut and the 2015 end of the quotas marked.

A range is drawn as a range and a bound as a bound (``picks.long_run_view``): the
HHI's two ends as two lines, which meet where it is a number; a year whose total is open
(a country without a figure and no rule to bound it) as a hatched bar up to 10,000 and
China's share there as "at most", the lines broken around it; a year bounded by the gap
rule as its narrower range. No line joins two segments of a run (a break in series).
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import comparable_points, long_run_view, quota_events
from raremetals.render.figures.plotted import HHI, SHARE, take
from raremetals.render.figures.style import (
    CHINA,
    FAINT,
    GREYS,
    GRID,
    LATEST,
    NOTE,
    NOTE_LIGHT,
    PAPER,
    REFERENCE,
    THIRD,
    THIRD_MARK,
    style,
)
from raremetals.stats.third_publisher import compares

USGS = LATEST  # another publisher's points: today's series, square
OPEN = dict(facecolor="white", edgecolor=GREYS[2], lw=0, hatch="////")


def _lines(ax, view, low: str, high: str, color):
    """The two ends of each segment, broken at open years: one line where they meet."""
    for _, seg in view.groupby("segment"):
        drawn = seg[seg["kind"] != "open"]
        run = (drawn["year"].diff() != 1).cumsum()  # consecutive years only
        for _, part in drawn.groupby(run):
            ax.plot(part["year"], part[high], color=color, lw=1.3)
            if (part[low] != part[high]).any():
                ax.plot(part["year"], part[low], color=color, lw=1.3)
                ax.fill_between(part["year"], part[low], part[high], color=color, alpha=0.25)
    rule = view[view["kind"] == "rule"]
    ax.vlines(rule["year"], rule[low], rule[high], color=color, lw=2.4, alpha=0.6)


def _share_panel(ax, view):
    v = view.rename(columns={"china_kind": "kind"})
    _lines(ax, v, "china_low", "china_high", CHINA)
    at_most = v[v["kind"] == "at most"]
    ax.plot(
        at_most["year"],
        at_most["china_high"],
        ls="none",
        marker="v",
        ms=4.5,
        mfc="white",
        color=CHINA,
    )


def _hhi_panel(ax, view):
    v = view.rename(columns={"hhi_kind": "kind"})
    _lines(ax, v, "hhi_low", "hhi_high", GREYS[0])
    opened = v[v["kind"] == "open"]
    for year, low in zip(opened["year"], opened["hhi_low"]):
        ax.bar(year, 10_000 - low, bottom=low, width=0.8, **OPEN)


def _publisher(ax, points, column: str, marker: str, face: str):
    """Another publisher's points: a value as a mark, an HHI range as a bar with ends."""
    color = PAPER if face == "white" else USGS
    size = 5.5 if face == "white" else 3.5
    wide = points[(points["hhi_upper"] - points["hhi_lower"]) > 0.5]
    if column == "hhi_lower" and len(wide):
        ax.vlines(wide["year"], wide["hhi_lower"], wide["hhi_upper"], color=color, lw=1.2)
        for end in ("hhi_lower", "hhi_upper"):
            ax.plot(wide["year"], wide[end], ls="none", marker="_", ms=6, color=color)
        points = points.drop(wide.index)
    ax.plot(
        points["year"], points[column], ls="none", marker=marker, ms=size, mfc=face, color=color
    )


def _breaks(ax, view):
    starts = sorted(set(view["segment"]))[1:]
    for year in starts:
        ax.axvline(year - 0.5, color=FAINT, lw=0.8, ls=":")


def _events(ax, events, first: bool, t):
    for key, year in events.items():
        ax.axvline(year, color=REFERENCE, lw=0.8, ls="--")
        if first:
            # at the foot of the panel, below the first metal's line (rare earths, high)
            ax.text(
                year + 0.6,
                0.03,
                t[f"bgs_{key}"].format(year=year),
                transform=ax.get_xaxis_transform(),
                fontsize=6.5,
                color=NOTE,
                va="bottom",
                rotation=90,
            )


UNITS = {"china_share": SHARE, "hhi_lower": HHI, "hhi_upper": HHI}
RULE = {
    "hhi_lower_gap_rule": HHI,
    "hhi_upper_gap_rule": HHI,
    "china_share_min_gap_rule": SHARE,
}


def _third(data: dict) -> tuple[pd.DataFrame, list[str]]:
    """World Mining Data's years that may stand beside BGS's series (by the rule that
    sets it beside the USGS's, against the series' basis), and the metals left out."""
    run, wmd = data["bgs_long_run"], data["wmd_series"]
    bases = run.groupby("commodity")["basis"].first().to_dict()
    wmd = wmd[wmd["commodity"].isin(set(bases)) & (wmd["year"] >= 2009)]
    like = pd.Series(
        [
            compares(u, c, bases[m]) != ""
            for u, c, m in zip(wmd["usgs_basis"], wmd["content_of"], wmd["commodity"])
        ],
        index=wmd.index,
        dtype=bool,
    )
    return wmd[like], sorted(set(wmd.loc[~like, "commodity"]))


def _points(data: dict):
    run, series = data["bgs_long_run"], data["concentration_series"]
    production = series[
        (series["measure"] == "production") & series["commodity"].isin(set(run["commodity"]))
    ]
    shown, left_out = comparable_points(production, data["usgs_bgs_comparison"])
    usgs = shown[shown["dataset"] == "usgs"]
    paper = shown[(shown["dataset"] == "paper_table3") & (shown["year"] == 2009)]
    return usgs, paper, left_out


def plotted(data: dict, config: dict):
    run = data["bgs_long_run"]
    usgs, paper, _ = _points(data)
    view = long_run_view(run).set_index(run.index)
    parts = []
    for column, unit in UNITS.items():
        flag = view["china_kind" if column == "china_share" else "hhi_kind"]
        shown = run[run[column].notna()]
        if column == "hhi_upper":
            shown = shown[view.loc[shown.index, "hhi_kind"] != "point"]
        parts.append(
            take(
                shown,
                "bgs_long_run",
                column,
                series="BGS",
                measure="production",
                unit=unit,
                flag=flag.loc[shown.index],
            )
        )
        if column != "hhi_upper":
            for rows, label in ((usgs, "USGS"), (paper, "the paper's Table 3")):
                rows = rows[rows[column].notna()]
                parts.append(
                    take(
                        rows,
                        "concentration_series",
                        column,
                        series=label,
                        measure="production",
                        unit=unit,
                    )
                )
    third, _ = _third(data)
    for column, unit in (("china_share", SHARE), ("hhi", HHI)):
        rows = third[third[column].notna()]
        parts.append(
            take(
                rows,
                "wmd_series",
                column,
                series="World Mining Data",
                measure="production",
                unit=unit,
            )
        )
    for column, unit in RULE.items():
        rows = run[run[column].notna()]
        parts.append(
            take(
                rows,
                "bgs_long_run",
                column,
                series="BGS, gap rule",
                measure="production",
                unit=unit,
                flag="rule",
            )
        )
    return parts


def _legend(fig, t):
    handles = [
        Line2D([], [], color=CHINA, lw=1.3, label=t["bgs_line"]),
        Patch(facecolor=GREYS[0], alpha=0.25, edgecolor=GREYS[0], label=t["bgs_hhi_band"]),
        Patch(**OPEN, label=t["bgs_hhi_open"]),
        Line2D([], [], color=GREYS[0], lw=2.4, alpha=0.6, label=t["bgs_gap_rule"]),
        Line2D(
            [], [], ls="none", marker="v", ms=4.5, mfc="white", color=CHINA, label=t["bgs_at_most"]
        ),
        Line2D([], [], color=FAINT, lw=0.8, ls=":", label=t["bgs_break"]),
        Line2D([], [], ls="none", marker="s", ms=3.5, color=USGS, label=t["usgs_points"]),
        Line2D(
            [], [], ls="none", marker="o", ms=5.5, mfc="white", color=PAPER, label=t["paper_2009"]
        ),
        Line2D([], [], color=THIRD, label=t["wmd_points"], **(THIRD_MARK | {"ls": "none"})),
    ]
    fig.legend(
        handles=handles,
        loc="lower center",
        ncol=4,
        frameon=False,
        fontsize=7.5,
        bbox_to_anchor=(0.5, 0.045),
    )


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    run = data["bgs_long_run"]
    names = commodity_names(data["commodities"], language.code)
    events = quota_events(data["china_ree_export_quotas"], data["china_export_controls"])
    plan = data["long_run_series"]
    # in the plan's order; a metal without a series has no rows (named below the panels)
    metals = [c for c in plan["commodity"] if c in set(run["commodity"])]
    usgs_all, paper_all, left_out = _points(data)
    third_all, third_out = _third(data)
    view_all = long_run_view(run)
    with style(language.font):
        fig, axes = plt.subplots(2, len(metals), figsize=(12, 7), sharex=True, sharey="row")
        for i, metal in enumerate(metals):
            view = view_all[view_all["commodity"] == metal]
            usgs = usgs_all[usgs_all["commodity"] == metal]
            paper = paper_all[paper_all["commodity"] == metal]
            _share_panel(axes[0, i], view)
            _hhi_panel(axes[1, i], view)
            for row, column in enumerate(("china_share", "hhi_lower")):
                ax = axes[row, i]
                for points, marker, face in ((usgs, "s", USGS), (paper, "o", "white")):
                    _publisher(ax, points, column, marker, face)
                third = third_all[third_all["commodity"] == metal]
                ax.plot(
                    third["year"],
                    third["china_share" if row == 0 else "hhi"],
                    color=THIRD,
                    **(THIRD_MARK | {"ls": "none"}),
                )
                _breaks(ax, view)
                _events(ax, events, first=(row, i) == (0, 0), t=t)
                ax.grid(axis="y", color=GRID, lw=0.6)
            title = names[metal] + t["bgs_from"].format(year=int(view["year"].min()))
            axes[0, i].set_title(title, fontsize=9)
        axes[0, 0].set_ylim(0, 1.02)
        axes[0, 0].yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes[1, 0].set_ylim(0, 10_000)
        axes[1, 0].yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        axes[0, 0].set_ylabel(t["china_prod"])
        axes[1, 0].set_ylabel(t["hhi_short"])
        axes[1, 0].set_xlim(1970, 2026)
        _legend(fig, t)
        notes = []
        no_series = [names[c] for c in plan.loc[plan["series"] == "", "commodity"]]
        if no_series:
            notes.append(t["bgs_no_series"].format(names=", ".join(no_series)))
        if left_out:
            notes.append(t["bgs_usgs_left_out"].format(names=", ".join(names[c] for c in left_out)))
        if third_out:
            notes.append(t["bgs_wmd_left_out"].format(names=", ".join(names[c] for c in third_out)))
        fig.suptitle(t["fig12"].format(last=int(run["year"].max())))
        fig.text(0.01, 0.005, "  ".join(notes), fontsize=7, color=NOTE_LIGHT)
        fig.subplots_adjust(left=0.07, right=0.99, top=0.89, bottom=0.19, hspace=0.12, wspace=0.1)
    return fig
