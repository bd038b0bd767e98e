"""Clean stage: World Bank governance estimates into results/tidy/wgi_estimates.csv."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.countries import CountryResolver
from raremetals.clean.wgi import parse_wgi
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

[path] = paths_in(snakemake.input.record, "WGIData")
table = parse_wgi(path, "worldbank_wgi", CountryResolver(snakemake.input.countries))
catalogue.write(
    "wgi_estimates", table, snakemake.output[0], sort_by=["country_code", "dimension", "year"]
)
