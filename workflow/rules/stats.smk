rule concentration:
    """Shares, CR1/CR3, HHI range, entropy, WGI-weighted HHI, R/P for every distribution
    of the best series, and the paper's twelve metals compared between 2009, 2023 and the
    latest year."""
    input:
        library=library("compute_concentration.py"),
        best_series=table("usgs_best_series"),
        table3=table("paper_table3_corrected"),
        wgi=table("wgi_estimates"),
        commodities=table("commodities"),
        claims=table("paper_claims"),
        text_values=repo("data/paper_text_values.csv"),
    output:
        **tables_of("concentration"),
    log:
        **logs("stats/concentration"),
    benchmark:
        benchmark("stats/concentration")
    # on the longest chain: before figures that could wait
    priority: 10
    conda:
        "../../environment.yml"
    resources:
        mem_mb=2000,
        runtime=15,
    params:
        tables=described("concentration"),
        # the year the comparison of the twelve metals shows between 2009 and the latest
        middle_year=2023,
    script:
        "../scripts/compute_concentration.py"


rule dependency:
    """Japan's import sources (Table 3, 2009) and US net import reliance, 2009 and today."""
    input:
        library=library("compute_dependency.py"),
        table3=table("paper_table3_corrected"),
        nir=table("usgs_net_import_reliance"),
    output:
        **tables_of("dependency"),
    log:
        **logs("stats/dependency"),
    benchmark:
        benchmark("stats/dependency")
    conda:
        "../../environment.yml"
    params:
        tables=described("dependency"),
    script:
        "../scripts/compute_dependency.py"


rule data_dictionary:
    """One row per column of every table of results/tidy, stats and audit, from the
    schemas that check them."""
    input:
        library=library("data_dictionary.py"),
    output:
        expand("results/{stage}/data_dictionary.csv", stage=catalogue.STAGES),
    log:
        **logs("report/data_dictionary"),
    benchmark:
        benchmark("report/data_dictionary")
    conda:
        "../../environment.yml"
    params:
        editions=config["editions"],
    script:
        "../scripts/data_dictionary.py"
