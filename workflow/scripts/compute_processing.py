"""Stats stage: the processing stage beside mining, the IEA's projections, the horizon."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue, schemas
from raremetals.core.io import read_reference, write_table
from raremetals.stats.outlook import horizon, iea_outlook
from raremetals.stats.processing import (
    aggregate_holdings,
    load_plan,
    mining_and_processing,
    processing_statistics,
)

inp, out = snakemake.input, snakemake.output
plan, iea = load_plan(inp.plan), catalogue.read("iea_supply", inp.iea)
series = catalogue.read("concentration_series", inp.series)
conc = processing_statistics(
    plan,
    catalogue.read("bgs_production", inp.bgs),
    aggregate_holdings(read_reference(inp.bgs_series)),
    iea,
)
stages = mining_and_processing(
    plan, conc, iea, catalogue.read("bgs_long_run", inp.long_run), series
)
write_table(schemas.MINING_AND_PROCESSING.validate(stages), out.mining_and_processing)
outlook = iea_outlook(iea)
write_table(schemas.IEA_OUTLOOK.validate(outlook), out.iea_outlook)
write_table(schemas.HORIZON.validate(horizon(outlook, series, conc)), out.horizon)
