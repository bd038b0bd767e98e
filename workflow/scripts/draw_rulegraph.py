"""Report stage: the workflow's rule graph as Snakemake gives it, written in a fixed order
(DOT) and drawn (PNG)."""

from _helpers import configure

configure(snakemake)

import subprocess
import sys

from raremetals.core.io import atomic_write
from raremetals.render.figures.style import save
from raremetals.render.rulegraph import canonical_dot, draw

graph = subprocess.run(
    [
        sys.executable,
        "-m",
        "snakemake",
        "--rulegraph",
        "--nolock",
        "--quiet",
        "--snakefile",
        snakemake.input.snakefiles[0],
        "all",
    ],
    capture_output=True,
    text=True,
    check=True,
).stdout
text = canonical_dot(graph)
atomic_write(snakemake.output.dot, text)
save(draw(text), snakemake.output.png.removesuffix(".png"), formats=("png",), preview=False)
