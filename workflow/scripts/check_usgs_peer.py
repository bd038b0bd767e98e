"""Audit stage: what the USGS itself states (the statement files each release's registry
entry names: MCS 2026 table T7 and Fig. 3, MCS 2024 table T5) against the pipeline's
numbers from the same edition's world tables (results/audit/usgs_peer_check.csv); a
difference nothing explains stops the build."""

from _helpers import configure

configure(snakemake)

from pathlib import Path

from raremetals.audit import peer
from raremetals.clean.countries import CountryResolver
from raremetals.core import catalogue
from raremetals.core.io import read_reference
from raremetals.sources.fetch import path_of

inp = snakemake.input
said = {kind: [] for kind in ("salient", "import_shares")}
# the newest edition's statements first
for record in reversed(inp.records):
    release = snakemake.params.releases[Path(record).stem]
    for kind, registered in release["statements"].items():
        said[kind].append((path_of(record, registered), release["edition"]))
table = peer.peer_check(
    catalogue.read("observations", inp.observations),
    catalogue.read("usgs_net_import_reliance", inp.nir),
    said["salient"],
    said["import_shares"],
    read_reference(inp.names),
    read_reference(inp.notes),
    CountryResolver(inp.countries),
)
peer.check_explained(table)
catalogue.write("usgs_peer_check", table, snakemake.output.usgs_peer_check)
