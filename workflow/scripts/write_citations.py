"""Report stage: results/sources.bib (BibTeX of every source) and results/datapackage.json
(a Frictionless Data Package of every table and figure's values)."""

from _helpers import configure

configure(snakemake)

import json
from collections import namedtuple
from pathlib import Path

from raremetals.cite.bibliography import bibtex
from raremetals.cite.datapackage import datapackage
from raremetals.cite.provenance import job_records
from raremetals.core import catalogue
from raremetals.core.io import atomic_write
from raremetals.core.schemas.figures import FIGURE_DATA
from raremetals.sources.registry import load_registry

FigureData = namedtuple("FigureData", "name path description")
registry = load_registry(snakemake.input.registry)
atomic_write(snakemake.output.bib, bibtex(registry))
tables = [t for t in catalogue.TABLES.values() if t.stage != "data"]
schemas = {t.name: catalogue.schema(t.name, **snakemake.params.settings) for t in tables}
for path in snakemake.input.figure_data:
    name = Path(path).name.removesuffix(".csv").replace(".", "_")
    figure = name.removesuffix("_data")
    tables.append(FigureData(name, path, f"The values {figure} draws, each with its table row"))
    schemas[name] = FIGURE_DATA
package = datapackage(
    tables,
    schemas,
    job_records(snakemake.input.records),
    registry,
    snakemake.params.version,
)
atomic_write(snakemake.output.package, json.dumps(package, ensure_ascii=False, indent=1) + "\n")
