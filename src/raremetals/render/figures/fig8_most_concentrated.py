"""Figure 8: the most concentrated mineral commodities of the latest year: HHI of
production and China's share.

Two panels with their own axes, so that the HHI scale and the share scale cannot be
read as one. China's share is a dot; where China is not among the producers the
source lists, or its figure is withheld, the panel says so instead of showing 0%.
The paper's twelve metals are drawn darker and their names set in bold.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import most_concentrated, not_ranked, paper_metals
from raremetals.render.figures.plotted import HHI, SHARE, take
from raremetals.render.figures.style import (
    CHINA,
    GREYS,
    GRID,
    INK,
    NOTE,
    NOTE_LIGHT,
    REST,
    embolden,
    style,
)

PAPER, OTHER = INK, GREYS[2]


def china_entries(top: pd.DataFrame, shares: pd.DataFrame) -> list[tuple[float, str]]:
    """For each ranked row: China's share, or NaN and why ('not_listed', or the flag
    of a value the source withholds)."""
    china = shares[(shares["country_code"] == "CHN") & (shares["dataset"] == "usgs")]
    keys = ["edition", "commodity", "series", "year", "measure"]
    rows = top[keys].merge(china, on=keys, how="left")
    out = []
    for share, value, flag in zip(top["china_share"], rows["value"], rows["flag"]):
        if pd.notna(share):
            out.append((share, ""))
        elif pd.isna(value) and pd.isna(flag):
            out.append((np.nan, "not_listed"))
        else:
            out.append((np.nan, str(flag)))
    return out


def plotted(data: dict, config: dict):
    edition, n = config["latest_edition"], config["most_concentrated_n"]
    top = most_concentrated(data["concentration"], edition, n)
    # where the listed countries pass the rounded world total, their sum is the total
    summed = (top["total_source"] != "world total row").map({True: LISTED_SUM, False: ""})
    china = top[top["china_share"].notna()]
    return [
        *(
            take(top, "concentration", f"hhi_{b}", series=top["series"], unit=HHI, flag=summed)
            for b in ("lower", "upper")
        ),
        take(
            china,
            "concentration",
            "china_share",
            series=china["series"],
            country_code="CHN",
            unit=SHARE,
            flag=summed,
        ),
    ]


LISTED_SUM = "total: the listed countries' sum, above the rounded world total"


def draw(data: dict, config: dict, language: Language) -> Figure:
    conc, shares, commodities = data["concentration"], data["country_shares"], data["commodities"]
    edition, n = config["latest_edition"], config["most_concentrated_n"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    paper = set(paper_metals(commodities))
    top = most_concentrated(conc, edition, n)
    year = int(top["year"].max())
    china = china_entries(top, shares)
    left_out = [names[c] for c in not_ranked(conc, edition, top)["commodity"]]
    # a commodity whose latest year is not the figure's carries its own
    # each bar names the series it draws (USGS's words): cobalt's is mine production,
    # silicon's ferrosilicon, soda ash's natural ash, titanium's sponge
    ticks = [
        names[c]
        + t["fig8_series"].format(series=series)
        + ("" if y == year else t["fig8_year"].format(year=y))
        for c, series, y in zip(top["commodity"], top["series"], top["year"])
    ]
    with style(language.font):
        fig, (ax, ax2) = plt.subplots(
            1, 2, figsize=(11, 8.4), sharey=True, gridspec_kw={"width_ratios": [3, 1.4]}
        )
        y = np.arange(len(top))
        ours = top["commodity"].isin(paper).to_numpy()
        ax.barh(y, top["hhi_lower"], color=np.where(ours, PAPER, OTHER), gid="hhi")
        ax.barh(
            y,
            top["hhi_upper"] - top["hhi_lower"],
            left=top["hhi_lower"],
            color=REST,
            edgecolor=GREYS[2],
            lw=0.5,
            gid="hhi_upper",
        )
        ax.set_yticks(y, ticks, fontsize=8)
        for label, mine in zip(ax.get_yticklabels(), ours):
            if mine:
                embolden(label)
        ax.invert_yaxis()
        ax.set_xlim(0, 10_000)
        ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.set_xlabel(t["hhi_short"])
        ax.set_title(t["hhi_short"], fontsize=10)
        for i, (share, why) in enumerate(china):
            if why:
                text = t["china_not_listed"] if why == "not_listed" else t["china_withheld"]
                ax2.text(
                    0.02,
                    i,
                    text.format(flag=why),
                    va="center",
                    fontsize=7,
                    color=NOTE_LIGHT,
                    gid=f"china:{top['commodity'].iloc[i]}:{why}",
                )
        known = np.array([not why for _, why in china])
        ax2.plot(
            np.array([s for s, _ in china])[known], y[known], "o", color=CHINA, ms=5, gid="china"
        )
        ax2.set_xlim(0, 1)
        ax2.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax2.set_xticks([0, 0.5, 1])
        ax2.grid(axis="x", color=GRID)
        ax2.set_xlabel(t["china_share"])
        ax2.set_title(t["china_share"], fontsize=10, color=CHINA)
        ax2.tick_params(axis="y", left=False)
        patch = matplotlib.patches.Patch
        handles = [
            patch(color=PAPER, label=f"{t['lower']}: {t['paper_twelve']}"),
            patch(color=OTHER, label=f"{t['lower']}: {t['other_commodities']}"),
            patch(facecolor=REST, edgecolor=GREYS[2], label=t["upper"]),
            matplotlib.lines.Line2D([], [], marker="o", color=CHINA, ls="", label=t["china_share"]),
        ]
        fig.legend(
            handles=handles,
            loc="lower center",
            ncol=2,
            fontsize=8,
            frameon=False,
            bbox_to_anchor=(0.5, 0.03),
        )
        notes = [t["fig8_rule"]]
        if left_out:
            notes.append(t["fig8_not_ranked"].format(names=t["list_sep"].join(left_out)))
        fig.text(0.01, 0.005, "\n".join(notes), fontsize=7.5, color=NOTE)
        fig.suptitle(t["fig8"].format(year=year))
        fig.tight_layout(rect=(0, 0.11, 1, 1))
    return fig
