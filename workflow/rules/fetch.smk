rule fetch:
    """Verify (snapshot) or download and verify (download) every file of one source."""
    input:
        library=library("fetch_source.py"),
        files=vendored_files,
    output:
        record=fetch_record("{source}"),
    log:
        **logs("fetch/{source}"),
    benchmark:
        benchmark("fetch/{source}")
    wildcard_constraints:
        source="[a-z0-9_]+",
    # small jobs whose outputs everything waits for: first
    priority: 5
    conda:
        "../../environment.yml"
    params:
        # the source's own registry entry (files, checksums, URLs) as plain data, which
        # Snakemake records: editing one source's entry re-runs that source alone
        source=lambda wildcards: REGISTRY[wildcards.source].as_dict(),
        root=repo("."),
        raw_root="data/raw/",
        mode=config["fetch"]["mode"],
        mirror=config["fetch"]["mirror"],
        third_party_copies=config["fetch"]["third_party_copies"],
        timeout=config["fetch"]["timeout"],
        deadline=config["fetch"]["deadline"],
        max_bytes=int(config["fetch"]["max_mb"] * 2**20),
        cache_dir=config["fetch"]["cache_dir"],
    script:
        "../scripts/fetch_source.py"
