"""Report stage: execute the walk-through notebook with papermill and render it to HTML."""

from _helpers import configure

configure(snakemake)

from raremetals.render.notebook import execute

execute(
    snakemake.input.notebook,
    snakemake.output.ipynb,
    snakemake.output.html,
    dict(snakemake.params.parameters),
)
