"""Figure 5: SIPRI military expenditure of China, the US and Japan, with the
figures the paper quotes.

Three price bases, a panel each, so no line is read against another basis: today's
SIPRI series in current and in constant 2023 dollars, and the paper's figures in constant
2008 dollars (SIPRI Yearbook 2010). One log axis for all, labelled in plain billions.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.picks import quoted_military_expenditure
from raremetals.render.figures.plotted import take
from raremetals.render.figures.style import CHINA, GRID, JAPAN, USA, style

CODES = {"China": "CHN", "United States of America": "USA", "Japan": "JPN"}
SHEETS = ("Current US$", "Constant (2023) US$")


def plotted(data: dict, config: dict):
    sipri = data["sipri_milex"]
    s = sipri[sipri["country"].isin(list(CODES)) & sipri["sipri_sheet"].isin(SHEETS)]
    s = s.assign(value=s["value"].astype(float), year=s["year"].astype(int))
    quoted = quoted_military_expenditure(data["paper_claims"])
    return [
        take(
            s,
            "sipri_milex",
            "value",
            country_code=s["country"].map(CODES),
            series=s["sipri_sheet"],
            unit=s["unit"],
        ),
        take(
            quoted,
            "paper_claims",
            "value",
            country_code=quoted["country"].map(CODES),
            series="the paper's figure (claim " + quoted["claim_id"] + ")",
            unit="US$ million, constant (2008) prices (SIPRI Yearbook 2010, as the paper cites)",
        ),
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    sipri, quoted = data["sipri_milex"], quoted_military_expenditure(data["paper_claims"])
    t = language.labels
    colors = {"China": CHINA, "United States of America": USA, "Japan": JAPAN}
    labels = t["sipri_countries"]
    s = sipri.assign(value=sipri["value"].astype(float), year=sipri["year"].astype(int))
    with style(language.font):
        fig, axes = plt.subplots(1, 3, figsize=(12, 5.2), sharey=True)
        for ax, sheet, title in zip(axes, SHEETS, (t["current"], t["constant"])):
            for country, color in colors.items():
                d = s[(s["country"] == country) & (s["sipri_sheet"] == sheet)].sort_values("year")
                ax.plot(d["year"], d["value"] / 1000, color=color, gid=f"{country}:{sheet}")
            ax.set_title(title, fontsize=10)
        paper = axes[2]
        for country, color in colors.items():
            q = quoted[quoted["country"] == country]
            paper.scatter(
                q["year"],
                q["value"] / 1000,
                color=color,
                marker="D",
                s=30,
                zorder=3,
                gid=f"{country}:paper",
            )
        paper.set_title(t["paper_quoted"], fontsize=10)
        for ax in axes:
            ax.set_yscale("log")
            ax.set_ylim(15, 1500)
            ax.set_xlim(1999.5, 2009.5)
            ax.set_xticks(range(2000, 2010, 3))
            ax.grid(axis="y", which="major", color=GRID)
        locator = matplotlib.ticker.FixedLocator([20, 50, 100, 200, 500, 1000])
        axes[0].yaxis.set_major_locator(locator)
        axes[0].yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        axes[0].yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        axes[0].set_ylabel(t["milex"])
        line = matplotlib.lines.Line2D
        fig.legend(
            handles=[
                line([], [], color=c, lw=6, label=labels[country]) for country, c in colors.items()
            ],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.94),
            ncol=3,
            fontsize=8,
            frameon=False,
        )
        fig.suptitle(t["fig5"])
        fig.tight_layout(rect=(0, 0.04, 1, 0.9))
    return fig
