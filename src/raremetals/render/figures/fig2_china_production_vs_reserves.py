"""Figure 2: China's share of world production against its share of reserves, 2009
and the latest year."""

from __future__ import annotations

import math

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.style import CHINA, style
from raremetals.stats.selections import paper_metals


def draw(data: dict, config: dict, language: Language) -> Figure:
    comparison, commodities = data["paper_metals_comparison"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    wide = comparison.pivot_table(
        index="commodity",
        columns="measure",
        values=["china_share_2009", "china_share_latest"],
        aggfunc="first",
    )
    with style(language.font):
        fig, ax = plt.subplots(figsize=(7, 6.5))
        ax.plot([0, 1], [0, 1], color="#bbb", lw=0.8, ls="--")
        placed = []
        for metal in paper_metals(commodities):
            if metal not in wide.index:
                continue
            pts = {}
            for when in ("2009", "latest"):
                x = wide.loc[metal].get((f"china_share_{when}", "reserves"), math.nan)
                y = wide.loc[metal].get((f"china_share_{when}", "production"), math.nan)
                if pd.notna(x) and pd.notna(y):
                    pts[when] = (x, y)
            for when, (x, y) in pts.items():
                ax.scatter(
                    x,
                    y,
                    s=40,
                    color=CHINA,
                    facecolors="none" if when == "2009" else CHINA,
                    zorder=3,
                    gid=f"{metal}:{when}",
                )
            if len(pts) == 2:
                ax.annotate(
                    "",
                    xy=pts["latest"],
                    xytext=pts["2009"],
                    arrowprops={"arrowstyle": "->", "color": "#888"},
                )
            if pts:
                x, y = pts.get("latest", pts.get("2009"))
                # a label near one already placed goes below its point, not over the other
                near = any(abs(x - px) < 0.08 and abs(y - py) < 0.03 for px, py in placed)
                placed.append((x, y))
                ax.annotate(
                    names[metal],
                    (x, y),
                    xytext=(4, -11 if near else 4),
                    textcoords="offset points",
                    fontsize=8,
                )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel(t["china_res"])
        ax.set_ylabel(t["china_prod"])
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        latest = int(comparison["year_latest"].dropna().max())
        ax.scatter([], [], color=CHINA, facecolors="none", label="2009")
        ax.scatter([], [], color=CHINA, label=str(latest))
        ax.legend(loc="lower right")
        ax.set_title(t["fig2"])
        fig.tight_layout()
    return fig
