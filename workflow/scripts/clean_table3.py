"""Clean stage: the paper's Table 3 as printed into results/tidy/paper_table3.csv."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.commodities import load_commodities
from raremetals.clean.countries import CountryResolver
from raremetals.clean.paper import parse_table3
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

[path] = paths_in(snakemake.input.record, "table3_as_printed")
table = parse_table3(
    path,
    "paper",
    load_commodities(snakemake.input.commodities),
    CountryResolver(snakemake.input.countries),
)
catalogue.write("paper_table3", table, snakemake.output[0])
