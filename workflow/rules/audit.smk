rule audit:
    """Every claim of the paper with a status and evidence; every Table 3 cell with its
    erratum status; a readable summary (Markdown, and a page in each language)."""
    input:
        library=library("audit_claims.py"),
        table3=table("paper_table3_corrected"),
        claims=table("paper_claims"),
        quotas=table("china_ree_export_quotas"),
        wind=table("gwec_wind_2009"),
        military=table("sipri_milex"),
        secondary=table("ree_2009_secondary"),
        ds140=table("ds140_rare_earths"),
        against_bgs=table("table3_against_bgs"),
        three_ways=table("table3_three_ways"),
        wmd=table("wmd_volumes"),
        commodities=table("commodities"),
        eu_2010=table("eu_crm_2010"),
        bgs=table("bgs_production"),
        checks=repo("data/audit/claim_checks.csv"),
        element_values=repo("data/audit/element_values.csv"),
        later=repo("data/audit/claim_later_evidence.csv"),
        notes=repo("data/audit/table3_notes.csv"),
        languages=LANGUAGE_FILES,
        corrections=CORRECTIONS_TRANSLATED,
    output:
        **tables_of("audit"),
        markdown="results/audit/summary.md",
        html=[web.page_name("results/audit/summary", code) for code in LANGUAGES],
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


rule audit_against_bgs:
    """Table 3's 2009 production, world and top three, against BGS for 2009, cell by
    cell, with an agreement class by rule and what the rows show of why they differ."""
    input:
        library=library("audit_against_bgs.py"),
        table3=table("paper_table3_corrected"),
        bgs=table("bgs_production"),
        plan=table("long_run_series"),
        best=table("usgs_best_series"),
        english=repo("data/languages/en.yaml"),
    output:
        **tables_of("audit_against_bgs"),
    log:
        **logs("audit/against_bgs"),
    benchmark:
        benchmark("audit/against_bgs")
    conda:
        "../../environment.yml"
    script:
        "../scripts/audit_against_bgs.py"


rule audit_three_ways:
    """Table 3's 2009 production three ways: the paper (USGS), BGS and World Mining Data,
    cell by cell, each pair with an agreement class and the reasons the rows show."""
    input:
        library=library("audit_three_ways.py"),
        table3=table("paper_table3_corrected"),
        against_bgs=table("table3_against_bgs"),
        wmd=table("wmd_volumes"),
        best=table("usgs_best_series"),
        english=repo("data/languages/en.yaml"),
    output:
        **tables_of("audit_three_ways"),
    log:
        **logs("audit/three_ways"),
    benchmark:
        benchmark("audit/three_ways")
    conda:
        "../../environment.yml"
    script:
        "../scripts/audit_three_ways.py"


rule audit_usgs_peer:
    """What the USGS states of its own world tables (the statements the registry names for
    a release: MCS 2026 T7 and Fig. 3, MCS 2024 T5) against the pipeline's numbers from
    them, each difference explained."""
    input:
        library=library("check_usgs_peer.py"),
        observations=table("observations"),
        nir=table("usgs_net_import_reliance"),
        records=[fetch_record(s.id) for s in releases_stating()],
        countries=repo("data/countries.csv"),
        names=repo("data/audit/usgs_peer_names.csv"),
        notes=repo("data/audit/usgs_peer_notes.csv"),
    output:
        **tables_of("audit_usgs_peer"),
    log:
        **logs("audit/usgs_peer"),
    benchmark:
        benchmark("audit/usgs_peer")
    conda:
        "../../environment.yml"
    params:
        releases={s.id: s.usgs_release for s in releases_stating()},
    script:
        "../scripts/check_usgs_peer.py"


rule wmd_index_check:
    """World Mining Data's printed concentration indices (section 6.5: vol. 32's 63 of
    2015, and the paper's metals' in vols. 28-31), each reproduced by the pipeline's HHI
    function from WMD's own rows; a difference stops the build."""
    input:
        library=library("check_wmd_index.py"),
        record=fetch_record("world_mining_data"),
        minerals=repo("data/wmd_minerals.csv"),
        volumes=repo("data/wmd_volumes.csv"),
        production=table("wmd_production"),
        wmd_volumes=table("wmd_volumes"),
    output:
        **tables_of("wmd_index_check"),
    log:
        **logs("audit/wmd_index_check"),
    benchmark:
        benchmark("audit/wmd_index_check")
    conda:
        "../../environment.yml"
    script:
        "../scripts/check_wmd_index.py"
