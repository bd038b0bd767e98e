"""Stats stage: Japan's import dependence (2009) and US net import reliance."""

from _helpers import configure

configure(snakemake)

from raremetals.core import schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats.dependency import japan_dependency, us_import_reliance

table3 = read_tidy(snakemake.input.table3, schemas.TABLE3_CORRECTED)
nir = read_tidy(snakemake.input.nir, schemas.NET_IMPORT_RELIANCE)
write_table(
    schemas.JAPAN_DEPENDENCY.validate(japan_dependency(table3)),
    snakemake.output.japan_import_dependency_2009,
)
write_table(
    schemas.US_IMPORT_RELIANCE.validate(us_import_reliance(table3, nir)),
    snakemake.output.us_import_reliance,
    sort_by=["source", "commodity_label", "row"],
)
