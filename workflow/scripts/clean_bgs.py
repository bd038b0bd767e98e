"""Clean stage: BGS World Mineral Statistics exports as one tidy table."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.clean.bgs import Marks, load_series, parse_export
from raremetals.clean.countries import CountryResolver
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

inp = snakemake.input
series = load_series(inp.series)
marks = Marks(inp.marks)
resolver = CountryResolver(inp.countries)
source_id = Path(inp.record).stem
table = pd.concat(
    [parse_export(p, source_id, series, resolver, marks) for p in paths_in(inp.record, "/BGS_")],
    ignore_index=True,
)
catalogue.write(
    "bgs_production",
    table,
    snakemake.output.bgs_production,
    sort_by=["commodity", "series", "year", "country_code", "file", "row"],
)
