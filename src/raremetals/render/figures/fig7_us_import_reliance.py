"""Figure 7: US net import reliance for the paper's metals, latest edition, with
the 2009 figure.

USGS prints some values as bounds (">50", "<25"). A bound is drawn as a bar to the
bound, hatched, with an arrow the way the value lies, in the full colour of the class it
allows: ">50" is 50% or more (at least 50), "<25" under 50%, ">25" either (left white).
The value's label stands clear of the bar, the arrow and the 2009 marker.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from raremetals.core.text import Language, commodity_names
from raremetals.render.figures.picks import paper_metals
from raremetals.render.figures.plotted import take
from raremetals.render.figures.style import GREYS, INK, NOTE, NOTE_LIGHT, PAPER, POINTER, style

COLOURS = {"ge50": INK, "lt50": GREYS[1], "either": "white"}
ARROW = 6  # length of a bound's arrow, in percentage points


def reliance_class(value: float, flag: str) -> str:
    """'ge50', 'lt50' or, for a bound that allows both, 'either'."""
    if flag == ">":
        return "ge50" if value >= 50 else "either"
    if flag == "<":
        return "lt50" if value <= 50 else "either"
    return "ge50" if value >= 50 else "lt50"


def drawn_rows(nir: pd.DataFrame, metals: list[str], source: str) -> pd.DataFrame:
    """A source's row for each metal (the first, as the figure draws it), where it
    gives a number."""
    d = nir[(nir["source"] == source) & nir["commodity"].isin(metals)]
    d = d.drop_duplicates("commodity")
    return d[d["value"].notna()]


def plotted(data: dict, config: dict):
    nir, metals = data["us_import_reliance"], paper_metals(data["commodities"])
    unit = "% of apparent consumption (net import reliance)"
    return [
        take(rows, "us_import_reliance", "value", series=source, country_code="USA", unit=unit)
        for source in ("paper2010", config["latest_edition"])
        for rows in [drawn_rows(nir, metals, source)]
    ]


def draw(data: dict, config: dict, language: Language) -> Figure:
    nir, commodities = data["us_import_reliance"], data["commodities"]
    edition = config["latest_edition"]
    t = language.labels
    names = commodity_names(commodities, language.code)
    metals = paper_metals(commodities)
    latest = nir[nir["source"] == edition]
    paper = drawn_rows(nir, metals, "paper2010").set_index("commodity")["value"]
    year = int(latest["year"].max())
    with style(language.font):
        fig, ax = plt.subplots(figsize=(8.5, 6.2))
        for i, metal in enumerate(metals):
            old_value = paper.get(metal)
            if old_value is not None:
                ax.plot(
                    old_value,
                    i,
                    marker="D",
                    color=PAPER,
                    mec="white",
                    ms=6,
                    gid=f"{metal}:paper2010",
                )
            row = latest[latest["commodity"] == metal]
            if row.empty:
                ax.text(1, i, t["not_listed"], va="center", fontsize=8, color=NOTE_LIGHT)
                continue
            r = row.iloc[0]
            if pd.isna(r["value"]):
                end = 0
            else:
                flag = r["flag"] if isinstance(r["flag"], str) else ""
                cls = reliance_class(r["value"], flag)
                bound = flag in "<>" and flag != ""
                ax.barh(
                    i,
                    r["value"],
                    color=COLOURS[cls],
                    hatch="///" if bound else None,
                    # a class's own colour under white hatching: a bound looks its class
                    edgecolor=NOTE if cls == "either" else "white" if bound else COLOURS[cls],
                    lw=0.8 if cls == "either" else 0,
                    gid=f"{metal}:{edition}",
                )
                end = r["value"]
                if bound:
                    step = ARROW if flag == ">" else -ARROW
                    ax.annotate(
                        "",
                        xy=(r["value"] + step, i),
                        xytext=(r["value"], i),
                        arrowprops={"arrowstyle": "-|>", "color": POINTER, "lw": 1.2},
                        gid=f"{metal}:{edition}:bound",
                    )
                    end = max(end, r["value"] + step)
            if old_value is not None and abs(old_value - end) < 4:
                end = max(end, old_value + 1.5)
            ax.text(end + 1.5, i, r["value_raw"], va="center", fontsize=8, gid=f"{metal}:label")
        line, patch = matplotlib.lines.Line2D, matplotlib.patches.Patch
        handles = [
            line([], [], marker="D", color=PAPER, mec="white", ms=6, ls="", label=t["paper2009"]),
            patch(color=INK, label=f"{year}: {t['ge50']}"),
            patch(color=GREYS[1], label=f"{year}: {t['lt50']}"),
            patch(facecolor=INK, edgecolor="white", hatch="///", label=t["nir_bound"]),
            patch(facecolor="white", edgecolor=NOTE, hatch="///", label=t["nir_either"]),
        ]
        ax.set_yticks(range(len(metals)), [names[m] for m in metals])
        ax.invert_yaxis()
        ax.set_xlim(0, 112)
        ax.set_xlabel(t["nir"])
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.45, -0.1),
            ncol=3,
            fontsize=8,
            frameon=False,
        )
        ax.set_title(t["fig7"].format(year=year))
        fig.tight_layout()
    return fig
