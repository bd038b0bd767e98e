"""Clean stage: the IEA's mining and refining by country as one tidy table."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.clean.countries import CountryResolver
from raremetals.clean.iea import parse_supply
from raremetals.core import catalogue
from raremetals.sources.fetch import read_record

inp, out = snakemake.input, snakemake.output
(json_file,) = [f["path"] for f in read_record(inp.record) if f["path"].endswith(".json")]
supply = parse_supply(
    json_file, inp.minerals, CountryResolver(inp.countries), Path(inp.record).stem
)
catalogue.write("iea_supply", supply, out.iea_supply)
