rule numbers:
    """Headline numbers for reports: results/numbers.json and one LaTeX macro each."""
    input:
        library=library("headline_numbers.py"),
        comparison=table("paper_metals_comparison"),
        rp=table("reserves_to_production"),
        japan=table("japan_import_dependency_2009"),
        japan_today=table("japan_imports"),
        claims=table("claims_audit"),
        errata=table("table3_errata"),
        controls=table("china_export_controls"),
        measures=table("china_export_measures"),
        stages=table("mining_and_processing"),
        plan=table("processing_series"),
    output:
        json="results/numbers.json",
        tex="results/numbers.tex",
    log:
        **logs("report/numbers"),
    benchmark:
        benchmark("report/numbers")
    conda:
        "../../environment.yml"
    params:
        middle_year=MIDDLE_YEAR,
    script:
        "../scripts/headline_numbers.py"


rule rulegraph:
    """The workflow's rule graph, as Snakemake gives it (DOT) and drawn (PNG)."""
    input:
        library=library("draw_rulegraph.py"),
        snakefiles=[repo("Snakefile"), *sorted(map(repo, (ROOT / "workflow/rules").glob("*.smk")))],
    output:
        dot="results/workflow/rulegraph.dot",
        png="results/workflow/rulegraph.png",
    log:
        **logs("report/rulegraph"),
    benchmark:
        benchmark("report/rulegraph")
    conda:
        "../../environment.yml"
    script:
        "../scripts/draw_rulegraph.py"


rule notebook:
    """The walk-through notebook, executed with papermill and rendered to HTML."""
    input:
        library=library("run_notebook.py"),
        notebook=repo("notebooks/explore.ipynb"),
        commodities=table("commodities"),
        observations=table("observations"),
        concentration=table("concentration"),
        comparison=table("paper_metals_comparison"),
    output:
        ipynb="results/notebooks/explore.ipynb",
        html="results/notebooks/explore.html",
    log:
        **logs("report/notebook"),
    benchmark:
        benchmark("report/notebook")
    # its kernel start is long: start it as soon as the statistics are in
    priority: 5
    conda:
        "../../environment.yml"
    resources:
        mem_mb=2000,
        runtime=15,
    params:
        parameters=config["notebook"],
    script:
        "../scripts/run_notebook.py"


# Every output the report describes and the manifest lists (besides themselves).
REPORTED_OUTPUTS = [
    *[fetch_record(s) for s, source in REGISTRY.items() if source.vendored],
    *[t.path for t in catalogue.TABLES.values() if t.stage != "data"],
    rules.audit.output.markdown,
    rules.audit.output.html,
    *rules.data_dictionary.output,
    *rules.tables.output,
    *expand(rules.figure.output.caption, fig=FIGURE_IDS),
    *expand(rules.figure.output.files, fig=FIGURE_IDS),
    *expand(rules.figure.output.data, fig=FIGURE_IDS),
    *expand(rules.figure.output.previews, fig=FIGURE_IDS),
    *rules.rulegraph.output,
    *rules.notebook.output,
]


# the rules that write what the data package describes (the tables and the figures'
# values), and what the report and the manifest describe (REPORTED_OUTPUTS): their jobs'
# records are the inputs of those three rules (an output whose record is missing stops
# the job that describes it)
TABLE_RULES = sorted({t.rule for t in catalogue.TABLES.values() if t.stage != "data"})
RECORDS = job_records(
    TABLE_RULES + ["fetch", "audit", "data_dictionary", "tables", "figure", "rulegraph", "notebook"]
)


rule report:
    """The HTML report a reader opens without Python, a page per language:
    results/report.html, results/report.ja.html."""
    input:
        library=library("write_report.py"),
        captions=expand(rules.figure.output.caption, fig=FIGURE_IDS),
        tables=rules.tables.output,
        audit=rules.audit.output.html,
        notebook=rules.notebook.output.html,
        rulegraph=rules.rulegraph.output.png,
        registry=repo(config["registry"]),
        methods=[repo(methods_page(code)) for code in LANGUAGES],
        numbers=rules.numbers.output.json,
        commodities=table("commodities"),
        japan=table("japan_import_dependency_2009"),
        japan_today=table("japan_imports"),
        comparison=table("paper_metals_comparison"),
        stages=table("mining_and_processing"),
        languages=LANGUAGE_FILES,
        outputs=REPORTED_OUTPUTS,
        records=RECORDS,
    output:
        html=[web.page_name("results/report", code) for code in LANGUAGES],
        font="results/report_files/IPA_Font_License_Agreement_v1.0.txt",
    log:
        **logs("report/report"),
    benchmark:
        benchmark("report/report")
    conda:
        "../../environment.yml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        middle_year=MIDDLE_YEAR,
    script:
        "../scripts/write_report.py"


rule citations:
    """BibTeX of every source (results/sources.bib) and a Frictionless Data Package of every
    table and of the values each figure draws (results/datapackage.json)."""
    input:
        library=library("write_citations.py"),
        registry=repo(config["registry"]),
        tables=[t.path for t in catalogue.TABLES.values() if t.stage != "data"],
        figure_data=expand(rules.figure.output.data, fig=FIGURE_IDS),
        # the records of the jobs that wrote what the data package describes
        records=job_records(TABLE_RULES + ["figure"]),
    output:
        bib="results/sources.bib",
        package="results/datapackage.json",
    log:
        **logs("report/citations"),
    benchmark:
        benchmark("report/citations")
    conda:
        "../../environment.yml"
    params:
        version=PROJECT_VERSION,
        settings=SCHEMA_SETTINGS,
    script:
        "../scripts/write_citations.py"


rule manifest:
    """Every output with its sha256, size, rule, inputs (with sha256) and the code version."""
    input:
        library=library("write_manifest.py"),
        outputs=REPORTED_OUTPUTS
        + rules.report.output
        + rules.numbers.output
        + rules.citations.output,
        every_module=sorted(
            os.path.relpath(p)
            for p in Path(catalogue.__file__).parents[1].rglob("*")
            if p.suffix in (".py", ".js", ".j2", ".csv")
        ),
        records=RECORDS + job_records(["numbers", "report", "citations"]),
    output:
        "results/manifest.json",
    log:
        **logs("report/manifest"),
    benchmark:
        benchmark("report/manifest")
    conda:
        "../../environment.yml"
    params:
        root=repo("."),
    script:
        "../scripts/write_manifest.py"
