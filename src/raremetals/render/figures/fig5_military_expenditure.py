"""Figure 5: SIPRI military expenditure of China, the US and Japan, with the
figures the paper quotes."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.style import CHINA, style
from raremetals.stats.selections import quoted_military_expenditure


def draw(data: dict, config: dict, language: Language) -> Figure:
    sipri, quoted = data["sipri_milex"], quoted_military_expenditure(data["paper_claims"])
    t = language.labels
    colors = {"China": CHINA, "United States of America": "#2e4053", "Japan": "#ca6f1e"}
    labels = t["sipri_countries"]
    s = sipri.assign(value=sipri["value"].astype(float), year=sipri["year"].astype(int))
    with style(language.font):
        fig, ax = plt.subplots(figsize=(9, 5.5))
        for country, color in colors.items():
            for sheet, ls, label in (
                ("Current US$", "-", t["current"]),
                ("Constant (2023) US$", ":", t["constant"]),
            ):
                d = s[(s["country"] == country) & (s["sipri_sheet"] == sheet)].sort_values("year")
                ax.plot(
                    d["year"],
                    d["value"],
                    color=color,
                    ls=ls,
                    label=f"{labels[country]} ({label})",
                    gid=f"{country}:{sheet}",
                )
            q = quoted[quoted["country"] == country]
            ax.scatter(
                q["year"],
                q["value"],
                color=color,
                marker="D",
                s=30,
                zorder=3,
                gid=f"{country}:paper",
            )
        ax.scatter([], [], color="#555", marker="D", label=t["paper_quoted"])
        ax.set_yscale("log")
        ax.set_ylabel(t["milex"])
        ax.set_xticks(range(2000, 2010))
        ax.legend(fontsize=7, ncol=2)
        ax.set_title(t["fig5"])
        fig.tight_layout()
    return fig
