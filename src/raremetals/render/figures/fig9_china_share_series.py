"""Figure 9: China's share of world production of the paper's twelve metals, 2009 and
every year of the USGS best series (2020-2025), with World Mining Data's 2009-2015 where
it may stand beside them, one panel per metal."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metal_series, paper_metals, wmd_points
from raremetals.render.figures.plotted import SHARE, take
from raremetals.render.figures.style import (
    BREAK,
    CHINA,
    GRID,
    NOTE_LIGHT,
    THIRD_MARK,
    axis_break,
    columns,
    runs,
    series_slots,
    style,
    wrap,
)


def plotted(data: dict, config: dict):
    d = paper_metal_series(data["concentration_series"], data["commodities"], "china_share")
    w, _ = wmd_points(data["wmd_series"], data["commodities"], "china_share")
    return [
        take(
            d,
            "concentration_series",
            "china_share",
            series=d["dataset"] + " " + d["edition"],
            country_code="CHN",
            unit=SHARE,
        ),
        take(
            w,
            "wmd_series",
            "china_share",
            series="wmd vol. " + w["volume"].astype(str),
            measure="production",
            country_code="CHN",
            unit=SHARE,
        ),
    ]


def wmd_note(basis: str, t: dict) -> str:
    return t["wmd_not_drawn"].format(formula=basis.split()[0])


def draw(data: dict, config: dict, language: Language) -> Figure:
    series, commodities = data["concentration_series"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    d = series[series["measure"] == "production"]
    metals = paper_metals(commodities)
    wmd, apart = wmd_points(data["wmd_series"], commodities, "china_share")
    usgs_years = sorted(d.loc[d["dataset"] == "usgs", "year"].unique())
    # the axis breaks where no data are drawn (2016-2019)
    at = series_slots(usgs_years)
    with style(language.font):
        fig, axes = plt.subplots(3, 4, figsize=(11, 7.5), sharex=True, sharey=True)
        for ax, metal in zip(axes.flat, metals):
            m = d[d["commodity"] == metal].set_index("year")["china_share"]
            paper = m.get(2009)
            usgs = [(at[y], m[y]) for y in usgs_years if y in m.index and m[y] == m[y]]
            if usgs:
                # a line joins only years that follow each other (cobalt: none for 2022-23)
                ax.plot(
                    *runs(*zip(*usgs)), color=CHINA, marker="o", ms=3.5, lw=1.5, gid=f"{metal}:usgs"
                )
            third = wmd[wmd["commodity"] == metal]
            if len(third):
                ax.plot(
                    *runs([at[y] for y in third["year"]], list(third["china_share"])),
                    color=CHINA,
                    **THIRD_MARK,
                    gid=f"{metal}:wmd",
                )
            if paper is not None and paper == paper:
                ax.plot(
                    [0], [paper], marker="o", ms=5, color=CHINA, mfc="white", gid=f"{metal}:2009"
                )
            # a year without the metal (2020: not in the part of MCS 2022 obtained) is not
            # a year whose table lists no figure for China (2009: Table 3 lists three)
            own = [2009, *usgs_years]
            absent = [str(y) for y in own if y not in m.index]
            unlisted = [str(y) for y in own if y in m.index and m[y] != m[y]]
            gaps = [
                t[key].format(years=", ".join(years))
                for key, years in (("no_data", absent), ("no_china_figure", unlisted))
                if years
            ]
            if metal in apart:
                gaps.append(wmd_note(apart[metal], t))
            if gaps:
                ax.text(
                    0.02,
                    0.97,
                    "\n".join(gaps),
                    transform=ax.transAxes,
                    va="top",
                    fontsize=6.5,
                    color=NOTE_LIGHT,
                )
            ax.set_title(names[metal], fontsize=10)
            ax.set_ylim(0, 1.02)
            ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
            ax.grid(axis="y", color=GRID, lw=0.6)
        ax.set_xticks(list(at.values()), [str(y) for y in at])
        for ax in axes[-1]:
            ax.tick_params(axis="x", labelrotation=90, labelsize=7)
        for ax in axes.flat:
            axis_break(ax, BREAK)
        fig.legend(
            handles=[
                Line2D(
                    [],
                    [],
                    ls="none",
                    marker="o",
                    ms=5,
                    mfc="white",
                    color=CHINA,
                    label=t["paper_2009"],
                ),
                Line2D([], [], marker="o", ms=3.5, lw=1.5, color=CHINA, label=t["usgs_points"]),
                Line2D([], [], color=CHINA, label=t["wmd_points"], **THIRD_MARK),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.955),
            ncol=3,
            fontsize=8,
            frameon=False,
        )
        fig.supylabel(t["china_prod"])
        fig.suptitle(t["fig9"].format(latest=max(usgs_years)))
        fig.text(0.01, 0.005, wrap(t["series_note"], columns(fig, 7)), fontsize=7, color=NOTE_LIGHT)
        # a fixed layout: tight_layout redraws twelve panels (a third of the drawing time)
        fig.subplots_adjust(left=0.09, right=0.99, top=0.87, bottom=0.13, hspace=0.32, wspace=0.12)
    return fig
