"""Figure 10: the HHI range of production of the paper's twelve metals, 2009 and every
year of the USGS best series, against the DOJ/FTC bands, one panel per metal."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.plotted import HHI, take
from raremetals.render.figures.style import (
    BANDS,
    LATEST,
    PAPER,
    axis_break,
    columns,
    runs,
    style,
    wrap,
)
from raremetals.stats.measures import DOJ_FTC_2010
from raremetals.stats.selections import paper_metal_series, paper_metals


def plotted(data: dict, config: dict):
    d = paper_metal_series(data["concentration_series"], data["commodities"], "hhi_lower")
    return [
        take(
            d,
            "concentration_series",
            f"hhi_{b}",
            series=d["dataset"] + " " + d["edition"],
            unit=HHI,
            flag=f"{b} bound",
        )
        for b in ("lower", "upper")
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    series, commodities = data["concentration_series"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    d = series[(series["measure"] == "production") & series["hhi_lower"].notna()]
    usgs_years = sorted(d.loc[d["dataset"] == "usgs", "year"].unique())
    slots = {2009: 0, **{y: i + 2 for i, y in enumerate(usgs_years)}}
    g = DOJ_FTC_2010
    with style(language.font):
        fig, axes = plt.subplots(3, 4, figsize=(11, 7.5), sharex=True, sharey=True)
        for ax, metal in zip(axes.flat, paper_metals(commodities)):
            for (lo, hi), color in zip(
                ((0, g["moderate"]), (g["moderate"], g["high"]), (g["high"], 10_000)), BANDS
            ):
                ax.axhspan(lo, hi, color=color, zorder=0)
            m = d[d["commodity"] == metal].sort_values("year")
            # 2009 (the paper's Table 3) in grey, the USGS years in red, as in Figure 9
            colours = [PAPER if ds != "usgs" else LATEST for ds in m["dataset"]]
            x = [slots[y] for y in m["year"]]
            ax.vlines(x, m["hhi_lower"], m["hhi_upper"], colors=colours, lw=3, gid=f"{metal}:range")
            ax.scatter(x, m["hhi_lower"], marker="_", s=64, c=colours)
            usgs = m[m["dataset"] == "usgs"]
            # a line joins only years that follow each other
            ax.plot(
                *runs([slots[y] for y in usgs["year"]], list(usgs["hhi_lower"])),
                color=LATEST,
                lw=0.8,
            )
            absent = [str(y) for y in slots if y not in set(m["year"])]
            if absent:
                ax.text(
                    0.02,
                    0.97,
                    t["no_hhi"].format(years=", ".join(absent)),
                    transform=ax.transAxes,
                    va="top",
                    fontsize=6.5,
                    color="#666",
                )
            ax.set_title(names[metal], fontsize=10)
            ax.set_ylim(0, 10_000)
        ax.set_xticks(list(slots.values()), [str(y) for y in slots])
        for ax in axes[-1]:
            ax.tick_params(axis="x", labelrotation=90, labelsize=8)
        for ax in axes.flat:
            axis_break(ax, 1)
        axes[0][0].yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        fig.legend(
            handles=[
                Patch(color=PAPER, label=t["fig2_2009"]),
                Patch(color=LATEST, label="USGS"),
                *(
                    Patch(color=c, label=t[k])
                    for c, k in zip(BANDS, ("unconc_short", "moderate_short", "high_short"))
                ),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.955),
            ncol=5,
            fontsize=8,
            frameon=False,
        )
        fig.supylabel(t["hhi"])
        fig.suptitle(t["fig10"].format(latest=max(usgs_years)))
        fig.text(0.01, 0.005, wrap(t["hhi_range_note"], columns(fig, 7)), fontsize=7, color="#666")
        # a fixed layout: tight_layout redraws twelve panels (a third of the drawing time)
        fig.subplots_adjust(left=0.1, right=0.99, top=0.87, bottom=0.12, hspace=0.32, wspace=0.08)
    return fig
