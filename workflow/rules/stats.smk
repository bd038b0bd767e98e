rule concentration:
    """Shares, CR1/CR3, HHI range, entropy, WGI-weighted HHI, R/P for every distribution,
    and the paper's twelve metals compared between 2009 and the latest year."""
    input:
        library=LIBRARY,
        observations=rules.clean_usgs_world.output.observations,
        table3=rules.correct_table3.output[0],
        wgi=rules.clean_wgi.output[0],
        commodities="data/commodities.csv",
        claims="results/tidy/paper_claims.csv",
        text_values="data/paper_text_values.csv",
    output:
        concentration="results/stats/concentration.csv",
        shares="results/stats/country_shares.csv",
        rp="results/stats/reserves_to_production.csv",
        comparison="results/stats/paper_metals_comparison.csv",
    params:
        latest_edition=max(config["editions"]),
    resources:
        mem_mb=2000,
        runtime=15,
    log:
        "logs/stats/concentration.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_concentration.py"


rule dependency:
    """Japan's import sources (Table 3, 2009) and US net import reliance, 2009 and today."""
    input:
        library=LIBRARY,
        table3=rules.correct_table3.output[0],
        nir=rules.clean_net_import_reliance.output[0],
    output:
        japan="results/stats/japan_import_dependency_2009.csv",
        us="results/stats/us_import_reliance.csv",
    log:
        "logs/stats/dependency.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_dependency.py"


rule data_dictionary:
    """One row per column of every table of a results folder, from the schemas that check
    them."""
    input:
        library=LIBRARY,
    output:
        "results/{stage}/data_dictionary.csv",
    wildcard_constraints:
        stage="tidy|stats|audit",
    log:
        "logs/{stage}/data_dictionary.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/data_dictionary.py"
