"""Stats stage: Japan's import dependence (2009) and US net import reliance."""

from _helpers import configure

configure(snakemake)

from raremetals import analysis, schemas
from raremetals.io import read_tidy, write_table

table3 = read_tidy(snakemake.input.table3, schemas.TABLE3_CORRECTED)
nir = read_tidy(snakemake.input.nir, schemas.NET_IMPORT_RELIANCE)
write_table(schemas.JAPAN_DEPENDENCY.validate(analysis.japan_dependency(table3)),
            snakemake.output.japan)
write_table(schemas.US_IMPORT_RELIANCE.validate(analysis.us_import_reliance(table3, nir)),
            snakemake.output.us, sort_by=["source", "commodity_label", "row"])
