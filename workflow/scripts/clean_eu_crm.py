"""Clean stage: the EU's criticality assessments as three tidy tables."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.clean.countries import CountryResolver
from raremetals.clean.eu_crm import parse_assessments
from raremetals.core import schemas
from raremetals.core.io import write_table
from raremetals.sources.fetch import read_record

inp, out = snakemake.input, snakemake.output
tables = parse_assessments(
    [f["path"] for f in read_record(inp.record)],
    Path(inp.record).stem,
    CountryResolver(inp.countries),
)
write_table(schemas.EU_CRM_SCORES.validate(tables["scores"]), out.eu_crm_scores)
write_table(
    schemas.EU_SUPPLY_SHARES.validate(tables["shares"]),
    out.eu_supply_shares_2023,
    sort_by=["material", "stage", "country_code"],
)
write_table(schemas.EU_CRM_2010.validate(tables["list_2010"]), out.eu_crm_2010)
