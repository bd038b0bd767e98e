"""Report stage: read `snakemake --rulegraph` on standard input, write it in a fixed
order (DOT) and drawn (PNG).

Usage: snakemake --rulegraph | python workflow/scripts/draw_rulegraph.py OUT.dot OUT.png
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from raremetals.io import atomic_write  # noqa: E402
from raremetals.plots import save  # noqa: E402
from raremetals.rulegraph import canonical_dot, draw  # noqa: E402

dot, png = sys.argv[1:3]
text = canonical_dot(sys.stdin.read())
atomic_write(dot, text)
save(draw(text), png.removesuffix(".png"), formats=("png",))
