"""Stats stage: China's share and the HHI of production from BGS, year by year."""

from _helpers import configure

configure(snakemake)

from raremetals.core import schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats.long_run import load_plan, long_run

inp = snakemake.input
table = long_run(read_tidy(inp.bgs, schemas.BGS_PRODUCTION), load_plan(inp.plan))
write_table(schemas.BGS_LONG_RUN.validate(table), snakemake.output.bgs_long_run)
