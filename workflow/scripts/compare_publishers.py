"""Stats stage: USGS against BGS, side by side."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats.second_source import usgs_against_bgs

inp = snakemake.input
table = usgs_against_bgs(
    catalogue.read("concentration_series", inp.series),
    catalogue.read("concentration", inp.concentration),
    catalogue.read("bgs_long_run", inp.long_run),
)
catalogue.write("usgs_bgs_comparison", table, snakemake.output.usgs_bgs_comparison)
