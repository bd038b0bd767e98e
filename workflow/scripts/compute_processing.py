"""Stats stage: the processing stage beside mining, the IEA's projections, the horizon."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.core.io import read_reference
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
catalogue.write("mining_and_processing", stages, out.mining_and_processing)
outlook = iea_outlook(iea)
catalogue.write("iea_outlook", outlook, out.iea_outlook)
catalogue.write("horizon", horizon(outlook, series, conc), out.horizon)
