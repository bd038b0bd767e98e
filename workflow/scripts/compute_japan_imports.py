"""Stats stage: Japan's import sources today (UN Comtrade) beside Table 3's 2009."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats.japan_imports import japan_imports

inp = snakemake.input
table = japan_imports(
    catalogue.read("japan_import_codes", inp.plan),
    catalogue.read("comtrade_japan", inp.trade),
    catalogue.read("paper_table3_corrected", inp.table3),
)
catalogue.write("japan_imports", table, snakemake.output.japan_imports)
