"""Clean stage: China's export measures, the compiled table's rows and the project's."""

from _helpers import configure

configure(snakemake)

from raremetals.clean.export_controls import export_controls
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

[path] = paths_in(snakemake.input.record, "")
table = export_controls(path, snakemake.input.added)
catalogue.write("china_export_controls", table, snakemake.output[0])
