"""Render stage: the paper's tables in CSV, Markdown, LaTeX and HTML."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals import schemas, tables
from raremetals.io import atomic_write, read_tidy

t3 = read_tidy(snakemake.input.table3, schemas.TABLE3_CORRECTED)
commodities = pd.read_csv(snakemake.input.commodities, dtype=str, keep_default_na=False)
elements = pd.read_csv(snakemake.input.elements, dtype=str, keep_default_na=False, comment="#")
t3 = t3.merge(commodities.drop_duplicates("commodity")[["commodity", "name_ja"]]
              .rename(columns={"name_ja": "commodity_ja"}), on="commodity", how="left")
made = {
    "table1_rare_metals.en": tables.table1(elements, "en"),
    "table1_rare_metals.ja": tables.table1(elements, "ja"),
    "table3_as_printed.ja": tables.table3_printed(t3),
    "table3_corrected.en": tables.table3_corrected(t3, commodities, "en"),
    "table3_corrected.ja": tables.table3_corrected(t3, commodities, "ja"),
}
for path in snakemake.output:
    name, ext = Path(path).name.rsplit(".", 1)
    atomic_write(path, tables.RENDERERS[ext](made[name]))
