rule audit:
    """Every claim of the paper with a status and evidence; every Table 3 cell with its
    erratum status; a readable summary."""
    input:
        library=library("audit_claims.py"),
        table3=table("paper_table3_corrected"),
        claims=table("paper_claims"),
        quotas=table("china_ree_export_quotas"),
        wind=table("gwec_wind_2009"),
        military=table("sipri_milex"),
        secondary=table("ree_2009_secondary"),
        ds140=table("ds140_rare_earths"),
        checks=repo("data/audit/claim_checks.csv"),
        later=repo("data/audit/claim_later_evidence.csv"),
        notes=repo("data/audit/table3_notes.csv"),
    output:
        **tables_of("audit"),
        markdown="results/audit/summary.md",
        html="results/audit/summary.html",
    log:
        **logs("audit/audit"),
    benchmark:
        benchmark("audit/audit")
    conda:
        "../../environment.yml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        tables=described("audit"),
    script:
        "../scripts/audit_claims.py"
