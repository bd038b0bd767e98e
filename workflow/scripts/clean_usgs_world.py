"""Clean stage: every USGS world table of every edition into results/tidy/observations.csv,
the editions compared where they overlap (results/tidy/usgs_revisions.csv), each value in
every edition that gives it, the paper's 2009 alongside
(results/tidy/usgs_values_by_edition.csv) and the best series
(results/tidy/usgs_best_series.csv: each year from the latest edition that gives it)."""

from _helpers import configure

configure(snakemake)

import sys
from pathlib import Path

from raremetals.clean import editions
from raremetals.clean.layouts import clean_usgs_world
from raremetals.clean.usgs_reference import REFERENCE
from raremetals.core import catalogue
from raremetals.core.schemas.usgs import usgs_values_by_edition
from raremetals.sources.fetch import read_record

inp = snakemake.input
tables, notes = clean_usgs_world(
    {Path(r).stem: [f["path"] for f in read_record(r)] for r in inp.records},
    snakemake.params.releases,
    {name: inp[name] for name in REFERENCE},
)
# each value in every edition that gives it, the paper's beside
wanted = snakemake.params.editions
paper = editions.paper_values(catalogue.read("paper_table3_corrected", inp.table3))
tables["usgs_values_by_edition"] = usgs_values_by_edition(wanted).validate(
    editions.values_by_edition(tables["observations"], paper, wanted)
)
for note in notes:
    print(note, file=sys.stderr)
SORT = {
    "observations": ["edition", "commodity", "series", "measure", "year", "file", "row"],
    "usgs_best_series": ["commodity", "measure", "year", "series", "file", "row"],
}
for name, table in tables.items():
    catalogue.write(name, table, snakemake.output[name], sort_by=SORT.get(name))
