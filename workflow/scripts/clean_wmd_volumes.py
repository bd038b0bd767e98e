"""Clean stage: the paper's metals in World Mining Data's PDFs, every volume, one table."""

from _helpers import configure

configure(snakemake)

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.clean.wmd_pdf import best_volume, load_volumes, read_volume
from raremetals.core import catalogue
from raremetals.sources.fetch import read_record

inp = snakemake.input
volumes = load_volumes(inp.volumes)
places = CountryResolver(inp.countries)
pdfs = sorted(f["path"] for f in read_record(inp.record) if f["path"].endswith(".pdf"))
table = pd.concat([read_volume(path, volumes, places) for path in pdfs], ignore_index=True)
table["best"] = best_volume(table)
catalogue.write("wmd_volumes", table, snakemake.output.wmd_volumes)
