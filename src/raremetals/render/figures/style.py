"""What every figure shares: colours, the typeface, the source line under the image, and
saving the same bytes for the same figure.

Fonts are named by the language catalogues (``font:``). Both languages use IPAexGothic,
shipped by the ``matplotlib-fontja`` package and registered with matplotlib on first use,
so that an English and a Japanese figure set side by side look alike.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, cast

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.transforms  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from raremetals.core.io import atomic_write  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
    from PIL.Image import Image

# One meaning per hue across the figures (a test holds the modules to these names); greys
# rank or set apart only what their legend says.
CHINA = "#c0392b"  # China: its shares, its quotas and measures
CHINA_SHADES = ("#922b21", "#e6b0aa", "#f5b7b1")  # parts of China's quotas (batches, halves)
JAPAN = "#ca6f1e"  # Japan
USA = "#1a5276"  # the United States
LATEST = "#148f77"  # today's data: the latest year, the USGS series of 2020 on
PAPER = "#7f8c8d"  # 2009 as the paper's Table 3 gives it
THIRD = "#9a7d0a"  # World Mining Data, the third publisher (Figures 10 and 12)
# World Mining Data's points (Figures 9, 10, 12): hollow diamonds, dashed where joined
THIRD_MARK: dict[str, Any] = {"marker": "D", "ms": 3, "mfc": "white", "lw": 0.9, "ls": "--"}
PRICE = "#7d3c98"  # prices and unit values
INK = "#273746"  # emphasis with no meaning of its own (the paper's twelve metals)
GREYS = ["#5d6d7e", "#85929e", "#aeb6bf"]
REST = "#e5e8e8"
PALE = "#f2f3f4"
# Neutral greys for text and lines that mean nothing of their own, darkest first
ON_FILL = "#222"  # a label on a pale fill
POINTER = "#333"  # an arrow that points at a label
NOTE_DARK = "#444"  # the source line and a figure's own notes
NOTE = "#555"  # annotations, a line that marks a date or a change of scope
NOTE_LIGHT = "#666"  # secondary labels and notes under a figure
EARLIER = "#777"  # the label of an earlier year beside the latest
EVENT = "#888"  # an event line, the arrow of a move
REFERENCE = "#999"  # a reference line (parity, zero), a bound's fill
FAINT = "#bbb"  # a break in a series, a diagonal, the segment between two stages
GRID = "#eee"  # gridlines
BANDS = ("#eafaf1", "#fef9e7", "#fdedec")  # DOJ/FTC: unconcentrated, moderate, high
MARKS = {"rare_metal": "#f9e79f", "ree": "#aed6f1", "": PALE}  # Table 1's two marks
FORMATS = ("png", "pdf")  # the default of config figures.formats
RASTER = {"jpg": "JPEG", "tif": "TIFF", "webp": "WEBP"}  # written from the PNG's pixels


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


SOURCE_GID = "source_line"


def embolden(text, color: str = "black") -> None:
    """Set a text in bold. IPAexGothic has no bold face, so the glyphs are thickened
    with an outline of their own colour, which matplotlib draws in every format."""
    from matplotlib import patheffects

    text.set_path_effects([patheffects.withStroke(linewidth=0.5, foreground=color)])
    text.set_gid(f"{text.get_gid()}:bold" if text.get_gid() else "bold")


def wrap(text: str, width: float) -> str:
    """``text`` broken into lines of at most ``width`` columns, a CJK character counting
    as two; lines break at spaces where there are any, else anywhere (Japanese)."""
    lines, line, size, space = [], "", 0.0, -1
    for char in text:
        line += char
        size += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if char == " ":
            space = len(line)
        if size > width:
            cut = space if space > 0 else len(line) - 1
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
            size = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
            space = -1
    return "\n".join([*lines, line])


def columns(fig: Figure, fontsize: float) -> float:
    """How many columns of text (a CJK character counting two) span the figure's width."""
    return fig.get_figwidth() * 72 / (fontsize * 0.55)


