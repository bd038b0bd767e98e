"""Figure 2: China's share of world production against its share of reserves, 2009
and the latest year.

A point needs both shares for the same year: where the latest edition gives one
measure for an earlier year than the other (indium's reserves), the metal is not
drawn for that year and the note under the chart says why. A share of a total that is
only the sum of the countries the source quantifies (no world total given, other
countries named without a number) is an upper bound: drawn as a square, starred, with an
arrow toward 0 on its axis.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import SHARE, take
from raremetals.render.figures.style import (
    CHINA,
    EARLIER,
    EVENT,
    FAINT,
    NOTE_DARK,
    place_labels,
    style,
)

UPPER_BOUND_ARROW = 0.07  # share units: the arrow that marks an upper bound


def points(comparison: pd.DataFrame, metals: list[str]):
    """metal -> {"2009"|"latest": (reserves share, production share, the axes "x", "y"
    whose share is an upper bound)}, and the
    reasons a metal is missing from a year (metal, year label, reason key, detail)."""
    rows = comparison.set_index(["commodity", "measure"])
    drawn: dict[str, dict] = {}
    missing: list[tuple[str, str, str, int | None]] = []
    latest_year = int(comparison["year_latest"].dropna().max())
    for metal in metals:
        drawn[metal] = {}
        for when in ("2009", "latest"):
            label = "2009" if when == "2009" else str(latest_year)
            if (metal, "production") not in rows.index:
                continue
            prod, res = rows.loc[(metal, "production")], rows.loc[(metal, "reserves")]
            year_p, year_r = prod[f"year_{when}"], res[f"year_{when}"]
            x, y = res[f"china_share_{when}"], prod[f"china_share_{when}"]
            if pd.notna(year_p) and pd.notna(year_r) and year_p != year_r:
                missing.append((metal, label, "years_differ", int(year_r)))
            elif pd.isna(x) or pd.isna(y):
                missing.append((metal, label, "china_not_given", None))
            else:
                # the axes whose share is of a world total that is only a lower bound
                star = "".join(
                    axis
                    for axis, m in (("x", res), ("y", prod))
                    if str(m[f"total_is_lower_bound_{when}"]) == "True"
                )
                drawn[metal][when] = (x, y, star)
    return drawn, missing


def plotted(data: dict, config: dict):
    """Each point's two shares, the reserves' (x) and the production's (y)."""
    comparison = data["paper_metals_comparison"]
    drawn, _ = points(comparison, paper_metals(data["commodities"]))
    parts = []
    for metal, pts in drawn.items():
        for when, (_, _, bound) in pts.items():
            for measure, axis in (("reserves", "x"), ("production", "y")):
                row = comparison[
                    (comparison["commodity"] == metal) & (comparison["measure"] == measure)
                ]
                flag = "upper bound: share of a sum of listed countries" if axis in bound else ""
                parts.append(
                    take(
                        row,
                        "paper_metals_comparison",
                        f"china_share_{when}",
                        series=when,
                        country_code="CHN",
                        year=row[f"year_{when}"],
                        unit=SHARE,
                        flag=flag,
                    )
                )
    return parts


def draw(data: dict, config: dict, language: Language) -> Figure:
    comparison, commodities = data["paper_metals_comparison"], data["commodities"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    latest = int(comparison["year_latest"].dropna().max())
    drawn, missing = points(comparison, paper_metals(commodities))
    with style(language.font):
        fig, ax = plt.subplots(figsize=(7.5, 7.5))
        ax.plot([0, 1], [0, 1], color=FAINT, lw=0.8, ls="--")
        labels = []
        for metal, pts in drawn.items():
            for when, (x, y, star) in pts.items():
                ax.scatter(
                    x,
                    y,
                    s=40,
                    marker="s" if star else "o",
                    color=CHINA,
                    facecolors="none" if when == "2009" else CHINA,
                    zorder=3,
                    clip_on=False,  # a share of 0% sits on the axis, whole
                    gid=f"{metal}:{when}",
                )
                # an upper bound: the share lies toward 0 on that axis
                for axis in star:
                    end = (x - UPPER_BOUND_ARROW, y) if axis == "x" else (x, y - UPPER_BOUND_ARROW)
                    ax.annotate(
                        "",
                        xy=end,
                        xytext=(x, y),
                        arrowprops={"arrowstyle": "->", "color": CHINA, "shrinkA": 5},
                        gid=f"{metal}:{when}:upper_bound_{axis}",
                    )
            if len(pts) == 2:
                ax.annotate(
                    "",
                    xy=pts["latest"][:2],
                    xytext=pts["2009"][:2],
                    # curved, so that an arrow does not run through another metal's point
                    arrowprops={
                        "arrowstyle": "->",
                        "color": EVENT,
                        "shrinkA": 4,
                        "shrinkB": 4,
                        "connectionstyle": "arc3,rad=0.25",
                    },
                )
            if pts:
                x, y, star = pts.get("latest", pts.get("2009"))
                text = names[metal] + ("*" if star else "")
                if "latest" not in pts:
                    text += " (2009)"
                labels.append((x, y, text, {"fontsize": 8, "gid": f"{metal}:label"}))
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel(t["china_res"])
        ax.set_ylabel(t["china_prod"])
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.scatter([], [], color=CHINA, facecolors="none", label=t["fig2_2009"])
        ax.scatter([], [], color=CHINA, label=t["fig2_latest"].format(latest=latest))
        ax.scatter([], [], color=CHINA, marker="s", label=t["fig2_partial"])
        # every mark drawn is in the legend: the two kinds of arrow too
        ax.plot([], [], color=EVENT, marker=">", ms=4, label=t["fig2_move"].format(latest=latest))
        ax.plot([], [], color=CHINA, marker="<", ms=4, label=t["fig2_bound_arrow"])
        # in the one corner no point or arrow reaches (low production, high reserves)
        ax.legend(loc="lower right", bbox_to_anchor=(1, 0.1), fontsize=8)
        ax.set_title(t["fig2"].format(latest=latest))
        by_reason: dict[tuple, list[str]] = {}
        for metal, year, reason, detail in missing:
            key = (reason, year, detail)
            by_reason.setdefault(key, []).append(names[metal])
        notes = [
            t[f"fig2_{reason}"].format(metals=t["list_sep"].join(m), year=year, other=detail)
            for (reason, year, detail), m in by_reason.items()
        ]
        fig.text(
            0.01,
            0.005,
            t["fig2_not_drawn"] + "; ".join(notes),
            fontsize=7,
            color=NOTE_DARK,
            wrap=True,
        )
        fig.tight_layout(rect=(0, 0.07, 1, 1))
        # every 2009 point of a metal drawn for both years is named too: an arrow alone
        # does not say which of two close points (vanadium's, molybdenum's) it leaves
        for metal, pts in drawn.items():
            if len(pts) == 2:
                x, y, _ = pts["2009"]
                text = t["fig2_start"].format(metal=names[metal])
                labels.append(
                    (x, y, text, {"fontsize": 7, "color": EARLIER, "gid": f"{metal}:2009:label"})
                )
        place_labels(ax, labels)
    return fig
