"""Render stage: the paper's tables in CSV, Markdown, LaTeX and HTML, in every language."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.core import catalogue
from raremetals.core.io import atomic_write
from raremetals.core.text import load_languages, translated_corrections
from raremetals.render import paper_tables, tables

i = snakemake.input
inputs = {
    name: catalogue.read(name, i[key])
    for key, name in {
        "table3": "paper_table3_corrected",
        "commodities": "commodities",
        "elements": "elements",
        "controls": "china_export_controls",
        "measures": "china_export_measures",
        "stages": "mining_and_processing",
        "horizon": "horizon",
    }.items()
}
evidence = translated_corrections(i.evidence)
made = paper_tables.make(inputs, load_languages(i.languages), evidence)
for path in snakemake.output:
    name, ext = Path(path).name.rsplit(".", 1)
    atomic_write(path, tables.RENDERERS[ext](made[name]))
