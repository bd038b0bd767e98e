"""Clean stage: the paper's claims or one compiled source table, kept as printed, with the
line each row came from."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.core.io import read_as_printed, write_table
from raremetals.core.schemas import AS_PRINTED
from raremetals.sources.fetch import paths_in

source = Path(snakemake.input.record).stem
schema = AS_PRINTED[source]
[path] = paths_in(snakemake.input.record, "claims.csv" if source == "paper" else "")
write_table(read_as_printed(path, schema), snakemake.output[0])
