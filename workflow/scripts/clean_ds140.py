"""Clean stage: USGS Data Series 140, rare earths 1900-2020, as a tidy table."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.clean.ds140 import parse_workbook
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

record = snakemake.input.record
(path,) = paths_in(record, "/ds140-rare-earths", ".xlsx")
table = parse_workbook(path, Path(record).stem)
catalogue.write("ds140_rare_earths", table, snakemake.output.ds140_rare_earths)
