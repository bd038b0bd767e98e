"""Audit stage: Table 3's 2009 production against BGS, cell by cell."""

from _helpers import configure

configure(snakemake)

from raremetals.audit.against_bgs import table3_against_bgs
from raremetals.core import schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats.long_run import load_plan

inp = snakemake.input
table = table3_against_bgs(
    read_tidy(inp.table3, schemas.TABLE3_CORRECTED),
    read_tidy(inp.bgs, schemas.BGS_PRODUCTION),
    load_plan(inp.plan),
    read_tidy(inp.best, schemas.USGS_BEST_SERIES),
)
write_table(schemas.TABLE3_AGAINST_BGS.validate(table), snakemake.output.table3_against_bgs)
