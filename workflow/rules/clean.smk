rule clean_usgs_world:
    """All USGS world production and reserves tables, every edition, as tidy observations;
    the editions compared where they overlap (a unit-scale disagreement refused), each
    value in every edition, and the best series (each year from the latest edition)."""
    input:
        # the reference tables, as the library names them (clean/usgs_reference.REFERENCE)
        **{name: repo(path) for name, path in USGS_REFERENCE.items()},
        library=library("clean_usgs_world.py"),
        records=edition_records(),
        table3=table("paper_table3_corrected"),
    output:
        **tables_of("clean_usgs_world"),
    log:
        **logs("clean/usgs_world"),
    benchmark:
        benchmark("clean/usgs_world")
    # the longest chain (USGS tables, statistics, figures, report) starts here
    priority: 10
    conda:
        "../../environment.yml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        editions=config["editions"],
        # each edition's layout (and table), by its source id, from the registry
        releases={USGS_EDITIONS[e].id: USGS_EDITIONS[e].usgs_release for e in config["editions"]},
    script:
        "../scripts/clean_usgs_world.py"


rule clean_net_import_reliance:
    """US net import reliance (USGS trends table, Fig. 2) with the source's codes kept."""
    input:
        library=library("clean_net_import_reliance.py"),
        records=edition_records(),
        labels=repo("data/usgs_nir_commodities.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_net_import_reliance"),
    log:
        **logs("clean/net_import_reliance"),
    benchmark:
        benchmark("clean/net_import_reliance")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_net_import_reliance.py"


rule clean_bgs:
    """BGS World Mineral Statistics: production by country and year, a series per BGS
    commodity and sub-commodity (data/bgs_series.csv), each mark BGS attaches read as
    data/bgs_marks.csv says, with the file and line of each."""
    input:
        library=library("clean_bgs.py"),
        record=fetch_record("bgs_world_mineral_statistics"),
        series=repo("data/bgs_series.csv"),
        marks=repo("data/bgs_marks.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_bgs"),
    log:
        **logs("clean/bgs"),
    benchmark:
        benchmark("clean/bgs")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_bgs.py"


rule clean_comtrade:
    """UN Comtrade (a third party's extract), 2024: Japan's trade by partner and HS6 code,
    exact repeats dropped, partner codes mapped (data/comtrade_partners.csv)."""
    input:
        library=library("clean_comtrade.py"),
        record=fetch_record("un_comtrade_extract"),
        partners=repo("data/comtrade_partners.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_comtrade"),
    log:
        **logs("clean/comtrade"),
    benchmark:
        benchmark("clean/comtrade")
    conda:
        "../../environment.yml"
    params:
        reporter="392",  # Japan's M49 code: the paper's importer
    script:
        "../scripts/clean_comtrade.py"


