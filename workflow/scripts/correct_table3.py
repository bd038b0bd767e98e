"""Clean stage: apply the Table 3 corrections (one place for the corrected table and the
2009 statistics)."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.paper import apply_corrections
from raremetals.core.io import read_tidy, write_table
from raremetals.core.schemas import TABLE3, TABLE3_CORRECTED

table3 = read_tidy(snakemake.input.table3, TABLE3)
corrected = apply_corrections(table3, snakemake.input.corrections)
write_table(TABLE3_CORRECTED.validate(corrected), snakemake.output[0])
