"""Audit stage: what the USGS itself states (MCS 2026 table T7 and Fig. 3, MCS 2024
table T5) against the pipeline's numbers from the same edition's world tables
(results/audit/usgs_peer_check.csv); a difference nothing explains stops the build."""

from _helpers import configure

configure(snakemake)

from raremetals.audit import peer
from raremetals.clean.countries import CountryResolver
from raremetals.core import schemas
from raremetals.core.io import read_reference, read_tidy, write_table
from raremetals.sources.fetch import paths_in

inp = snakemake.input
tables = [(p, "mcs2026") for p in paths_in(inp.mcs2026, "/MCS2026_T7_Critical_Minerals_Salient")]
tables += [(p, "mcs2024") for p in paths_in(inp.mcs2024, "/MCS2024_T5_Critical_Minerals_Salient")]
fig3 = [(p, "mcs2026") for p in paths_in(inp.mcs2026, "/MCS2026_Fig3_Major_Import_Sources")]
table = peer.peer_check(
    read_tidy(inp.observations, schemas.OBSERVATIONS),
    read_tidy(inp.nir, schemas.NET_IMPORT_RELIANCE),
    tables,
    fig3[0] if fig3 else None,
    read_reference(inp.names),
    read_reference(inp.notes),
    CountryResolver(inp.countries),
)
peer.check_explained(table)
write_table(schemas.USGS_PEER_CHECK.validate(table), snakemake.output.usgs_peer_check)
