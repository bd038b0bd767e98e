rule clean_usgs_world:
    """All USGS world production and reserves tables, every edition, as tidy observations;
    the editions compared where they overlap, and a unit-scale disagreement refused."""
    input:
        library=LIBRARY,
        records=expand(fetch_record("usgs_{edition}"), edition=config["editions"]),
        commodities="data/commodities.csv",
        countries="data/countries.csv",
        header_fixes="data/corrections/usgs_header_fixes.csv",
        value_issues="data/corrections/usgs_value_issues.csv",
        units="data/corrections/usgs_units.csv",
        note_readings="data/corrections/usgs_note_readings.csv",
    output:
        observations="results/tidy/observations.csv",
        revisions="results/tidy/usgs_revisions.csv",
    resources:
        mem_mb=1000,
        runtime=10,
    log:
        "logs/clean/usgs_world.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_usgs_world.py"


rule clean_net_import_reliance:
    """US net import reliance (USGS trends table, Fig. 2) with the source's codes kept."""
    input:
        library=LIBRARY,
        records=expand(fetch_record("usgs_{edition}"), edition=config["editions"]),
        labels="data/usgs_nir_commodities.csv",
        countries="data/countries.csv",
    output:
        "results/tidy/usgs_net_import_reliance.csv",
    log:
        "logs/clean/net_import_reliance.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_net_import_reliance.py"


rule clean_wgi:
    """World Bank governance estimates (six dimensions) by economy and year."""
    input:
        library=LIBRARY,
        record=fetch_record("worldbank_wgi"),
        countries="data/countries.csv",
    output:
        "results/tidy/wgi_estimates.csv",
    resources:
        mem_mb=1000,
        runtime=10,
    log:
        "logs/clean/wgi.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_wgi.py"


rule clean_table3:
    """The paper's Table 3 as printed, values read literally, with ISO3 codes."""
    input:
        library=LIBRARY,
        record=fetch_record("paper"),
        commodities="data/commodities.csv",
        countries="data/countries.csv",
    output:
        "results/tidy/paper_table3.csv",
    log:
        "logs/clean/table3.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_table3.py"


rule correct_table3:
    """Table 3 with the corrections of data/corrections/table3_corrections.csv applied and
    listed cell by cell; the 2009 statistics and the corrected table read it."""
    input:
        library=LIBRARY,
        table3=rules.clean_table3.output[0],
        corrections="data/corrections/table3_corrections.csv",
    output:
        "results/tidy/paper_table3_corrected.csv",
    log:
        "logs/clean/table3_corrected.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/correct_table3.py"


rule clean_compiled_table:
    """The paper's claims or one compiled table (export quotas, wind power, military
    expenditure, rare-earth statements) as text cells with the line each row came from;
    every later rule reads these, not the vendored files."""
    input:
        library=LIBRARY,
        record=lambda wildcards: fetch_record(COMPILED_TABLES[wildcards.table]),
    output:
        "results/tidy/{table}.csv",
    wildcard_constraints:
        table="|".join(COMPILED_TABLES),
    log:
        "logs/clean/{table}.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/clean_compiled_table.py"
