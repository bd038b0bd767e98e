"""Audit stage: World Mining Data's printed indices reproduced from its own rows."""

from _helpers import configure

configure(snakemake)

from raremetals.audit.peer.printed_index import check_printed_indices
from raremetals.clean.wmd import load_minerals, read_printed_indices
from raremetals.core import catalogue, schemas
from raremetals.core.io import write_table
from raremetals.sources.fetch import read_record

inp = snakemake.input
(volume,) = [f["path"] for f in read_record(inp.record) if f["path"].endswith("WMD2017.pdf")]
# vol. 32 (2017) prints its index for 2015, the last year of its tables and the workbook's
printed = read_printed_indices(volume, 2015, load_minerals(inp.minerals))
checked = check_printed_indices(catalogue.read("wmd_production", inp.production), printed)
write_table(schemas.WMD_INDEX_CHECK.validate(checked), snakemake.output.wmd_index_check)
