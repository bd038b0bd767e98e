"""Clean stage: the paper's claims and the compiled source tables, kept as printed, with
the line each row came from."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.fetch import paths_in
from raremetals.io import read_as_printed, write_table
from raremetals.schemas import AS_PRINTED

outputs = {Path(p).stem: p for p in snakemake.output}
for record in snakemake.input.records:
    schema = AS_PRINTED[Path(record).stem]
    [path] = paths_in(record, "claims.csv" if schema.name == "paper_claims" else "")
    write_table(read_as_printed(path, schema), outputs[schema.name])
