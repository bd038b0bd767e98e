"""Audit stage: Table 3's 2009 production three ways (USGS, BGS, World Mining Data)."""

from _helpers import configure

configure(snakemake)

from raremetals.audit.evidence import with_sentences
from raremetals.audit.three_ways import table3_three_ways
from raremetals.core import catalogue
from raremetals.core.text import load_languages
from raremetals.stats.second_source import usgs_bases

inp = snakemake.input
table = table3_three_ways(
    catalogue.read("paper_table3_corrected", inp.table3),
    catalogue.read("table3_against_bgs", inp.against_bgs),
    catalogue.read("wmd_volumes", inp.wmd),
    usgs_bases(catalogue.read("usgs_best_series", inp.best)),
)
english = load_languages([inp.english])["en"]
table = with_sentences(table, ["bgs_why", "wmd_why"], english)
catalogue.write("table3_three_ways", table, snakemake.output.table3_three_ways)
