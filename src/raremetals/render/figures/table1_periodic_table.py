"""Table 1 drawn: the periodic table with the rare metals and rare earths marked."""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.core.vocab import MARKS, periodic_position
from raremetals.render.figures.style import style


def draw(data: dict, config: dict, language: Language) -> Figure:
    elements = data["elements"]
    t = language.labels
    colors = {"rare_metal": "#f5b041", "ree": "#5dade2", "": "#f2f3f4"}
    with style(language.font):
        fig, ax = plt.subplots(figsize=(12, 6.8))
        for e in elements.to_dict("records"):
            r, c = periodic_position(int(e["z"]))
            y = r + (0.4 if r >= 9 else 0)
            ax.add_patch(
                matplotlib.patches.Rectangle(
                    (c - 0.47, y - 0.47),
                    0.94,
                    0.94,
                    color=colors[e["category"]],
                    gid=f"{e['symbol']}:{e['category']}",
                )
            )
            ax.text(c, y - 0.18, str(e["z"]), ha="center", va="center", fontsize=6)
            ax.text(
                c,
                y + 0.12,
                e["symbol"],
                ha="center",
                va="center",
                fontsize=10,
                fontweight="bold" if e["category"] else "normal",
            )
        ax.set_xlim(0.4, 18.6)
        ax.set_ylim(10.9, 0.4)
        ax.axis("off")
        handles = [
            matplotlib.patches.Patch(
                color=colors["rare_metal"], label=f"{t['rm']} {MARKS['rare_metal']}"
            ),
            matplotlib.patches.Patch(color=colors["ree"], label=f"{t['ree']} {MARKS['ree']}"),
        ]
        ax.legend(
            handles=handles, loc="upper center", ncol=2, bbox_to_anchor=(0.45, 1.0), frameon=False
        )
        ax.set_title(t["table1"])
        fig.tight_layout()
    return fig
