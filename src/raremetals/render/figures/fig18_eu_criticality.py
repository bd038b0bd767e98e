"""Figure 18: the EU's view, drawn as the Commission draws it. For each assessment
(2011-2023), every material's supply risk against its economic importance (grey), the
paper's metals named (filled where both thresholds are reached), and the thresholds of the
assessment's method with the critical zone shaded. Economic importance was rescaled by the
2017 method (threshold 5 before, 2.8 after), so each panel has its own horizontal scale and
positions compare within a panel, not across the change."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from raremetals.core.text import Language
from raremetals.render.figures.plotted import take
from raremetals.render.figures.style import GREYS, INK, NOTE, PALE, place_labels, style, wrap

SCORE = "EU score (supply risk or economic importance)"


def plotted(data: dict, config: dict):
    c = data["eu_criticality"]
    return [
        take(
            c,
            "eu_criticality",
            quantity,
            series="EU assessment " + c["assessment"].astype(str) + ": " + c["material"],
            measure=quantity,
            year=c["assessment"],
            unit=SCORE,
            flag=c["critical"].map({True: "critical", False: ""}),
        )
        for quantity in ("supply_risk", "economic_importance")
    ]


def _name(material: str, commodity: str, symbols: dict, t: dict) -> str:
    """A metal by its symbol, as Table 3 prints it (names crowd where scores are close);
    the rare earths as heavy and light."""
    return {"HREEs": t["eu_hree"], "LREEs": t["eu_lree"]}.get(material, symbols[commodity])


def draw(data: dict, config: dict, language: Language) -> Figure:
    t = language.labels
    commodities = data["commodities"]
    symbols = dict(zip(commodities["commodity"], commodities["symbol"]))
    scores = data["eu_crm_scores"].dropna(subset=["supply_risk", "economic_importance"])
    metals = data["eu_criticality"]
    assessments = sorted(metals["assessment"].unique())
    pending: list[tuple] = []  # labels are placed once the layout is final
    with style(language.font):
        fig, axes = plt.subplots(2, 3, figsize=(13, 9))
        for ax, year in zip(axes.flat, assessments):
            every = scores[scores["assessment"] == year]
            mine = metals[metals["assessment"] == year]
            sr, ei = mine["sr_threshold"].iloc[0], mine["ei_threshold"].iloc[0]
            right = max(every["economic_importance"].max(), ei) * 1.08
            top = max(every["supply_risk"].max(), sr) * 1.08
            ax.add_patch(plt.Rectangle((ei, sr), right - ei, top - sr, color=PALE, zorder=0, lw=0))
            ax.axvline(ei, color=GREYS[0], lw=0.9, ls="--")
            ax.axhline(sr, color=GREYS[0], lw=0.9, ls="--")
            ax.scatter(
                every["economic_importance"], every["supply_risk"], s=9, color=GREYS[2], lw=0
            )
            for critical, face in ((True, INK), (False, "white")):
                part = mine[mine["critical"] == critical]
                ax.scatter(
                    part["economic_importance"],
                    part["supply_risk"],
                    s=26,
                    facecolor=face,
                    edgecolor=INK,
                    lw=1,
                    zorder=3,
                )
            ax.set_xlim(0, right)
            ax.set_ylim(0, top)
            ax.set_title(
                t["fig18_panel"].format(year=year, sr=f"{sr:g}", ei=f"{ei:g}"), fontsize=9.5
            )
            ax.set_xlabel(t["fig18_ei"], fontsize=8)
            ax.set_ylabel(t["fig18_sr"], fontsize=8)
            ax.tick_params(labelsize=7.5)
            labels = [
                (
                    r["economic_importance"],
                    r["supply_risk"],
                    _name(r["material"], r["commodity"], symbols, t),
                    {"fontsize": 6.5, "color": INK},
                )
                for r in mine.to_dict("records")
            ]
            others = zip(every["economic_importance"], every["supply_risk"])
            pending.append((ax, labels, [(x, y, "", {}) for x, y in others]))
        legend = axes.flat[len(assessments)]
        legend.axis("off")
        legend.legend(
            handles=[
                Line2D([], [], ls="none", marker="o", ms=5, color=INK, label=t["fig18_critical"]),
                Line2D(
                    [],
                    [],
                    ls="none",
                    marker="o",
                    ms=5,
                    mfc="white",
                    color=INK,
                    label=t["fig18_not_critical"],
                ),
                Line2D(
                    [], [], ls="none", marker="o", ms=3, color=GREYS[2], label=t["fig18_others"]
                ),
                Line2D([], [], color=GREYS[0], lw=0.9, ls="--", label=t["fig18_thresholds"]),
                Patch(color=PALE, label=t["fig18_zone"]),
            ],
            loc="upper left",
            fontsize=8,
            frameon=False,
        )
        legend.text(
            0,
            0.4,
            wrap(t["fig18_note"], 52),
            fontsize=7.5,
            color=NOTE,
            va="top",
            transform=legend.transAxes,
        )
        fig.suptitle(t["fig18"])
        fig.subplots_adjust(left=0.06, right=0.98, top=0.92, bottom=0.08, hspace=0.32, wspace=0.22)
        for ax, labels, avoid in pending:
            place_labels(ax, labels, avoid, marker_px=3)
    return fig
