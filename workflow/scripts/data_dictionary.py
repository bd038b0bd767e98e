"""Write the data dictionary of each results folder (tidy, stats, audit) from the schemas
of the tables the catalogue lists there."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue, schemas
from raremetals.core.io import write_table

for stage, path in zip(catalogue.STAGES, snakemake.output):
    tables = {
        t.name: catalogue.schema(t.name, **snakemake.params.settings)
        for t in catalogue.of_stage(stage)
    }
    write_table(schemas.data_dictionary(tables), path)
