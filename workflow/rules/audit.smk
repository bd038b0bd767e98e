rule audit:
    """Every claim of the paper with a status and evidence; every Table 3 cell with its
    erratum status; a readable summary."""
    input:
        library=LIBRARY,
        table3=rules.correct_table3.output[0],
        claims="results/tidy/paper_claims.csv",
        quotas="results/tidy/china_ree_export_quotas.csv",
        wind="results/tidy/gwec_wind_2009.csv",
        military="results/tidy/sipri_milex.csv",
        secondary="results/tidy/ree_2009_secondary.csv",
        checks="data/audit/claim_checks.csv",
        notes="data/audit/table3_notes.csv",
    output:
        claims="results/audit/claims_audit.csv",
        errata="results/audit/table3_errata.csv",
        markdown="results/audit/summary.md",
        html="results/audit/summary.html",
    resources:
        mem_mb=1000,
        runtime=10,
    log:
        "logs/audit/audit.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/audit_claims.py"
