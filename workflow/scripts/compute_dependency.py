"""Stats stage: Japan's import dependence (2009) and US net import reliance."""

from _helpers import configure

configure(snakemake)

from raremetals.core import catalogue
from raremetals.stats.dependency import japan_dependency, us_import_reliance

table3 = catalogue.read("paper_table3_corrected", snakemake.input.table3)
nir = catalogue.read("usgs_net_import_reliance", snakemake.input.nir)
catalogue.write(
    "japan_import_dependency_2009",
    japan_dependency(table3),
    snakemake.output.japan_import_dependency_2009,
)
catalogue.write(
    "us_import_reliance",
    us_import_reliance(table3, nir),
    snakemake.output.us_import_reliance,
    sort_by=["source", "commodity_label", "row"],
)
