"""Audit stage: World Mining Data's printed indices reproduced from its own rows."""

from _helpers import configure

configure(snakemake)

import pandas as pd

from raremetals.audit.peer.printed_index import check_printed_indices
from raremetals.clean.wmd import load_minerals, read_printed_indices
from raremetals.clean.wmd_pdf import load_volumes
from raremetals.core import catalogue
from raremetals.sources.fetch import read_record

inp = snakemake.input
pdfs = {f["path"].rsplit("/", 1)[-1]: f["path"] for f in read_record(inp.record)}
# vol. 32 (2017) prints its index for 2015, the last year of its tables and the workbook's
printed = read_printed_indices(pdfs["WMD2017.pdf"], 2015, load_minerals(inp.minerals))
checked = [
    check_printed_indices(
        catalogue.read("wmd_production", inp.production), printed.assign(volume=32)
    )
]
# vols. 28-31: the paper's metals, each volume's last year, from the tables the PDF gives
volumes = load_volumes(inp.volumes)
rows = catalogue.read("wmd_volumes", inp.wmd_volumes)
for (name, volume), listed in volumes[volumes["volume"] < 32].groupby(["file", "volume"]):
    minerals = listed.rename(columns={"heading": "sheet", "index_heading": "heading"})
    last = volume + 1983
    found = read_printed_indices(pdfs[name], last, minerals)
    own = rows[rows["volume"] == volume].rename(columns={"heading": "sheet"})
    checked.append(check_printed_indices(own, found.assign(volume=volume)))
table = pd.concat(checked, ignore_index=True)
catalogue.write("wmd_index_check", table, snakemake.output.wmd_index_check)
