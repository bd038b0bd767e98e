"""Figure 4: China's rare-earth export quotas by year, the full-year figure beside
the batches that make it up."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.style import style

PERIOD_ORDER = ["first_batch", "second_batch", "H1", "H2"]


def draw(data: dict, config: dict, language: Language) -> Figure:
    quotas = data["china_ree_export_quotas"]
    t = language.labels
    q = quotas.assign(value=quotas["value_t"].astype(float), year=quotas["year"].astype(int))
    years = sorted(q["year"].unique())
    with style(language.font):
        fig, ax = plt.subplots(figsize=(10, 5.5))
        for x, year in enumerate(years):
            full = q[(q["year"] == year) & (q["period"] == "full_year")]
            if not full.empty:
                r = full.iloc[0]
                ax.bar(x - 0.2, r["value"], width=0.38, color="#5d6d7e", gid=f"{year}:full")
                ax.text(
                    x - 0.2, r["value"], f"{r['value']:,.0f}", ha="center", va="bottom", fontsize=7
                )
            parts = q[(q["year"] == year) & q["period"].isin(PERIOD_ORDER)]
            # batches by firm type (domestic / foreign-invested) and halves overlap;
            # stack halves where given, else batches
            halves = parts[parts["period"].isin(["H1", "H2"])]
            use = halves if not halves.empty else parts
            bottom = 0.0
            for j, r in enumerate(use.sort_values(["period", "scope"]).to_dict("records")):
                ax.bar(
                    x + 0.2,
                    r["value"],
                    bottom=bottom,
                    width=0.38,
                    color=["#c0392b", "#e6b0aa", "#922b21", "#f5b7b1"][j % 4],
                    edgecolor="white",
                    gid=f"{year}:{r['period']}:{r['scope']}",
                )
                ax.text(
                    x + 0.2,
                    bottom + r["value"] / 2,
                    f"{t['periods'][r['period']]}\n{r['value']:,.0f}",
                    ha="center",
                    va="center",
                    fontsize=6,
                    color="white",
                )
                bottom += r["value"]
        ax.set_xticks(range(len(years)), [str(y) for y in years])
        ax.set_ylabel(t["quota_t"])
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.legend(
            handles=[
                matplotlib.patches.Patch(color="#5d6d7e", label=t["full_year"]),
                matplotlib.patches.Patch(color="#c0392b", label=t["batch"]),
            ],
            loc="upper right",
        )
        scopes = sorted(
            {
                f"{r['year']} {r['period']}: {r['scope']}"
                for r in q.to_dict("records")
                if r["scope"] not in ("total",) and "not stated" not in r["scope"]
            }
        )
        if scopes:
            fig.text(
                0.01,
                0.01,
                f"{t['scope']}: " + "; ".join(scopes),
                fontsize=6,
                color="#555",
                wrap=True,
            )
        ax.set_title(t["fig4"])
        fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig
