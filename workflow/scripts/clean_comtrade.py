"""Clean stage: Japan's trade by partner and HS6 code from the UN Comtrade extract."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

import pandas as pd

from raremetals.clean.comtrade import PartnerCodes, parse_extract
from raremetals.clean.countries import CountryResolver
from raremetals.core import catalogue
from raremetals.sources.fetch import paths_in

inp = snakemake.input
partners = PartnerCodes(inp.partners, CountryResolver(inp.countries))
source_id = Path(inp.record).stem
table = pd.concat(
    [
        parse_extract(p, source_id, snakemake.params.reporter, partners)
        for p in paths_in(inp.record, "/comtrade_", ".csv.gz")
    ],
    ignore_index=True,
)
catalogue.write(
    "comtrade_japan",
    table,
    snakemake.output.comtrade_japan,
    sort_by=["year", "flow", "hs6", "country_code", "partner_code"],
)
