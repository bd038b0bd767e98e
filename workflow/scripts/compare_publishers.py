"""Stats stage: USGS against BGS, side by side."""

from _helpers import configure

configure(snakemake)

from raremetals.core import schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats.second_source import usgs_against_bgs

inp = snakemake.input
table = usgs_against_bgs(
    read_tidy(inp.series, schemas.CONCENTRATION_SERIES),
    read_tidy(inp.concentration, schemas.CONCENTRATION),
    read_tidy(inp.long_run, schemas.BGS_LONG_RUN),
)
write_table(schemas.USGS_BGS.validate(table), snakemake.output.usgs_bgs_comparison)
