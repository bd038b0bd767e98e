"""Report stage: the headline numbers as JSON and as LaTeX macros."""

from _helpers import configure

configure(snakemake)

from raremetals.cite import counts, numbers, stages
from raremetals.core import catalogue, schemas
from raremetals.core.io import atomic_write, read_tidy

i = snakemake.input
entries = numbers.headline_numbers(
    read_tidy(i.comparison, schemas.paper_comparison(snakemake.params.middle_year)),
    read_tidy(i.rp, schemas.RESERVES_TO_PRODUCTION),
    read_tidy(i.japan, schemas.JAPAN_DEPENDENCY),
    read_tidy(i.japan_today, schemas.JAPAN_IMPORTS),
    read_tidy(i.claims, schemas.CLAIMS_AUDIT),
    read_tidy(i.errata, schemas.TABLE3_ERRATA),
    files={k: i[k] for k in ("comparison", "rp", "japan", "japan_today", "claims", "errata")},
    middle_year=snakemake.params.middle_year,
)
entries += counts.evidence_numbers(read_tidy(i.claims, schemas.CLAIMS_AUDIT), i.claims)
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
