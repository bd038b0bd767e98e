"""Figure 8: the most concentrated mineral commodities of the latest year: HHI of
production and China's share."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.style import CHINA, style
from raremetals.stats.selections import most_concentrated


def draw(data: dict, config: dict, language: Language) -> Figure:
    conc, commodities = data["concentration"], data["commodities"]
    edition, n = config["latest_edition"], config["most_concentrated_n"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    top = most_concentrated(conc, edition, n)
    year = int(top["year"].max())
    with style(language.font):
        fig, ax = plt.subplots(figsize=(9, 8))
        y = np.arange(len(top))
        label = [names[c] for c in top["commodity"]]
        ax.barh(
            y,
            top["hhi_lower"],
            color="#85929e",
            label=f"{t['hhi_short']} ({t['lower']})",
            gid="hhi",
        )
        ax.barh(
            y,
            top["hhi_upper"] - top["hhi_lower"],
            left=top["hhi_lower"],
            color="#d5d8dc",
            label=t["upper"],
            gid="hhi_upper",
        )
        ax.set_yticks(y, label, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 10_000)
        ax.set_xlabel(t["hhi_short"])
        ax2 = ax.twiny()
        known = top["china_share"].notna().to_numpy()
        ax2.plot(
            top["china_share"].to_numpy()[known],
            y[known],
            "o",
            color=CHINA,
            ms=5,
            label=t["china_share"],
            gid="china",
        )
        ax2.set_xlim(0, 1)
        ax2.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax2.set_xlabel(t["china_share"], color=CHINA)
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        ax.legend(handles=handles, loc="lower right", fontsize=8)
        ax.set_title(t["fig8"].format(year=year), pad=30)
        fig.tight_layout()
    return fig
