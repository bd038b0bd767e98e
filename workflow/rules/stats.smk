rule concentration:
    """Shares, CR1/CR3, HHI range, entropy, WGI-weighted HHI, R/P for every distribution
    of the best series, and the paper's twelve metals compared between 2009, the config's
    middle year and the latest year."""
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
        middle_year=MIDDLE_YEAR,
    script:
        "../scripts/compute_concentration.py"


rule bgs_long_run:
    """China's share and the HHI of production from BGS, from the first year a metal's
    series holds one basis (data/long_run_series.csv) to 2023."""
    input:
        library=library("compute_long_run.py"),
        bgs=table("bgs_production"),
        plan=table("long_run_series"),
    output:
        **tables_of("bgs_long_run"),
    log:
        **logs("stats/bgs_long_run"),
    benchmark:
        benchmark("stats/bgs_long_run")
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_long_run.py"


rule processing:
    """The processing stage beside mining for the twelve metals a source gives it for
    (data/processing_series.csv), the IEA's projections to 2040, and 2009, 2024 and 2030
    side by side for rare earths, cobalt and lithium."""
    input:
        library=library("compute_processing.py"),
        plan=table("processing_series"),
        bgs=table("bgs_production"),
        bgs_series=repo("data/bgs_series.csv"),
        iea=table("iea_supply"),
        long_run=table("bgs_long_run"),
        series=table("concentration_series"),
    output:
        **tables_of("processing"),
    log:
        **logs("stats/processing"),
    benchmark:
        benchmark("stats/processing")
    conda:
        "../../environment.yml"
    params:
        tables=described("processing"),
    script:
        "../scripts/compute_processing.py"


rule wmd_series:
    """World Mining Data as a third publisher's series, 2007-2015: China's share, the
    leader and the HHI of each of the paper's metals it has a table for, from the best
    volume for each year, and whether each may stand beside the USGS's."""
    input:
        library=library("compute_wmd_series.py"),
        wmd=table("wmd_volumes"),
        best=table("usgs_best_series"),
    output:
        **tables_of("wmd_series"),
    log:
        **logs("stats/wmd_series"),
    benchmark:
        benchmark("stats/wmd_series")
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_wmd_series.py"


rule second_source:
    """USGS against BGS, side by side, for every metal and year both cover: totals, China's
    share, the leader, their ratio and an agreement class."""
    input:
        library=library("compare_publishers.py"),
        series=table("concentration_series"),
        concentration=table("concentration"),
        long_run=table("bgs_long_run"),
    output:
        **tables_of("second_source"),
    log:
        **logs("stats/second_source"),
    benchmark:
        benchmark("stats/second_source")
    conda:
        "../../environment.yml"
    script:
        "../scripts/compare_publishers.py"


rule japan_imports:
    """Japan's three largest import sources in 2024 (UN Comtrade) for the code standing
    for each of the twelve metals, beside Table 3's 2009; the metals no code covers named."""
    input:
        library=library("compute_japan_imports.py"),
        plan=table("japan_import_codes"),
        trade=table("comtrade_japan"),
        table3=table("paper_table3_corrected"),
    output:
        **tables_of("japan_imports"),
    log:
        **logs("stats/japan_imports"),
    benchmark:
        benchmark("stats/japan_imports")
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_japan_imports.py"


rule wind:
    """The paper's wind arithmetic (ch. 4): GWEC's world capacity at the end of 2009 and
    its forecast for 2014, the additions a year between them, and the neodymium they need
    for each share of permanent-magnet generators the config names."""
    input:
        library=library("compute_wind.py"),
        gwec=table("gwec_wind_2009"),
    output:
        **tables_of("wind"),
    log:
        **logs("stats/wind"),
    benchmark:
        benchmark("stats/wind")
    conda:
        "../../environment.yml"
    params:
        assumptions=config["wind_neodymium"],
    script:
        "../scripts/compute_wind.py"


rule eu_view:
    """The EU's supply-risk scores 2011-2023 beside the pipeline's governance-weighted HHI
    (the year nearest each assessment's window), with a rank correlation; the EU 2023
    report's global supply shares against the pipeline's; the paper's metals against the
    criticality thresholds, which are checked against the published lists."""
    input:
        library=library("compute_eu_view.py"),
        scores=table("eu_crm_scores"),
        shares=table("eu_supply_shares_2023"),
        materials=table("eu_materials"),
        windows=table("eu_assessments"),
        thresholds=table("eu_thresholds"),
        lists=table("eu_critical_lists"),
        series=table("concentration_series"),
        concentration=table("concentration"),
    output:
        **tables_of("eu_view"),
    log:
        **logs("stats/eu_view"),
    benchmark:
        benchmark("stats/eu_view")
    conda:
        "../../environment.yml"
    script:
        "../scripts/compute_eu_view.py"


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
        settings=SCHEMA_SETTINGS,
    script:
        "../scripts/data_dictionary.py"
