"""Figure 1: the top three countries and the rest, as shares of world production
and reserves, 2009.

The top three are ranked as the paper ranks them, a group of countries (the CIS) in
its place among the countries. Every segment is named: inside it where the name fits,
else to the right of its bar. A measure the paper gives no figures for is marked "no
data"; † marks bars whose countries add up to more than the rounded world total.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import SHARE, take, worked_out
from raremetals.render.figures.style import (
    CHINA,
    GREYS,
    NOTE_DARK,
    NOTE_LIGHT,
    REST,
    agg_renderer,
    style,
    wrap,
)

PAPER_TABLES = ("country_shares", "concentration")


def _paper(data: dict):
    """The shares and the concentration of Table 3's 2009 alone: the functions below look
    a metal up in them some two hundred times."""
    return tuple(data[t][data[t]["dataset"] == "paper_table3"] for t in PAPER_TABLES)


def _rows(shares, metal: str, measure: str):
    return shares[
        (shares["dataset"] == "paper_table3")
        & (shares["measure"] == measure)
        & (shares["commodity"] == metal)
        & shares["area_type"].isin(["country", "group", "tie"])
    ]


def top_three(shares, metal: str, measure: str):
    """The three largest shares of countries and groups of countries, largest first, and
    every country tied with the third (cobalt 2009: China and Russia, 6,200 t each)."""
    d = _rows(shares, metal, measure)
    d = d[d["share"].notna()].sort_values(["share", "rank"], ascending=[False, True])
    top = d.head(3)
    if len(top) == 3:
        tied = d[(d["rank"] == top["rank"].iloc[-1]) & ~d.index.isin(top.index)]
        top = pd.concat([top, tied])
    return top


def removed(shares, metal: str, measure: str):
    """The countries of Table 3 whose cell the corrections removed (a flag, no share):
    manganese reserves, Australia's 87 万 t, larger than the world total printed."""
    d = _rows(shares, metal, measure)
    return d[d["share"].isna() & (d["flag"] != "")]


def exceeds(conc, metal: str, measure: str) -> bool:
    """Whether the countries Table 3 lists add up to more than its rounded world total."""
    return bool(
        conc[
            (conc["dataset"] == "paper_table3")
            & (conc["commodity"] == metal)
            & (conc["measure"] == measure)
            & conc["listed_exceeds_total"]
        ].shape[0]
    )


KINDS = {"group": "a group of countries", "tie": "a tie"}


def plotted(data: dict, config: dict):
    shares, conc = _paper(data)
    parts = []
    for measure in ("production", "reserves"):
        for metal in paper_metals(data["commodities"]):
            rows = top_three(shares, metal, measure)
            if rows.empty:
                continue
            kind = rows["area_type"].map(KINDS).fillna("")
            flag = (rows["flag"] + "; " + kind).str.strip("; ")
            parts.append(take(rows, "country_shares", "share", unit=SHARE, flag=flag))
            over = exceeds(conc, metal, measure)
            rest = {
                "measure": measure,
                "commodity": metal,
                "year": 2009,
                "quantity": "1 - the three shares (none where they pass the world total)",
                "value": max(0.0, 1 - rows["share"].sum()),
                "unit": SHARE,
                "flag": "listed countries exceed the world total" if over else "",
            }
            parts.append(worked_out([rest]))
    return parts


def draw(data: dict, config: dict, language: Language) -> Figure:
    (shares, conc), commodities = _paper(data), data["commodities"]
    t = language.labels
    metals = paper_metals(commodities)
    names = commodity_names(commodities, language.code)
    with style(language.font):
        fig, axes = plt.subplots(1, 2, figsize=(12, 6.8), sharey=True)
        fig.subplots_adjust(left=0.16, right=0.9, bottom=0.2, top=0.88, wspace=0.42)
        renderer = agg_renderer(fig)
        for ax, measure in zip(axes, ("production", "reserves")):
            ax.set_xlim(0, 1)
            ax.set_ylim(len(metals) - 0.5, -0.5)
            for i, metal in enumerate(metals):
                rows = top_three(shares, metal, measure)
                if rows.empty:
                    ax.text(
                        0.5,
                        i,
                        t["no_data_mark"],
                        ha="center",
                        va="center",
                        fontsize=8,
                        color=NOTE_LIGHT,
                        style="italic",
                        gid=f"{metal}:no_data",
                    )
                    continue
                left, outside = 0.0, []
                for j, r in enumerate(rows.to_dict("records")):
                    group = r["area_type"] != "country"
                    # tied countries share a place, and its grey (a group has no rank)
                    place = int(r["rank"]) if r["tied_with"] else j + 1
                    ax.barh(
                        i,
                        r["share"],
                        left=left,
                        color=CHINA if r["country_code"] == "CHN" else GREYS[place - 1],
                        hatch="//" if group else None,
                        edgecolor="white",
                        gid=f"{metal}:{r['country_code']}",
                    )
                    name = language.country(r["country_code"], r["country"])
                    tie = t["tie_mark"] if r["tied_with"] else ""
                    share = f"{r['share']:.0%}"
                    span = ax.transData.transform([(left, 0), (left + r["share"], 0)])
                    # the name and its share inside the bar, else the share alone there and
                    # the name beside the panel, else both beside it
                    for inside in (f"{name}{tie} {share}", share):
                        label = ax.text(
                            left + r["share"] / 2,
                            i,
                            inside,
                            ha="center",
                            va="center",
                            fontsize=7,
                            color="white",
                            gid=f"{metal}:{r['country_code']}:label",
                        )
                        if label.get_window_extent(renderer).width <= span[1][0] - span[0][0] - 4:
                            break
                        label.remove()
                        label = None
                    if label is None or label.get_text() == share:
                        # a no-break space: a line breaks between names, not in one
                        beside = f"{place}{tie.strip()}\u00a0{name}"
                        outside.append(beside if label else f"{beside}\u00a0{share}")
                    left += r["share"]
                ax.barh(
                    i,
                    max(0.0, 1 - left),
                    left=left,
                    color=REST,
                    edgecolor="white",
                    gid=f"{metal}:rest",
                )
                side = ("† " if exceeds(conc, metal, measure) else "") + " · ".join(outside)
                gone = removed(shares, metal, measure)
                side += "".join(
                    ("\n" if side else "")
                    + t["fig1_removed"].format(name=language.country(c, n), flag=f)
                    for c, n, f in zip(gone["country_code"], gone["country"], gone["flag"])
                )
                if side:
                    ax.text(
                        1.015,
                        i,
                        wrap(side, 26),
                        va="center",
                        fontsize=7,
                        clip_on=False,
                        gid=f"{metal}:{measure}:side",
                    )
            ax.set_title(t[measure])
            ax.set_xlabel(t["share"])
            ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        axes[0].set_yticks(range(len(metals)), [names[m] for m in metals])
        handles = [
            matplotlib.patches.Patch(color=CHINA, label=t["china"]),
            *(
                matplotlib.patches.Patch(color=GREYS[j], label=t["rank_n"].format(n=j + 1))
                for j in range(3)
            ),
            matplotlib.patches.Patch(
                facecolor=GREYS[1], hatch="//", edgecolor="white", label=t["group"]
            ),
            matplotlib.patches.Patch(color=REST, label=t["rest"]),
        ]
        fig.legend(
            handles=handles, loc="lower center", ncol=6, frameon=False, bbox_to_anchor=(0.5, 0.06)
        )
        fig.text(0.5, 0.02, t["fig1_note"], ha="center", fontsize=8, color=NOTE_DARK)
        fig.suptitle(t["fig1"])
    return fig
