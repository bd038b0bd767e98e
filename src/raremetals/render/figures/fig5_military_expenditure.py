"""Figure 5: SIPRI military expenditure of China, the US and Japan, with the
figures the paper quotes.

Three price bases meet here: today's SIPRI series in current and in constant 2023
dollars, and the paper's figures in constant 2008 dollars (SIPRI Yearbook 2010). The
legend names each; the log axis is labelled in plain billions.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.plotted import take
from raremetals.render.figures.style import CHINA, JAPAN, USA, style
from raremetals.stats.selections import quoted_military_expenditure

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
        fig, ax = plt.subplots(figsize=(9, 5.5))
        for country, color in colors.items():
            for sheet, ls in zip(SHEETS, ("-", ":")):
                d = s[(s["country"] == country) & (s["sipri_sheet"] == sheet)].sort_values("year")
                ax.plot(
                    d["year"],
                    d["value"] / 1000,
                    color=color,
                    ls=ls,
                    gid=f"{country}:{sheet}",
                )
            q = quoted[quoted["country"] == country]
            ax.scatter(
                q["year"],
                q["value"] / 1000,
                color=color,
                marker="D",
                s=30,
                zorder=3,
                gid=f"{country}:paper",
            )
        line = matplotlib.lines.Line2D
        handles = [
            *(line([], [], color=c, lw=6, label=labels[country]) for country, c in colors.items()),
            line([], [], color="#555", ls="-", label=t["current"]),
            line([], [], color="#555", ls=":", label=t["constant"]),
            line([], [], color="#555", marker="D", ls="", label=t["paper_quoted"]),
        ]
        ax.set_yscale("log")
        ax.set_ylim(15, 1500)
        ax.yaxis.set_major_locator(matplotlib.ticker.FixedLocator([20, 50, 100, 200, 500, 1000]))
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.yaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        ax.grid(axis="y", which="major", color="#eee")
        ax.set_ylabel(t["milex"])
        ax.set_xticks(range(2000, 2010))
        ax.legend(handles=handles, fontsize=8, ncol=2, loc="lower right")
        ax.set_title(t["fig5"])
        fig.tight_layout()
    return fig
