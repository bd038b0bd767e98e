"""Clean stage: US net import reliance of every edition (USGS trends table, Fig. 2)."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.countries import CountryResolver
from raremetals.fetch import paths_in
from raremetals.io import write_table
from raremetals.schemas import NET_IMPORT_RELIANCE
from raremetals.usgs import parse_net_import_reliance

resolver = CountryResolver(snakemake.input.countries)
labels = dict(pd.read_csv(snakemake.input.labels, dtype=str, keep_default_na=False)
              .itertuples(index=False))
frames = [parse_net_import_reliance(path, Path(record).stem, labels, resolver)
          for record in snakemake.input.records
          for path in paths_in(record, "/trends/", "_Net_Import_Reliance.csv")]
table = NET_IMPORT_RELIANCE.validate(pd.concat(frames, ignore_index=True))
write_table(table, snakemake.output[0], sort_by=["edition", "row"])
