"""Report stage: results/sources.bib (BibTeX of every source) and results/datapackage.json
(a Frictionless Data Package of every table)."""

from _helpers import configure

configure(snakemake)

import json
from pathlib import Path

from raremetals.cite.bibliography import bibtex
from raremetals.cite.datapackage import datapackage
from raremetals.cite.provenance import job_records
from raremetals.core import catalogue
from raremetals.core.io import atomic_write
from raremetals.sources.registry import load_registry

registry = load_registry(snakemake.input.registry)
atomic_write(snakemake.output.bib, bibtex(registry))
tables = [t for t in catalogue.TABLES.values() if t.stage != "data"]
package = datapackage(
    tables,
    {t.name: catalogue.schema(t.name, **snakemake.params.settings) for t in tables},
    job_records(Path(snakemake.params.logs).rglob("*.job.json")),
    registry,
    snakemake.params.version,
)
atomic_write(snakemake.output.package, json.dumps(package, ensure_ascii=False, indent=1) + "\n")
