"""Clean stage: every USGS world table of every edition into results/tidy/observations.csv,
and the editions compared where they overlap (results/tidy/usgs_revisions.csv)."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.clean.editions import check_unit_scale, compare_editions
from raremetals.clean.usgs import (
    check_findings_apply,
    load_commodities,
    load_header_fixes,
    load_note_readings,
    load_unit_findings,
    mark_suspect,
    parse_world_file,
)
from raremetals.core.io import write_table
from raremetals.core.schemas import OBSERVATIONS, USGS_REVISIONS
from raremetals.sources.fetch import paths_in

inp = snakemake.input
resolver = CountryResolver(inp.countries)
commodities = load_commodities(inp.commodities)
fixes = load_header_fixes(inp.header_fixes)
findings = load_unit_findings(inp.units)
readings = load_note_readings(inp.note_readings)
frames = []
for record in inp.records:
    source_id = Path(record).stem
    for path in paths_in(record, "/world/", "_world.csv"):
        frames.append(
            parse_world_file(
                path, source_id, commodities, resolver, fixes, findings, inp.units, readings
            )
        )
table = mark_suspect(pd.concat(frames, ignore_index=True), inp.value_issues)
check_findings_apply(table, findings, inp.units)
table = OBSERVATIONS.validate(table)
revisions = compare_editions(table, {f.id for f in findings if f.verdict == "revision"})
check_unit_scale(revisions, inp.units)
write_table(
    table,
    snakemake.output.observations,
    sort_by=["edition", "commodity", "series", "measure", "year", "file", "row"],
)
write_table(USGS_REVISIONS.validate(revisions), snakemake.output.usgs_revisions)
