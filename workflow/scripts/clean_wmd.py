"""Clean stage: World Mining Data's workbook as one tidy table."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.countries import CountryResolver
from raremetals.clean.wmd import load_minerals, read_workbook
from raremetals.core import catalogue
from raremetals.sources.fetch import read_record

inp = snakemake.input
(workbook,) = [f["path"] for f in read_record(inp.record) if f["path"].endswith(".xlsx")]
table = read_workbook(workbook, load_minerals(inp.minerals), CountryResolver(inp.countries))
catalogue.write("wmd_production", table, snakemake.output.wmd_production)
