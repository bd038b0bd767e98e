"""What every figure shares: colours, the font of each language, and saving the same
bytes for the same figure.

Fonts are named by the language catalogues (``font:``). IPAexGothic, for Japanese, is
shipped by the ``matplotlib-fontja`` package and registered with matplotlib on first use.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

CHINA = "#c0392b"
GREYS = ["#5d6d7e", "#85929e", "#aeb6bf"]
REST = "#e5e8e8"
FORMATS = ("png", "svg", "pdf")


@cache
def font_path(family: str) -> str:
    """The font file of a family, registering the fonts that packages ship."""
    if family == "IPAexGothic":
        from matplotlib_fontja import get_font_ttf_path

        path = get_font_ttf_path()
        font_manager.fontManager.addfont(path)
        return path
    return font_manager.findfont(family, fallback_to_default=False)


@contextmanager
def style(family: str):
    font_path(family)
    with plt.rc_context(
        {
            "font.family": [family],
            "axes.unicode_minus": False,
            "figure.dpi": 100,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    ):
        yield


def missing_glyphs(fig: Figure, family: str) -> set[str]:
    """Characters of the figure's text that its font cannot draw."""
    from matplotlib.ft2font import FT2Font

    charmap = FT2Font(font_path(family)).get_charmap()
    text = "".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))
    return {c for c in text if c.strip() and ord(c) not in charmap}


def save(fig: Figure, stem: str, formats=FORMATS) -> list[str]:
    """Write ``stem.<format>`` for each format, without dates or version stamps."""
    metadata = {
        "png": {"Software": None},
        "svg": {"Date": None, "Creator": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    }
    paths = []
    # SVG element ids are random unless salted, and PDFs embed Type 3 fonts unless told
    # otherwise: both settings are read when saving, not when drawing
    with plt.rc_context({"svg.hashsalt": "raremetals", "pdf.fonttype": 42}):
        for fmt in formats:
            path = f"{stem}.{fmt}"
            fig.savefig(path, format=fmt, dpi=300, metadata=metadata[fmt])
            paths.append(path)
    plt.close(fig)
    return paths
