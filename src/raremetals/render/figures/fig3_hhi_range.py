"""Figure 3: the HHI range of production of the twelve metals, 2009 and the latest
year, with the DOJ/FTC bands."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import HHI, take
from raremetals.render.figures.style import BANDS, LATEST, NOTE, PAPER, style
from raremetals.stats.measures import DOJ_FTC_2010

POINT_WIDTH = 50  # HHI points: under this a range is drawn as a point


def plotted(data: dict, config: dict):
    """Each range's two ends, 2009 and the latest year."""
    comparison = data["paper_metals_comparison"]
    d = comparison[comparison["measure"] == "production"]
    d = d[d["commodity"].isin(paper_metals(data["commodities"]))]
    return [
        take(
            d[d[f"hhi_lower_{when}"].notna()],
            "paper_metals_comparison",
            f"hhi_{bound}_{when}",
            series=when,
            year=d[f"year_{when}"],
            unit=HHI,
            flag=f"{bound} bound",
        )
        for when in ("2009", "latest")
        for bound in ("lower", "upper")
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    comparison, commodities = data["paper_metals_comparison"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    d = comparison[comparison["measure"] == "production"].set_index("commodity")
    metals = [m for m in paper_metals(commodities) if m in d.index]
    latest = int(d["year_latest"].dropna().max())
    g = DOJ_FTC_2010
    with style(language.font):
        fig, ax = plt.subplots(figsize=(9, 6.5))
        for lo, hi, color, label in (
            (0, g["moderate"], BANDS[0], t["unconc_short"]),
            (g["moderate"], g["high"], BANDS[1], t["moderate_short"]),
            (g["high"], 10_000, BANDS[2], t["high"]),
        ):
            ax.axvspan(lo, hi, color=color, zorder=0)
            ax.text((lo + hi) / 2, -0.85, label, ha="center", va="center", fontsize=8, color=NOTE)
        for i, metal in enumerate(metals):
            for when, dy, color in (("2009", -0.15, PAPER), ("latest", 0.15, LATEST)):
                lo, hi = d.loc[metal, f"hhi_lower_{when}"], d.loc[metal, f"hhi_upper_{when}"]
                if pd.isna(lo):
                    continue
                # a range narrower than the line's width would vanish: a point shows it
                if hi - lo < POINT_WIDTH:
                    ax.plot([lo], [i + dy], "o", color=color, ms=6, gid=f"{metal}:{when}")
                    continue
                ax.plot(
                    [lo, hi],
                    [i + dy, i + dy],
                    color=color,
                    lw=4,
                    solid_capstyle="butt",
                    gid=f"{metal}:{when}",
                )
                ax.plot([lo], [i + dy], marker="|", color=color, ms=10)
        ax.set_yticks(range(len(metals)), [names[m] for m in metals])
        ax.set_ylim(len(metals) - 0.5, -1.2)
        ax.set_xlim(0, 10_000)
        ax.xaxis.set_major_formatter(matplotlib.ticker.StrMethodFormatter("{x:,.0f}"))
        ax.set_xlabel(t["hhi"])
        ax.plot([], [], color=PAPER, lw=4, label=f"2009 ({t['lower']}–{t['upper']})")
        ax.plot([], [], color=LATEST, lw=4, label=f"{latest} ({t['lower']}–{t['upper']})")
        ax.plot([], [], "o", color=NOTE, ms=6, label=t["equal_bounds"])
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=3, fontsize=8, frameon=False)
        ax.set_title(t["fig3"].format(latest=latest), pad=12)
        fig.tight_layout()
    return fig
