"""Audit stage: Table 3's 2009 production against BGS, cell by cell."""

from _helpers import configure

configure(snakemake)

from raremetals.audit.against_bgs import table3_against_bgs
from raremetals.audit.evidence import with_sentences
from raremetals.core import catalogue
from raremetals.core.text import load_languages
from raremetals.stats.long_run import load_plan

inp = snakemake.input
table = table3_against_bgs(
    catalogue.read("paper_table3_corrected", inp.table3),
    catalogue.read("bgs_production", inp.bgs),
    load_plan(inp.plan),
    catalogue.read("usgs_best_series", inp.best),
)
english = load_languages([inp.english])["en"]
table = with_sentences(table, ["why"], english)
catalogue.write("table3_against_bgs", table, snakemake.output.table3_against_bgs)
