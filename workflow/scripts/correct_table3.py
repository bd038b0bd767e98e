"""Clean stage: apply the Table 3 corrections (one place for the corrected table and the
2009 statistics)."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.paper import apply_corrections
from raremetals.core import catalogue

table3 = catalogue.read("paper_table3", snakemake.input.table3)
corrected = apply_corrections(table3, snakemake.input.corrections)
catalogue.write("paper_table3_corrected", corrected, snakemake.output[0])
