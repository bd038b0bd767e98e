"""Figure 4: China's rare-earth export quotas by year, the full-year figure beside
the batches or half-years that make it up.

The sources give two scopes: to 2008 a volume whose scope they do not state (it
appears to be that of domestic enterprises), from 2009 the total of domestic and
foreign-invested enterprises. The two are drawn differently and a line marks the
break, so that the fall from 2008 to 2009 is not read as like for like. The sources
give tonnes without saying whether of rare-earth oxide; the axis says so.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.render.figures.plotted import QUOTA_UNIT, take, worked_out
from raremetals.render.figures.style import CHINA, CHINA_SHADES, GREYS, NOTE, ON_FILL, style

PERIOD_COLOURS = {
    "first_batch": CHINA,
    "second_batch": CHINA_SHADES[1],
    "H1": CHINA_SHADES[0],
    "H2": CHINA_SHADES[2],
}
# a year's halves are hatched, its batches not: the two light reds differ by more than hue
PERIOD_HATCHES = {"H1": "//", "H2": "//"}
FULL_TOTAL, FULL_NOT_STATED = GREYS[0], GREYS[2]


def stacked(q, year: int):
    """The parts of a year drawn beside its full-year bar: the halves where the year
    gives them (the batches of 2010, by type of firm, make up its first half), else the
    batches."""
    parts = q[(q["year"] == year) & q["period"].isin(list(PERIOD_COLOURS))]
    halves = parts[parts["period"].isin(["H1", "H2"])]
    return (halves if not halves.empty else parts).sort_values(["period", "scope"])


def plotted(data: dict, config: dict):
    quotas = data["china_ree_export_quotas"]
    q = quotas.assign(value_t=quotas["value_t"].astype(float), year=quotas["year"].astype(int))
    full = q[q["period"] == "full_year"]
    parts = [
        take(
            rows,
            "china_ree_export_quotas",
            "value_t",
            series=rows["period"] + " (scope: " + rows["scope"] + ")",
            period=rows["period"],
            measure="export quota",
            unit=QUOTA_UNIT,
        )
        for rows in (full, *(stacked(q, y) for y in sorted(q["year"].unique())))
    ]
    by_year = full.set_index("year")["value_t"]
    if 2010 in by_year and 2009 in by_year:
        change = {
            "measure": "export quota",
            "series": "change of the full-year quota",
            "year": 2010,
            "quantity": "full year 2010 / full year 2009 - 1",
            "value": by_year[2010] / by_year[2009] - 1,
            "unit": "fraction",
        }
        parts.append(worked_out([change]))
    return parts


def draw(data: dict, config: dict, language: Language) -> Figure:
    quotas = data["china_ree_export_quotas"]
    t = language.labels
    q = quotas.assign(value=quotas["value_t"].astype(float), year=quotas["year"].astype(int))
    years = sorted(q["year"].unique())
    full = q[q["period"] == "full_year"].set_index("year")
    total_scope = {y: full.loc[y, "scope"] == "total" for y in full.index}
    with style(language.font):
        fig, ax = plt.subplots(figsize=(10, 5.8))
        used = []
        for x, year in enumerate(years):
            if year in full.index:
                value = full.loc[year, "value"]
                ax.bar(
                    x - 0.2,
                    value,
                    width=0.38,
                    color=FULL_TOTAL if total_scope[year] else FULL_NOT_STATED,
                    hatch=None if total_scope[year] else "..",
                    edgecolor="white",
                    gid=f"{year}:full",
                )
                ax.text(x - 0.2, value, f"{value:,.0f}", ha="center", va="bottom", fontsize=7)
            bottom = 0.0
            for r in stacked(q, year).to_dict("records"):
                used.append(r["period"])
                ax.bar(
                    x + 0.2,
                    r["value"],
                    bottom=bottom,
                    width=0.38,
                    color=PERIOD_COLOURS[r["period"]],
                    hatch=PERIOD_HATCHES.get(r["period"]),
                    edgecolor="white",
                    gid=f"{year}:{r['period']}:{r['scope']}",
                )
                ax.text(
                    x + 0.2,
                    bottom + r["value"] / 2,
                    f"{r['value']:,.0f}",
                    ha="center",
                    va="center",
                    fontsize=6.5,
                    color="white" if r["period"] in ("first_batch", "H1") else ON_FILL,
                    # the bar's own colour behind the figure, so no hatch line crosses it
                    bbox={"facecolor": PERIOD_COLOURS[r["period"]], "edgecolor": "none", "pad": 1.5}
                    if r["period"] in PERIOD_HATCHES
                    else None,
                )
                bottom += r["value"]
        top = q["value"].max() * 1.25
        ax.set_ylim(0, top)
        before = [x for x, y in enumerate(years) if not total_scope.get(y, True)]
        if before:
            cut = max(before) + 0.5
            ax.axvline(cut, color=NOTE, ls="--", lw=0.8)
            ax.text(cut - 0.1, top * 0.97, t["scope_not_stated"], ha="right", va="top", fontsize=8)
            ax.text(cut + 0.1, top * 0.97, t["scope_total"], ha="left", va="top", fontsize=8)
        if 2010 in full.index and 2009 in full.index:
            x10 = years.index(2010) - 0.2
            change = full.loc[2010, "value"] / full.loc[2009, "value"] - 1
            ax.annotate(
                t["quota_cut"].format(change=change),
                xy=(x10, full.loc[2010, "value"] * 1.04),
                xytext=(x10, full.loc[2009, "value"] * 1.12),
                ha="center",
                fontsize=8,
                color=CHINA_SHADES[0],
                arrowprops={"arrowstyle": "->", "color": CHINA_SHADES[0]},
                gid="quota_cut_2010",
            )
        ax.set_xticks(range(len(years)), [str(y) for y in years])
        ax.set_ylabel(t["quota_t"])
        ax.yaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        handles = [
            matplotlib.patches.Patch(
                facecolor=FULL_NOT_STATED, hatch="..", edgecolor="white", label=t["full_not_stated"]
            ),
            matplotlib.patches.Patch(color=FULL_TOTAL, label=t["full_total"]),
            *(
                matplotlib.patches.Patch(
                    facecolor=PERIOD_COLOURS[p],
                    hatch=PERIOD_HATCHES.get(p),
                    edgecolor="white",
                    label=t["periods"][p],
                )
                for p in PERIOD_COLOURS
                if p in used
            ),
        ]
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.08),
            ncol=3,
            fontsize=8,
            frameon=False,
        )
        ax.set_title(t["fig4"].format(first=min(years), last=max(years)))
        fig.tight_layout()
    return fig
