"""Clean stage: the EU's criticality assessments as three tidy tables."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.clean.countries import CountryResolver
from raremetals.clean.eu_crm import parse_assessments
from raremetals.core import catalogue
from raremetals.sources.fetch import read_record

inp, out = snakemake.input, snakemake.output
tables = parse_assessments(
    [f["path"] for f in read_record(inp.record)],
    Path(inp.record).stem,
    CountryResolver(inp.countries),
)
catalogue.write("eu_crm_scores", tables["scores"], out.eu_crm_scores)
catalogue.write(
    "eu_supply_shares_2023",
    tables["shares"],
    out.eu_supply_shares_2023,
    sort_by=["material", "stage", "country_code"],
)
catalogue.write("eu_crm_2010", tables["list_2010"], out.eu_crm_2010)
