"""Figure 7: US net import reliance for the paper's metals, latest edition, with
the 2009 figure."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.style import CHINA, style
from raremetals.stats.selections import paper_metals


def draw(data: dict, config: dict, language: Language) -> Figure:
    nir, commodities = data["us_import_reliance"], data["commodities"]
    edition = config["latest_edition"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    metals = paper_metals(commodities)
    latest = nir[nir["source"] == edition]
    paper = nir[nir["source"] == "paper2010"]
    year = int(latest["year"].max())
    with style(language.font):
        fig, ax = plt.subplots(figsize=(8, 6))
        for i, metal in enumerate(metals):
            row = latest[latest["commodity"] == metal]
            if row.empty:
                ax.text(1, i, t["not_listed"], va="center", fontsize=8, color="#666")
            else:
                r = row.iloc[0]
                if pd.notna(r["value"]):
                    ax.barh(
                        i,
                        r["value"],
                        color=CHINA if r["value"] >= 50 else "#85929e",
                        gid=f"{metal}:{edition}",
                    )
                ax.text(
                    (r["value"] if pd.notna(r["value"]) else 0) + 1,
                    i,
                    r["value_raw"],
                    va="center",
                    fontsize=8,
                )
            old = paper[paper["commodity"] == metal]
            if not old.empty and pd.notna(old.iloc[0]["value"]):
                ax.plot(
                    old.iloc[0]["value"],
                    i,
                    marker="D",
                    color="#2e4053",
                    ms=5,
                    gid=f"{metal}:paper2010",
                )
        handles = [
            matplotlib.lines.Line2D(
                [], [], marker="D", color="#2e4053", ls="", label=t["paper2009"]
            ),
            matplotlib.patches.Patch(color=CHINA, label=f"{year} ({t['ge50']})"),
            matplotlib.patches.Patch(color="#85929e", label=f"{year} ({t['lt50']})"),
        ]
        ax.set_yticks(range(len(metals)), [names[m] for m in metals])
        ax.invert_yaxis()
        ax.set_xlim(0, 110)
        ax.set_xlabel(t["nir"])
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncol=3,
            fontsize=8,
            frameon=False,
        )
        ax.set_title(t["fig7"].format(year=year))
        fig.tight_layout()
    return fig