def source_line(fig: Figure, text: str) -> None:
    """Print the figure's sources and data years under it, across its width, so that the
    image carries them wherever it is pasted (saving keeps everything drawn). Large and
    dark enough to be read where the report shows the figure at a page's width."""
    fontsize = 8.5
    fig.text(
        0.01,
        -0.005,
        wrap(text, columns(fig, fontsize)),
        ha="left",
        va="top",
        fontsize=fontsize,
        color=NOTE_DARK,
        linespacing=1.4,
        gid=SOURCE_GID,
    )


# where a point's label may go, in points from it: right, then left, above, below
OFFSETS = (
    (5, 3, "left", "bottom"),
    (5, -3, "left", "top"),
    (-5, 3, "right", "bottom"),
    (-5, -3, "right", "top"),
    (0, 7, "center", "bottom"),
    (0, -7, "center", "top"),
    (9, 0, "left", "center"),
    (-9, 0, "right", "center"),
)


def place_labels(ax, labels, avoid=(), marker_px: float = 5.0) -> list:
    """Annotate points so that no two labels, and no label and marker, overlap.

    ``labels``: (x, y, text, text keyword arguments). Each label takes the first offset
    of ``OFFSETS`` whose box, as the renderer measures it, stays inside the axes and
    clear of every marker (the labelled points and the points of ``avoid``) and of the
    labels placed before it; one that finds no such place takes the least crowded.
    Call it after the layout is final (tight_layout).
    """
    renderer = agg_renderer(ax.figure)
    frame = ax.get_window_extent(renderer)
    taken = []
    for x, y, _, _ in [*labels, *avoid]:
        px, py = ax.transData.transform((x, y))
        taken.append(
            matplotlib.transforms.Bbox.from_extents(
                px - marker_px, py - marker_px, px + marker_px, py + marker_px
            )
        )
    placed = []
    for x, y, text, kwargs in labels:
        best = None
        for dx, dy, ha, va in OFFSETS:
            note = ax.annotate(
                text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, **kwargs
            )
            box = note.get_window_extent(renderer)
            clashes = sum(box.overlaps(other) for other in taken)
            outside = not (frame.x0 <= box.x0 and box.x1 <= frame.x1 + 40 and frame.y0 <= box.y0)
            score = clashes + 10 * outside
            if best is None or score < best[0]:
                if best is not None:
                    best[1].remove()
                best = (score, note, box)
            else:
                note.remove()
            if score == 0:
                break
        assert best is not None  # OFFSETS is not empty
        taken.append(best[2])
        placed.append(best[1])
    return placed


def axis_break(ax, x: float, half: float = 0.3) -> None:
    """Break the x axis at ``x`` (data units), as a broken axis is printed: a gap in the
    spine with a slanted stroke at each end, so that years not drawn are not read as one
    step of the axis."""
    on_spine = matplotlib.transforms.blended_transform_factory(ax.transData, ax.transAxes)
    ax.plot(
        [x - half, x + half],
        [0, 0],
        color="white",
        lw=3,
        transform=on_spine,
        clip_on=False,
        zorder=5,
        gid="axis_break",
    )
    ax.plot(
        [x - half, x + half],
        [0, 0],
        ls="none",
        marker=[(-1, -2), (1, 2)],
        ms=7,
        mew=1,
        color="black",
        transform=on_spine,
        clip_on=False,
        zorder=6,
    )


EARLY_YEARS = range(2009, 2016)  # 2009 (the paper) and the years World Mining Data fills
BREAK = len(EARLY_YEARS)  # where the axis of Figures 9 and 10 breaks (2016-2019)


def series_slots(later_years) -> dict[int, int]:
    """Each year's place on the axis of Figures 9 and 10: 2009-2015, a break, then the
    USGS's years."""
    return {y: i for i, y in enumerate(EARLY_YEARS)} | {
        y: BREAK + 1 + i for i, y in enumerate(later_years)
    }


def runs(xs: Sequence[float], ys: Sequence[float]) -> tuple[list[float], list[float]]:
    """Points to draw as one line that breaks where the x steps by more than one (a
    year missing): a NaN is put between, which matplotlib does not join."""
    out_x, out_y = [], []
    for i, (x, y) in enumerate(zip(xs, ys)):
        if i and x - xs[i - 1] > 1:
            out_x.append((x + xs[i - 1]) / 2)
            out_y.append(float("nan"))
        out_x.append(x)
        out_y.append(y)
    return out_x, out_y


