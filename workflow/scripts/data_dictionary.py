"""Write the data dictionary of a results folder (tidy, stats, audit) from its schemas."""

from _helpers import configure

configure(snakemake)

from raremetals import schemas
from raremetals.io import write_table

group = {"tidy": schemas.TIDY_SCHEMAS, "stats": schemas.STATS_SCHEMAS,
         "audit": schemas.AUDIT_SCHEMAS}[snakemake.wildcards.stage]
write_table(schemas.data_dictionary(group), snakemake.output[0])
