"""Report stage: the headline numbers as JSON and as LaTeX macros."""

from _helpers import configure

configure(snakemake)

from raremetals.cite import counts, numbers, stages
from raremetals.core import catalogue
from raremetals.core.io import atomic_write

i = snakemake.input
entries = numbers.headline_numbers(
    catalogue.read("paper_metals_comparison", i.comparison),
    catalogue.read("reserves_to_production", i.rp),
    catalogue.read("japan_import_dependency_2009", i.japan),
    catalogue.read("japan_imports", i.japan_today),
    catalogue.read("claims_audit", i.claims),
    catalogue.read("table3_errata", i.errata),
    files={k: i[k] for k in ("comparison", "rp", "japan", "japan_today", "claims", "errata")},
    middle_year=snakemake.params.middle_year,
)
entries += counts.evidence_numbers(catalogue.read("claims_audit", i.claims), i.claims)
kinds = catalogue.read("china_export_measures", i.measures)
entries += counts.export_measure_numbers(
    catalogue.read("china_export_controls", i.controls),
    dict(zip(kinds["fact_id"], kinds["kind"])),
    i.controls,
)
entries += stages.processing_numbers(
    catalogue.read("mining_and_processing", i.stages),
    catalogue.read("processing_series", i.plan),
    {"stages": i.stages, "plan": i.plan},
)
entries.sort(key=lambda n: n["key"])
atomic_write(snakemake.output.json, numbers.to_json(entries))
atomic_write(snakemake.output.tex, numbers.to_tex(entries))
