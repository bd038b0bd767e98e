"""Clean stage: every USGS world table of every edition into results/tidy/observations.csv,
the editions compared where they overlap (results/tidy/usgs_revisions.csv), each value in
every edition that gives it, the paper's 2009 alongside
(results/tidy/usgs_values_by_edition.csv) and the best series
(results/tidy/usgs_best_series.csv: each year from the latest edition that gives it)."""

from _helpers import configure

configure(snakemake)

import sys
from pathlib import Path

import pandas as pd

from raremetals.clean import accounting, editions
from raremetals.clean.cells import capacity_by_words
from raremetals.clean.commodities import load_commodities
from raremetals.clean.corrections import (
    apply_version_corrections,
    check_findings_apply,
    load_header_fixes,
    load_note_readings,
    load_unit_findings,
    mark_suspect,
)
from raremetals.clean.countries import CountryResolver
from raremetals.clean.layouts import ONE_TABLE
from raremetals.clean.per_commodity import parse_world_file
from raremetals.clean.usgs_tables import LEFT_OUT, CommodityNames
from raremetals.core.io import read_tidy, write_table
from raremetals.core.schemas import (
    OBSERVATIONS,
    TABLE3_CORRECTED,
    USGS_BEST_SERIES,
    USGS_REVISIONS,
    USGS_ROW_ACCOUNTING,
    usgs_values_by_edition,
)
from raremetals.sources.fetch import path_of, paths_in

inp = snakemake.input
resolver = CountryResolver(inp.countries)
commodities = load_commodities(inp.commodities)
names = CommodityNames(inp.commodities, inp.commodity_names)
fixes = load_header_fixes(inp.header_fixes)
findings = load_unit_findings(inp.units)
readings = load_note_readings(inp.note_readings)
frames, not_read, files = [], [], {}
for record in inp.records:
    source_id = Path(record).stem
    release = snakemake.params.releases[source_id]
    if release["layout"] == "per-commodity":
        for path in paths_in(record, "/world/", "_world.csv"):
            frames.append(
                parse_world_file(
                    path, source_id, commodities, resolver, fixes, findings, inp.units, readings
                )
            )
            files[Path(path).name] = (path, accounting.data_row_numbers(path))
        continue
    parse, encoding = ONE_TABLE[release["layout"]]
    path = path_of(record, release["table"])
    table, skipped = parse(path, source_id, names, resolver, findings, edition=release["edition"])
    frames.append(table)
    not_read += [dict(r, edition=release["edition"]) for r in skipped]
    files[Path(path).name] = (path, accounting.data_row_numbers(path, encoding))
    left_out = sorted({r["commodity_raw"] for r in skipped if r["reason"] == LEFT_OUT})
    if left_out:
        print(f"{Path(path).name}: chapters left out: {', '.join(left_out)}", file=sys.stderr)
# a file whose cells are all codes has no number: its value column is still a float one
# (only such frames are cast: a cast of each of 168 frames cost a second)
table = pd.concat(
    [f if f["value"].dtype == float else f.astype({"value": float}) for f in frames],
    ignore_index=True,
)
table = capacity_by_words(table)
table = apply_version_corrections(table, inp.version_corrections)
table = mark_suspect(table, inp.value_issues)
check_findings_apply(table, findings, inp.units)
table = accounting.assign_distributions(
    table, {c["commodity"]: c["name_en"] for c in commodities.values()}
)
accounting.check_one_unit(table)
accounting.check_repeated_series(table, inp.value_issues)
table = OBSERVATIONS.validate(table[list(OBSERVATIONS.columns)])
account = accounting.row_accounting(
    table, pd.DataFrame(not_read, columns=["edition", "file", "row", "commodity_raw", "reason"])
)
accounting.check_every_row(account, files)
revisions = editions.compare_editions(table, {f.id for f in findings if f.verdict == "revision"})
editions.check_unit_scale(revisions, inp.units)
out = snakemake.output
write_table(USGS_ROW_ACCOUNTING.validate(account), out.usgs_row_accounting)
write_table(
    table,
    out.observations,
    sort_by=["edition", "commodity", "series", "measure", "year", "file", "row"],
)
write_table(USGS_REVISIONS.validate(revisions), out.usgs_revisions)
paper = editions.paper_values(read_tidy(inp.table3, TABLE3_CORRECTED))
write_table(
    usgs_values_by_edition(snakemake.params.editions).validate(
        editions.values_by_edition(table, paper, snakemake.params.editions)
    ),
    out.usgs_values_by_edition,
)
write_table(
    USGS_BEST_SERIES.validate(editions.best_series(table)),
    out.usgs_best_series,
    sort_by=["commodity", "measure", "year", "series", "file", "row"],
)
