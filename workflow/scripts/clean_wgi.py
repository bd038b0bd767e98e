"""Clean stage: World Bank governance estimates into results/tidy/wgi_estimates.csv."""

from _helpers import configure

configure(snakemake)

from raremetals.countries import CountryResolver
from raremetals.fetch import paths_in
from raremetals.io import write_table
from raremetals.schemas import WGI
from raremetals.wgi import parse_wgi

[path] = paths_in(snakemake.input.record, "WGIData")
table = WGI.validate(parse_wgi(path, "worldbank_wgi", CountryResolver(snakemake.input.countries)))
write_table(table, snakemake.output[0], sort_by=["country_code", "dimension", "year"])
