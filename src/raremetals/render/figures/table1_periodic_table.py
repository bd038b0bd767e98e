"""Table 1 drawn: the periodic table with the rare metals and rare earths marked.

The lanthanides and actinides sit in rows of their own, with a placeholder cell for
each in group 3, as periodic tables print them. Marked elements' symbols are set in
bold in both languages, and a note explains the marks * and † that the text versions
of the table use where colour is not available.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from raremetals.core.text import Language
from raremetals.core.vocab import MARKS, periodic_position
from raremetals.render.figures.plotted import take
from raremetals.render.figures.style import MARKS as FILLS
from raremetals.render.figures.style import NOTE_DARK, NOTE_LIGHT, embolden, style, wrap


def plotted(data: dict, config: dict):
    """Each element's cell: its atomic number, its symbol (in ``commodity``) and the
    paper's mark (in ``series``: rare_metal, ree or none)."""
    e = data["elements"]
    z = e.assign(z=e["z"].astype(int))
    return [take(z, "elements", "z", commodity=e["symbol"], series=e["category"], unit="")]


def draw(data: dict, config: dict, language: Language) -> Figure:
    elements = data["elements"]
    t = language.labels
    colors = FILLS
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
            symbol = ax.text(
                c, y + 0.12, e["symbol"], ha="center", va="center", fontsize=10, gid=e["symbol"]
            )
            if e["category"]:
                embolden(symbol)
        # group 3's places of the lanthanides and actinides (periods 6 and 7)
        for row, (first, last), category in ((6, (57, 71), "ree"), (7, (89, 103), "")):
            names = dict(zip(elements["z"].astype(int), elements["symbol"]))
            ax.add_patch(
                matplotlib.patches.Rectangle(
                    (2.53, row - 0.47),
                    0.94,
                    0.94,
                    facecolor=colors[category],
                    edgecolor=NOTE_LIGHT,
                    ls=":",
                    gid=f"placeholder:{first}-{last}",
                )
            )
            ax.text(3, row - 0.18, f"{first}–{last}", ha="center", va="center", fontsize=6)
            ax.text(
                3, row + 0.12, f"{names[first]}–{names[last]}", ha="center", va="center", fontsize=8
            )
        ax.set_xlim(0.4, 18.6)
        ax.set_ylim(11.4, 0.4)
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
        ax.text(0.55, 11.05, wrap(t["table1_marks"], 150), fontsize=8, color=NOTE_DARK, va="top")
        ax.set_title(t["table1"])
        fig.tight_layout()
    return fig
