"""Stats stage: China's share and the HHI of production from BGS, year by year."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats.long_run import load_plan, long_run

inp = snakemake.input
table = long_run(catalogue.read("bgs_production", inp.bgs), load_plan(inp.plan))
catalogue.write("bgs_long_run", table, snakemake.output.bgs_long_run)
