"""Stats stage: Japan's import sources today (UN Comtrade) beside Table 3's 2009."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue, schemas
from raremetals.core.io import read_tidy, write_table
from raremetals.stats.japan_imports import japan_imports

inp = snakemake.input
table = japan_imports(
    catalogue.read("japan_import_codes", inp.plan),
    read_tidy(inp.trade, schemas.COMTRADE_TRADE),
    read_tidy(inp.table3, schemas.TABLE3_CORRECTED),
)
write_table(schemas.JAPAN_IMPORTS.validate(table), snakemake.output.japan_imports)
