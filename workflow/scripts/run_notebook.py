"""Report stage: execute the walk-through notebook with papermill and render it to HTML."""

from _helpers import configure

configure(snakemake)

from raremetals.render.notebook import execute

execute(
    snakemake.input.notebook,
    snakemake.output.ipynb,
    snakemake.output.html,
    # the clone's names table, from the working folder, which may be another (snakemake -d)
    {**snakemake.params.parameters, "commodities": snakemake.input.commodities},
)
