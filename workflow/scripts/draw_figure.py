"""Render stage: one figure in every language, and its caption sidecar."""

from _helpers import configure

configure(snakemake)

import json
from pathlib import Path

from raremetals.figures import build
from raremetals.io import atomic_write
from raremetals.plots import save

inputs = dict(snakemake.input.items())
config = {**snakemake.params.figures, "latest_edition": snakemake.params.latest_edition}
figures, caption = build(snakemake.wildcards.fig, inputs, config, snakemake.params.languages)
out = Path(snakemake.output.caption).parent
for lang, fig in figures.items():
    save(fig, str(out / f"{snakemake.wildcards.fig}.{lang}"))
caption["files"] = sorted(Path(f).name for f in snakemake.output.files)
atomic_write(snakemake.output.caption,
             json.dumps(caption, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
