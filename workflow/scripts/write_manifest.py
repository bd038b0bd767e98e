"""Report stage: results/manifest.json, every output with its checksum and provenance."""

from _helpers import configure

configure(snakemake)

import json

from raremetals.cite.provenance import job_records, manifest
from raremetals.core.io import atomic_write

records = job_records(snakemake.input.records)
text = json.dumps(
    manifest(
        list(snakemake.input.outputs),
        records,
        list(snakemake.input.every_module),
        root=snakemake.params.root,
    ),
    indent=1,
)
atomic_write(snakemake.output[0], text + "\n")