DPI = 300  # the PNGs, and the resolution of the images in the PDFs and SVGs
PREVIEW_DPI = 120  # the report's images: sharp at the page's width
METADATA = {  # no dates or version stamps: the same bytes for the same figure
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None},
    "eps": {"CreationDate": None},
    "ps": {"CreationDate": None},
}


def save(fig: Figure, stem: str, formats=FORMATS, preview: bool = True) -> list[str]:
    """Write ``stem.<format>`` for each format and, with ``preview``, the report's smaller
    copy of the PNG as ``stem.preview.png``; returns the paths written."""
    paths = []
    # SVG element ids are random unless salted, and PDFs embed Type 3 fonts unless told
    # otherwise: both settings are read when saving, not when drawing. The PDF writer
    # also reads ps.fonttype: at 3 it splits the typeface into one subset of the first
    # 256 characters and another of the rest, two passes of the font subsetter over the
    # whole Japanese face, and two embedded fonts in each PDF
    with plt.rc_context(
        {
            "svg.hashsalt": "raremetals",
            "pdf.fonttype": 42,
            "ps.fonttype": 42,
            "figure.autolayout": False,
            "figure.constrained_layout.use": False,
        }
    ):
        # the layout is final: savefig draws a figure that keeps a layout engine (even
        # the place-holder tight_layout leaves) once more, to lay it out again; with the
        # two settings above off, None leaves it none
        fig.set_layout_engine(None)
        # the image is cut to what is drawn (the source line lies below the axes' frame);
        # the box is measured once, not by a draw of its own in each format
        box = fig.get_tightbbox(agg_renderer(fig)).padded(0.15)
        image = None
        for fmt in formats:
            path = f"{stem}.{fmt}"
            if fmt == "png" or fmt in RASTER:
                image = image or _raster(fig, box)
                if fmt == "png":
                    atomic_write(path, _png(image, dpi=DPI))
                    if preview:
                        atomic_write(f"{stem}.preview.png", _preview(image))
                        paths.append(f"{stem}.preview.png")
                else:
                    atomic_write(path, _image_bytes(image.convert("RGB"), RASTER[fmt], DPI))
            else:
                vector = io.BytesIO()
                fig.savefig(vector, format=fmt, dpi=DPI, metadata=METADATA[fmt], bbox_inches=box)
                atomic_write(path, vector.getvalue())
            paths.append(path)
    plt.close(fig)
    return paths


def agg_renderer(fig) -> RendererAgg:
    """The renderer of a figure's canvas: every figure here is drawn by Agg."""
    return cast("FigureCanvasAgg", fig.canvas).get_renderer()


def _raster(fig: Figure, box) -> Image:
    """The figure drawn by Agg at ``DPI`` within ``box``, as an image: the pixels
    matplotlib's own PNG writer would encode, kept so that the preview is made from them
    rather than from the PNG read back."""
    import numpy as np
    from PIL import Image

    fig.savefig(io.BytesIO(), format="rgba", dpi=DPI, bbox_inches=box)
    # the canvas holds the image it has just drawn, with its shape
    return Image.fromarray(np.array(cast("FigureCanvasAgg", fig.canvas).buffer_rgba()))


def _png(image, dpi: int | None = None) -> bytes:
    return _image_bytes(image, "PNG", dpi)


def _image_bytes(image, kind: str, dpi: int | None = None, **options) -> bytes:
    buffer = io.BytesIO()
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.save(buffer, format=kind, **options)
    return buffer.getvalue()


def _preview(image) -> bytes:
    """The PNG at ``PREVIEW_DPI``, reduced to 256 colours: a fifth of the bytes, the same
    bytes for the same image. (Resampled in two steps, which takes two thirds of the time
    of one Lanczos pass and looks the same. The median cut keeps the white background
    white, where the faster octree palette tints it grey.)"""
    from PIL import Image

    scale = PREVIEW_DPI / DPI
    size = (round(image.width * scale), round(image.height * scale))
    small = image.convert("RGB").resize(size, Image.Resampling.LANCZOS, reducing_gap=2.0)
    return _png(small.quantize(256, method=Image.Quantize.MEDIANCUT))
