"""Stats stage: the neodymium a year of wind additions needs (the paper's arithmetic)."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.gwec import wind_capacity
from raremetals.core import catalogue
from raremetals.stats.wind import wind_neodymium

wind = wind_capacity(catalogue.read("gwec_wind_2009", snakemake.input.gwec))
table = wind_neodymium(wind, snakemake.params.assumptions)
catalogue.write("wind_neodymium", table, snakemake.output.wind_neodymium)