rule clean_eu_crm:
    """The EU's criticality assessments: scores 2011-2023 and 2023 supply shares (a third
    party's transcription), and the 2010 list from the Commission's 2014 report."""
    input:
        library=library("clean_eu_crm.py"),
        record=fetch_record("eu_crm_assessments"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_eu_crm"),
    log:
        **logs("clean/eu_crm"),
    benchmark:
        benchmark("clean/eu_crm")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_eu_crm.py"


rule clean_iea:
    """The IEA Critical Minerals Data Explorer's supply sheet (a third party's conversion):
    mining and refining by country, 2024 and the base case's 2030-2040, each total and
    top-three share checked against the rows, the converter's note lines refused as
    countries by rule."""
    input:
        library=library("clean_iea.py"),
        record=fetch_record("iea_critical_minerals"),
        minerals=repo("data/iea_minerals.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_iea"),
    log:
        **logs("clean/iea"),
    benchmark:
        benchmark("clean/iea")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_iea.py"


rule clean_wmd:
    """World Mining Data's workbook (section 6.4 of vol. 32, 2011-2015; a third party's
    copy): every sheet, each value with its cell and its row's mark."""
    input:
        library=library("clean_wmd.py"),
        record=fetch_record("world_mining_data"),
        minerals=repo("data/wmd_minerals.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_wmd"),
    log:
        **logs("clean/wmd"),
    benchmark:
        benchmark("clean/wmd")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_wmd.py"


rule clean_wmd_volumes:
    """World Mining Data's PDFs (vols. 28-32, a third party's copies): the tables of the
    paper's metals in section 6.4, 2007-2015, each value with its page, line and remark;
    every volume's figure kept, the latest volume's marked best."""
    input:
        library=library("clean_wmd_volumes.py"),
        record=fetch_record("world_mining_data"),
        volumes=repo("data/wmd_volumes.csv"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_wmd_volumes"),
    log:
        **logs("clean/wmd_volumes"),
    benchmark:
        benchmark("clean/wmd_volumes")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_wmd_volumes.py"


rule clean_ds140:
    """USGS Data Series 140, rare earths 1900-2020 (US supply, unit value, world
    production), one row per year and statistic with the worksheet cell."""
    input:
        library=library("clean_ds140.py"),
        record=fetch_record("usgs_ds140"),
    output:
        **tables_of("clean_ds140"),
    log:
        **logs("clean/ds140"),
    benchmark:
        benchmark("clean/ds140")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_ds140.py"


rule clean_wgi:
    """World Bank governance estimates (six dimensions) by economy and year."""
    input:
        library=library("clean_wgi.py"),
        record=fetch_record("worldbank_wgi"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_wgi"),
    log:
        **logs("clean/wgi"),
    benchmark:
        benchmark("clean/wgi")
    conda:
        "../../environment.yml"
    resources:
        mem_mb=1000,
        runtime=10,
    script:
        "../scripts/clean_wgi.py"


rule clean_table3:
    """The paper's Table 3 as printed, values read literally, with ISO3 codes."""
    input:
        library=library("clean_table3.py"),
        record=fetch_record("paper"),
        commodities=table("commodities"),
        countries=repo("data/countries.csv"),
    output:
        **tables_of("clean_table3"),
    log:
        **logs("clean/table3"),
    benchmark:
        benchmark("clean/table3")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_table3.py"


rule correct_table3:
    """Table 3 with the corrections of data/corrections/table3_corrections.csv applied and
    listed cell by cell; the 2009 statistics and the corrected table read it."""
    input:
        library=library("correct_table3.py"),
        table3=table("paper_table3"),
        corrections=repo("data/corrections/table3_corrections.csv"),
    output:
        **tables_of("correct_table3"),
    log:
        **logs("clean/table3_corrected"),
    benchmark:
        benchmark("clean/table3_corrected")
    conda:
        "../../environment.yml"
    script:
        "../scripts/correct_table3.py"


rule clean_export_controls:
    """China's export measures: the compiled table's rows and the facts the project adds
    (data/china_export_controls_added.csv), each with the page that states it; a date
    that is no date or an unknown status is refused at its row."""
    input:
        library=library("clean_export_controls.py"),
        record=fetch_record("china_export_controls"),
        added=table("china_export_controls_added"),
    output:
        **tables_of("clean_export_controls"),
    log:
        **logs("clean/china_export_controls"),
    benchmark:
        benchmark("clean/china_export_controls")
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_export_controls.py"


rule clean_compiled_table:
    """The paper's claims or one compiled table (export quotas, wind power, military
    expenditure, rare-earth statements) as text cells with the line each row came from;
    every later rule reads these, not the vendored files."""
    input:
        library=library("clean_compiled_table.py"),
        record=lambda wildcards: fetch_record(COMPILED_TABLES[wildcards.table]),
    output:
        "results/tidy/{table}.csv",
    log:
        **logs("clean/{table}"),
    benchmark:
        benchmark("clean/{table}")
    wildcard_constraints:
        table="|".join(COMPILED_TABLES),
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_compiled_table.py"
