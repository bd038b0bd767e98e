"""Clean stage: World Bank governance estimates into results/tidy/wgi_estimates.csv."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.countries import CountryResolver
from raremetals.clean.wgi import parse_wgi
from raremetals.core.io import write_table
from raremetals.core.schemas.tidy import WGI
from raremetals.sources.fetch import paths_in

[path] = paths_in(snakemake.input.record, "WGIData")
table = WGI.validate(parse_wgi(path, "worldbank_wgi", CountryResolver(snakemake.input.countries)))
write_table(table, snakemake.output[0], sort_by=["country_code", "dimension", "year"])
