"""Figure 12: the way there, year by year. China's share and the HHI of production from
BGS World Mineral Statistics, from the first year a metal's series holds one basis to
2023, with the USGS best series (2020 on) and the paper's 2009 over them, and the 2010
quota cut and the 2015 end of the quotas marked."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.plotted import HHI, SHARE, take
from raremetals.render.figures.style import CHINA, GREYS, LATEST, PAPER, style
from raremetals.stats.selections import quota_events

USGS = LATEST  # another publisher's points: today's series, square


def _panel(ax, bgs, usgs, paper, column, events, first: bool, t):
    ax.plot(bgs["year"], bgs[column], color=CHINA if column == "china_share" else GREYS[1], lw=1.4)
    if column == "hhi_lower":
        wide = bgs["hhi_upper"] > bgs["hhi_lower"] + 0.5
        # a year with countries without a figure has an HHI range, not a number
        ax.vlines(
            bgs.loc[wide, "year"],
            bgs.loc[wide, "hhi_lower"],
            bgs.loc[wide, "hhi_upper"],
            color=GREYS[2],
            lw=1.6,
            alpha=0.7,
        )
    ax.plot(usgs["year"], usgs[column], ls="none", marker="s", ms=3.5, color=USGS)
    if paper is not None and paper == paper:
        ax.plot([2009], [paper], ls="none", marker="o", ms=5.5, mfc="white", color=PAPER)
    for key, year in events.items():
        ax.axvline(year, color="#999", lw=0.8, ls="--")
        if first:
            # at the foot of the panel, below the first metal's line (rare earths, high)
            ax.text(
                year + 0.6,
                0.03,
                t[f"bgs_{key}"].format(year=year),
                transform=ax.get_xaxis_transform(),
                fontsize=6.5,
                color="#555",
                va="bottom",
                rotation=90,
            )
    ax.grid(axis="y", color="#eee", lw=0.6)


UNITS = {"china_share": SHARE, "hhi_lower": HHI, "hhi_upper": HHI}


def plotted(data: dict, config: dict):
    run, series = data["bgs_long_run"], data["concentration_series"]
    production = series[series["measure"] == "production"]
    usgs = production[
        (production["dataset"] == "usgs") & production["commodity"].isin(set(run["commodity"]))
    ]
    paper = production[
        (production["dataset"] == "paper_table3")
        & production["commodity"].isin(set(run["commodity"]))
        & (production["year"] == 2009)
    ]
    wide = run[run["hhi_upper"] > run["hhi_lower"] + 0.5]
    parts = []
    for column, unit in UNITS.items():
        for name, rows, label in (
            ("bgs_long_run", wide if column == "hhi_upper" else run, "BGS"),
            ("concentration_series", usgs, "USGS"),
            ("concentration_series", paper, "the paper's Table 3"),
        ):
            if column == "hhi_upper" and name != "bgs_long_run":
                continue
            rows = rows[rows[column].notna()]
            parts.append(take(rows, name, column, series=label, measure="production", unit=unit))
    return parts


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    run, series = data["bgs_long_run"], data["concentration_series"]
    names = commodity_names(data["commodities"], language.code)
    events = quota_events(data["china_ree_export_quotas"], data["china_export_controls"])
    plan = data["long_run_series"]
    # in the plan's order; a metal without a series has no rows (named below the panels)
    metals = [c for c in plan["commodity"] if c in set(run["commodity"])]
    usgs_all = series[(series["measure"] == "production") & (series["dataset"] == "usgs")]
    paper_all = series[(series["measure"] == "production") & (series["dataset"] == "paper_table3")]
    with style(language.font):
        fig, axes = plt.subplots(2, len(metals), figsize=(11, 6.4), sharex=True, sharey="row")
        for i, metal in enumerate(metals):
            bgs = run[run["commodity"] == metal]
            usgs = usgs_all[usgs_all["commodity"] == metal]
            paper = paper_all[paper_all["commodity"] == metal].set_index("year")
            for row, column in enumerate(("china_share", "hhi_lower")):
                _panel(
                    axes[row, i],
                    bgs,
                    usgs,
                    paper[column].get(2009) if len(paper) else None,
                    column,
                    events,
                    first=(row, i) == (0, 0),
                    t=t,
                )
            axes[0, i].set_title(
                names[metal] + t["bgs_from"].format(year=int(bgs["year"].min())),
                fontsize=9.5,
            )
        axes[0, 0].set_ylim(0, 1.02)
        axes[0, 0].yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes[1, 0].set_ylim(0, 10_000)
        axes[1, 0].yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        axes[0, 0].set_ylabel(t["china_prod"])
        axes[1, 0].set_ylabel(t["hhi_short"])
        axes[1, 0].set_xlim(1970, 2026)
        handles = [
            Line2D([], [], color=CHINA, lw=1.4, label=t["bgs_line"]),
            Line2D([], [], color=GREYS[2], lw=2.2, label=t["bgs_hhi_range"]),
            Line2D([], [], ls="none", marker="s", ms=3.5, color=USGS, label=t["usgs_points"]),
            Line2D(
                [],
                [],
                ls="none",
                marker="o",
                ms=5.5,
                mfc="white",
                color=PAPER,
                label=t["paper_2009"],
            ),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=4,
            frameon=False,
            fontsize=8,
            bbox_to_anchor=(0.5, 0.035),
        )
        left_out = [names[c] for c in plan.loc[plan["series"] == "", "commodity"]]
        fig.suptitle(t["fig12"].format(last=int(run["year"].max())))
        if left_out:
            fig.text(
                0.01,
                0.005,
                t["bgs_no_series"].format(names=", ".join(left_out)),
                fontsize=7,
                color="#666",
            )
        fig.subplots_adjust(left=0.08, right=0.99, top=0.88, bottom=0.16, hspace=0.12, wspace=0.1)
    return fig
