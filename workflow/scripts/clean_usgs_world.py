"""Clean stage: every USGS world table of every edition into results/tidy/observations.csv."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.countries import CountryResolver
from raremetals.fetch import paths_in
from raremetals.io import write_table
from raremetals.schemas import OBSERVATIONS
from raremetals.usgs import load_commodities, load_header_fixes, mark_suspect, parse_world_file

resolver = CountryResolver(snakemake.input.countries)
commodities = load_commodities(snakemake.input.commodities)
fixes = load_header_fixes(snakemake.input.header_fixes)
frames = []
for record in snakemake.input.records:
    source_id = Path(record).stem
    for path in paths_in(record, "/world/", "_world.csv"):
        frames.append(parse_world_file(path, source_id, commodities, resolver, fixes))
table = mark_suspect(pd.concat(frames, ignore_index=True), snakemake.input.value_issues)
table = OBSERVATIONS.validate(table)
write_table(table, snakemake.output[0],
            sort_by=["edition", "commodity", "series", "measure", "year", "file", "row"])
