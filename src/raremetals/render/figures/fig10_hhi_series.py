"""Figure 10: the HHI range of production of the paper's twelve metals, 2009 and every
year of the USGS best series, with World Mining Data's 2009-2015 where it may stand beside
them, against the DOJ/FTC bands, one panel per metal."""

from __future__ import annotations

from typing import Any

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metal_series, paper_metals, wmd_points
from raremetals.render.figures.plotted import HHI, take
from raremetals.render.figures.style import (
    BANDS,
    BREAK,
    LATEST,
    NOTE_LIGHT,
    PAPER,
    THIRD,
    THIRD_MARK,
    axis_break,
    columns,
    runs,
    series_slots,
    style,
    wrap,
)
from raremetals.stats.measures import DOJ_FTC_2010

RANGE_MARK: dict[str, Any] = {"marker": "_", "markersize": 8, "markeredgewidth": 2}


def plotted(data: dict, config: dict):
    d = paper_metal_series(data["concentration_series"], data["commodities"], "hhi_lower")
    w, _ = wmd_points(data["wmd_series"], data["commodities"], "hhi")
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
    ] + [
        take(
            w,
            "wmd_series",
            "hhi",
            series="wmd vol. " + w["volume"].astype(str),
            measure="production",
            unit=HHI,
        )
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    series, commodities = data["concentration_series"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    d = series[(series["measure"] == "production") & series["hhi_lower"].notna()]
    usgs_years = sorted(d.loc[d["dataset"] == "usgs", "year"].unique())
    slots = series_slots(usgs_years)
    wmd, apart = wmd_points(data["wmd_series"], commodities, "hhi")
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
            third = wmd[wmd["commodity"] == metal]
            ax.plot(
                *runs([slots[y] for y in third["year"]], list(third["hhi"])),
                color=THIRD,
                gid=f"{metal}:wmd",
                **THIRD_MARK,
            )
            absent = [str(y) for y in (2009, *usgs_years) if y not in set(m["year"])]
            notes = [t["no_hhi"].format(years=", ".join(absent))] if absent else []
            if metal in apart:
                notes.append(t["wmd_not_drawn"].format(formula=apart[metal].split()[0]))
            if notes:
                ax.text(
                    0.02,
                    0.97,
                    "\n".join(notes),
                    transform=ax.transAxes,
                    va="top",
                    fontsize=6.5,
                    color=NOTE_LIGHT,
                )
            ax.set_title(names[metal], fontsize=10)
            ax.set_ylim(0, 10_000)
        ax.set_xticks(list(slots.values()), [str(y) for y in slots])
        for ax in axes[-1]:
            ax.tick_params(axis="x", labelrotation=90, labelsize=7)
        for ax in axes.flat:
            axis_break(ax, BREAK)
        axes[0][0].yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        fig.legend(
            handles=[
                # as drawn: a range's bar, the tick at its lower end, the line joining them
                Line2D([], [], color=PAPER, label=t["fig2_2009"], **RANGE_MARK, lw=0),
                Line2D([], [], color=LATEST, label="USGS", **RANGE_MARK, lw=0.8),
                Line2D([], [], color=THIRD, label=t["wmd_points"], **THIRD_MARK),
                *(
                    Patch(color=c, label=t[k])
                    for c, k in zip(BANDS, ("unconc_short", "moderate_short", "high_short"))
                ),
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.955),
            ncol=6,
            fontsize=8,
            frameon=False,
        )
        fig.supylabel(t["hhi"])
        fig.suptitle(t["fig10"].format(latest=max(usgs_years)))
        fig.text(
            0.01, 0.005, wrap(t["hhi_range_note"], columns(fig, 7)), fontsize=7, color=NOTE_LIGHT
        )
        # a fixed layout: tight_layout redraws twelve panels (a third of the drawing time)
        fig.subplots_adjust(left=0.1, right=0.99, top=0.87, bottom=0.13, hspace=0.32, wspace=0.08)
    return fig
