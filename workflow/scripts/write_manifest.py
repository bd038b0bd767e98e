"""Report stage: results/manifest.json, every output with its checksum and provenance."""

from _helpers import configure

configure(snakemake)

import json

from raremetals.io import atomic_write
from raremetals.provenance import manifest

atomic_write(snakemake.output[0],
             json.dumps(manifest(list(snakemake.input.outputs)), indent=1) + "\n")
