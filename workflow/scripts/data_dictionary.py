"""Write the data dictionary of the tidy tables from their schemas."""

from _helpers import configure

configure(snakemake)

from raremetals.io import write_table
from raremetals.schemas import data_dictionary

write_table(data_dictionary(), snakemake.output[0])
