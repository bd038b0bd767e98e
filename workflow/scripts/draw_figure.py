"""Render stage: one figure in every language, and its caption sidecar."""

from _helpers import configure

configure(snakemake)

import json
from pathlib import Path

from raremetals.core.io import atomic_write, write_table
from raremetals.core.text import load_languages
from raremetals.render.figures import FIGURES, build
from raremetals.render.figures.style import save

fig_id = snakemake.wildcards.fig
paths = {name: snakemake.input[name] for name in FIGURES[fig_id]}
config = {**snakemake.params.figures, "latest_edition": snakemake.params.latest_edition}
languages = load_languages(snakemake.input.languages)
figures, caption, plotted = build(fig_id, paths, config, languages)
out = Path(snakemake.output.caption).parent
for code, fig in figures.items():
    save(fig, str(out / f"{fig_id}.{code}"), formats=config["formats"])
write_table(plotted, snakemake.output.data)
caption["script"] = "workflow/scripts/draw_figure.py"
caption["files"] = sorted(Path(f).name for f in snakemake.output.files)
atomic_write(
    snakemake.output.caption,
    json.dumps(caption, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
)
