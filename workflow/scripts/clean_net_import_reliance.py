"""Clean stage: US net import reliance of every edition (USGS trends table, Fig. 2)."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.clean.countries import CountryResolver
from raremetals.clean.net_import_reliance import parse_net_import_reliance
from raremetals.core import catalogue
from raremetals.core.io import read_reference
from raremetals.sources.fetch import paths_in

resolver = CountryResolver(snakemake.input.countries)
labels = dict(read_reference(snakemake.input.labels).itertuples(index=False))
frames = [
    parse_net_import_reliance(path, Path(record).stem, labels, resolver)
    for record in snakemake.input.records
    for path in paths_in(record, "_Fig2_", "_Net_Import_Reliance.csv")
]
table = pd.concat(frames, ignore_index=True)
catalogue.write("usgs_net_import_reliance", table, snakemake.output[0], sort_by=["edition", "row"])
