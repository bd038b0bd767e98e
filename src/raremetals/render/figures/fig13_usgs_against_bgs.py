"""Figure 13: USGS against BGS, side by side. For every metal and year both publishers
cover, the ratio of their world totals (top) and the difference of China's shares in
points (bottom), each point marked by its agreement class; where the two weigh different
things (manganese: USGS in manganese content, BGS ore in gross weight) nothing is
compared, neither the totals nor China's shares, and both panels say why."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import take, worked_out
from raremetals.render.figures.style import (
    GREYS,
    GRID,
    NOTE,
    PALE,
    REFERENCE,
    REST,
    axis_break,
    style,
)

# agreement class -> marker (one mark a class, drawn in one colour)
MARKS = {"agree": "o", "close": "s", "differ": "X"}
UNLIKE = "bases differ"  # drawn as a note, never as a mark
RATIO, POINTS = (0.5, 1.5), (-20, 20)


def _mark(ax, x, y, limits, mark, hollow, fmt):
    """A point, or, beyond the axis, a point on its edge with its value beside it."""
    shown = min(max(y, limits[0]), limits[1])
    ax.plot([x], [shown], marker=mark, color=GREYS[0], ms=6, mfc="white" if hollow else GREYS[0])
    if shown != y:
        ax.annotate(
            fmt.format(y),
            (x, shown),
            xytext=(6, 3),
            textcoords="offset points",
            fontsize=7,
            color=NOTE,
        )


def plotted(data: dict, config: dict):
    """The ratio of the totals (not where the bases differ) and the difference of China's
    shares, each row's agreement class as its flag."""
    d = data["usgs_bgs_comparison"]
    d = d[d["commodity"].isin(paper_metals(data["commodities"]))]
    d = d[d["agreement"] != UNLIKE]
    ratio = d[d["total_ratio"].notna()]
    both = d[d["usgs_china_share"].notna() & d["bgs_china_share"].notna()]
    points = [
        {
            "measure": "production",
            "series": "China's share, USGS less BGS",
            "commodity": r["commodity"],
            "country_code": "CHN",
            "year": r["year"],
            "quantity": "100 x (usgs_china_share - bgs_china_share)",
            "value": 100 * (r["usgs_china_share"] - r["bgs_china_share"]),
            "unit": "percentage points",
            "flag": r["agreement"],
            "table": "usgs_bgs_comparison",
            "table_row": i,
        }
        for i, r in both.iterrows()
    ]
    unit = "USGS world total / BGS world total"
    return [
        take(
            ratio,
            "usgs_bgs_comparison",
            "total_ratio",
            measure="production",
            unit=unit,
            flag=ratio["agreement"],
        ),
        worked_out(points),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    d = data["usgs_bgs_comparison"]
    names = commodity_names(data["commodities"], language.code)
    metals = [m for m in paper_metals(data["commodities"]) if m in set(d["commodity"])]
    years = sorted(d["year"].unique())
    # 2009 stands apart from 2020 on: a gap where no year is compared
    slots = {y: (i if y == years[0] else i + 1) for i, y in enumerate(years)}
    with style(language.font):
        fig, axes = plt.subplots(2, len(metals), figsize=(11, 5.6), sharex=True, sharey="row")
        for i, metal in enumerate(metals):
            m = d[d["commodity"] == metal]
            top, bottom = axes[0, i], axes[1, i]
            top.axhspan(1 - 0.2, 1 + 0.2, color=PALE, lw=0)
            top.axhspan(1 - 0.05, 1 + 0.05, color=REST, lw=0)
            bottom.axhspan(-2, 2, color=REST, lw=0)
            for r in m[m["agreement"] != UNLIKE].to_dict("records"):
                x, mark = slots[r["year"]], MARKS[r["agreement"]]
                _mark(top, x, r["total_ratio"], RATIO, mark, False, "{:.2f}")
                points = 100 * (r["usgs_china_share"] - r["bgs_china_share"])
                if points == points:
                    _mark(bottom, x, points, POINTS, mark, False, "{:+.0f}")
            if (m["agreement"] == UNLIKE).any():
                # unlike things: neither the totals nor China's shares are set side by side
                for ax in (top, bottom):
                    ax.text(
                        0.5,
                        0.5,
                        t["bases_differ_note"],
                        transform=ax.transAxes,
                        ha="center",
                        va="center",
                        fontsize=7.5,
                        color=NOTE,
                        bbox={"fc": "white", "ec": "none", "alpha": 0.85},
                    )
            top.set_title(names[metal], fontsize=10)
            for ax in (top, bottom):
                ax.axhline(1 if ax is top else 0, color=REFERENCE, lw=0.8)
                ax.grid(axis="y", color=GRID, lw=0.6)
        axes[0, 0].set_ylim(*RATIO)
        axes[1, 0].set_ylim(*POINTS)
        axes[0, 0].set_ylabel(t["total_ratio"], fontsize=8.5)
        axes[1, 0].set_ylabel(t["china_points"], fontsize=8.5)
        axes[1, 0].set_xticks(list(slots.values()), [str(y) for y in slots])
        for ax in axes[1]:
            ax.tick_params(axis="x", labelsize=8)
            axis_break(ax, 1)
        handles = [
            Line2D(
                [],
                [],
                ls="none",
                marker=mark,
                color=GREYS[0],
                label=t[f"class_{key.replace(' ', '_')}"],
            )
            for key, mark in MARKS.items()
        ] + [
            Patch(color=REST, label=t["fig13_band_close"]),
            Patch(color=PALE, label=t["fig13_band_wide"]),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=5,
            frameon=False,
            fontsize=8,
            bbox_to_anchor=(0.5, 0.03),
        )
        fig.suptitle(t["fig13"])
        fig.subplots_adjust(left=0.1, right=0.99, top=0.86, bottom=0.2, hspace=0.12, wspace=0.1)
    return fig
