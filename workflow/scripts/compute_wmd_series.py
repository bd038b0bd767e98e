"""Stats stage: World Mining Data's series of the paper's metals, 2007-2015."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats.second_source import usgs_bases
from raremetals.stats.third_publisher import wmd_series

inp = snakemake.input
bases = usgs_bases(catalogue.read("usgs_best_series", inp.best))
table = wmd_series(catalogue.read("wmd_volumes", inp.wmd), bases)
catalogue.write("wmd_series", table, snakemake.output.wmd_series)
