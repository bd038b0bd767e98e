"""Figure 9: China's share of world production of the paper's twelve metals, 2009 and
every year of the USGS best series (2020-2025), one panel per metal."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.plotted import SHARE, take
from raremetals.render.figures.style import CHINA, axis_break, columns, runs, style, wrap
from raremetals.stats.selections import paper_metal_series, paper_metals


def plotted(data: dict, config: dict):
    d = paper_metal_series(data["concentration_series"], data["commodities"], "china_share")
    return [
        take(
            d,
            "concentration_series",
            "china_share",
            series=d["dataset"] + " " + d["edition"],
            country_code="CHN",
            unit=SHARE,
        )
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    series, commodities = data["concentration_series"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    d = series[series["measure"] == "production"]
    metals = paper_metals(commodities)
    usgs_years = sorted(d.loc[d["dataset"] == "usgs", "year"].unique())
    # 2009 stands apart: the axis breaks where no data are drawn (2010-2019)
    slots = {2009: 0, **{y: i + 2 for i, y in enumerate(usgs_years)}}
    with style(language.font):
        fig, axes = plt.subplots(3, 4, figsize=(11, 7.5), sharex=True, sharey=True)
        for ax, metal in zip(axes.flat, metals):
            m = d[d["commodity"] == metal].set_index("year")["china_share"]
            paper = m.get(2009)
            usgs = [(slots[y], m[y]) for y in usgs_years if y in m.index and m[y] == m[y]]
            if usgs:
                # a line joins only years that follow each other (cobalt: none for 2022-23)
                ax.plot(
                    *runs(*zip(*usgs)), color=CHINA, marker="o", ms=3.5, lw=1.5, gid=f"{metal}:usgs"
                )
            if paper is not None and paper == paper:
                ax.plot(
                    [0], [paper], marker="o", ms=5, color=CHINA, mfc="white", gid=f"{metal}:2009"
                )
            # a year without the metal (2020: not in the part of MCS 2022 obtained) is not
            # a year whose table lists no figure for China (2009: Table 3 lists three)
            absent = [str(y) for y in slots if y not in m.index]
            unlisted = [str(y) for y in slots if y in m.index and m[y] != m[y]]
            gaps = [
                t[key].format(years=", ".join(years))
                for key, years in (("no_data", absent), ("no_china_figure", unlisted))
                if years
            ]
            if gaps:
                ax.text(
                    0.02,
                    0.97,
                    "\n".join(gaps),
                    transform=ax.transAxes,
                    va="top",
                    fontsize=6.5,
                    color="#666",
                )
            ax.set_title(names[metal], fontsize=10)
            ax.set_ylim(0, 1.02)
            ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
            ax.grid(axis="y", color="#eee", lw=0.6)
        ax.set_xticks(list(slots.values()), [str(y) for y in slots])
        for ax in axes[-1]:
            ax.tick_params(axis="x", labelrotation=90, labelsize=8)
        for ax in axes.flat:
            axis_break(ax, 1)
        fig.supylabel(t["china_prod"])
        fig.suptitle(t["fig9"].format(latest=max(usgs_years)))
        fig.text(0.01, 0.005, wrap(t["series_note"], columns(fig, 7)), fontsize=7, color="#666")
        # a fixed layout: tight_layout redraws twelve panels (a third of the drawing time)
        fig.subplots_adjust(left=0.09, right=0.99, top=0.9, bottom=0.12, hspace=0.32, wspace=0.12)
    return fig
