"""Clean stage: the paper's claims or one compiled source table, kept as printed, with the
line each row came from."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.core.io import read_as_printed
from raremetals.sources.fetch import paths_in

table = snakemake.wildcards.table
source = catalogue.TABLES[table].source
[path] = paths_in(snakemake.input.record, "claims.csv" if source == "paper" else "")
catalogue.write(table, read_as_printed(path, catalogue.schema(table)), snakemake.output[0])
