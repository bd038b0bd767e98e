"""Audit stage: check every claim and every Table 3 cell; write tables and the summary."""

from _helpers import configure

configure(snakemake)

import pandas as pd

from raremetals import audit, schemas
from raremetals.audit_report import summary_html, summary_markdown
from raremetals.fetch import paths_in
from raremetals.io import atomic_write, read_tidy, write_table


def vendored(part: str) -> pd.DataFrame:
    """A vendored CSV as text, with the line number of each row (header = 1)."""
    [path] = [p for r in snakemake.input.records for p in paths_in(r, part)]
    return pd.read_csv(path, dtype=str, keep_default_na=False).assign(row=lambda d: d.index + 2)


table3 = read_tidy(snakemake.input.table3, schemas.TABLE3_CORRECTED)
claims = vendored("paper/claims.csv")
checks = pd.read_csv(snakemake.input.checks, dtype=str, keep_default_na=False)
sources = audit.Sources(table3, vendored("china_ree_export_quotas"), vendored("gwec_global_wind"),
                        vendored("sipri_milex"), vendored("ree_2009_secondary"), claims)
claims_audit = schemas.CLAIMS_AUDIT.validate(
    audit.audit_claims(claims, checks, sources, snakemake.input.checks))
notes = pd.read_csv(snakemake.input.notes, dtype=str, keep_default_na=False)
errata = schemas.TABLE3_ERRATA.validate(audit.table3_errata(table3, notes, claims_audit, checks))
write_table(claims_audit, snakemake.output.claims)
write_table(errata, snakemake.output.errata)
atomic_write(snakemake.output.markdown, summary_markdown(claims_audit, errata))
atomic_write(snakemake.output.html, summary_html(claims_audit, errata))
