rule fetch:
    """Verify (snapshot) or download and verify (download) every file of one source."""
    input:
        library=LIBRARY,
        files=vendored_files,
    output:
        record="results/fetch/{source}.json",
    params:
        # the source's own registry entry (files, checksums, URLs) as plain data, which
        # Snakemake records: editing one source's entry re-runs that source alone
        source=lambda wildcards: REGISTRY[wildcards.source].as_dict(),
        mode=config["fetch"]["mode"],
        mirror=config["fetch"]["mirror"],
        timeout=config["fetch"]["timeout"],
        cache_dir=config["fetch"]["cache_dir"],
    wildcard_constraints:
        source="[a-z0-9_]+",
    log:
        "logs/fetch/{source}.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/fetch_source.py"
