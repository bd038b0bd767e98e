"""Figure 1: the top three countries and the rest, as shares of world production
and reserves, 2009."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.style import CHINA, GREYS, REST, style
from raremetals.stats.selections import paper_metals


def draw(data: dict, config: dict, language: Language) -> Figure:
    shares, conc, commodities = data["country_shares"], data["concentration"], data["commodities"]
    t = language.labels
    metals = paper_metals(commodities)
    names = commodity_names(commodities, language.code)
    with style(language.font):
        fig, axes = plt.subplots(1, 2, figsize=(11, 6.5), sharey=True)
        for ax, measure in zip(axes, ("production", "reserves")):
            d = shares[(shares["dataset"] == "paper_table3") & (shares["measure"] == measure)]
            for i, metal in enumerate(metals):
                rows = (
                    d[
                        (d["commodity"] == metal)
                        & (d["area_type"] == "country")
                        & d["share"].notna()
                    ]
                    .sort_values("rank")
                    .head(3)
                )
                left = 0.0
                for j, r in enumerate(rows.to_dict("records")):
                    color = CHINA if r["country_code"] == "CHN" else GREYS[j % 3]
                    ax.barh(
                        i,
                        r["share"],
                        left=left,
                        color=color,
                        edgecolor="white",
                        label=r["country_code"],
                        gid=f"{metal}:{r['country_code']}",
                    )
                    if r["share"] >= 0.07:
                        ax.text(
                            left + r["share"] / 2,
                            i,
                            r["country_code"],
                            ha="center",
                            va="center",
                            fontsize=7,
                            color="white",
                        )
                    left += r["share"]
                groups = d[
                    (d["commodity"] == metal)
                    & d["area_type"].isin(["group", "tie"])
                    & d["share"].notna()
                ]
                for r in groups.to_dict("records"):
                    ax.barh(
                        i,
                        r["share"],
                        left=left,
                        color=GREYS[1],
                        hatch="//",
                        edgecolor="white",
                        gid=f"{metal}:{r['country_code']}",
                    )
                    ax.text(
                        left + r["share"] / 2,
                        i,
                        r["country_code"],
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="white",
                    )
                    left += r["share"]
                if not rows.empty:
                    ax.barh(
                        i,
                        max(0.0, 1 - left),
                        left=left,
                        color=REST,
                        edgecolor="white",
                        gid=f"{metal}:rest",
                    )
                over = conc[
                    (conc["dataset"] == "paper_table3")
                    & (conc["commodity"] == metal)
                    & (conc["measure"] == measure)
                    & conc["listed_exceeds_total"]
                ]
                if not over.empty:
                    ax.text(
                        1.01,
                        i,
                        "†",
                        va="center",
                        fontsize=10,
                        clip_on=False,
                        gid=f"{metal}:listed_exceeds_total",
                    )
            ax.set_title(t[measure])
            ax.set_xlim(0, 1)
            ax.set_xlabel(t["share"])
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes[0].set_yticks(range(len(metals)), [names[m] for m in metals])
        axes[0].invert_yaxis()
        handles = [
            matplotlib.patches.Patch(color=CHINA, label="CHN"),
            matplotlib.patches.Patch(color=GREYS[0], label=t["top3"]),
            matplotlib.patches.Patch(
                facecolor=GREYS[1], hatch="//", edgecolor="white", label=t["group"]
            ),
            matplotlib.patches.Patch(color=REST, label=t["rest"]),
        ]
        fig.legend(
            handles=handles, loc="lower center", ncol=4, frameon=False, bbox_to_anchor=(0.5, 0.035)
        )
        fig.text(0.5, 0.01, t["exceeds"], ha="center", fontsize=8, color="#444")
        fig.suptitle(t["fig1"])
        fig.tight_layout(rect=(0, 0.09, 1, 1))
    return fig
