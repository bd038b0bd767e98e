rule numbers:
    """Headline numbers for reports: results/numbers.json and one LaTeX macro each."""
    input:
        comparison=rules.concentration.output.comparison,
        rp=rules.concentration.output.rp,
        japan=rules.dependency.output.japan,
        claims=rules.audit.output.claims,
        errata=rules.audit.output.errata,
        library=LIBRARY,
    output:
        json="results/numbers.json",
        tex="results/numbers.tex",
    log:
        "logs/report/numbers.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/headline_numbers.py"


rule rulegraph:
    """The workflow's rule graph, as Snakemake gives it (DOT) and drawn (PNG)."""
    input:
        snakefiles=["Snakefile", *sorted(str(p) for p in Path("workflow/rules").glob("*.smk"))],
        library=LIBRARY,
    output:
        dot="results/workflow/rulegraph.dot",
        png="results/workflow/rulegraph.png",
    params:
        python=sys.executable,
    log:
        "logs/report/rulegraph.log",
    conda:
        "../../environment.yml"
    shell:
        "{params.python} -m snakemake --rulegraph --nolock --quiet all 2> {log} | "
        "{params.python} workflow/scripts/draw_rulegraph.py {output.dot} {output.png} 2>> {log}"


rule notebook:
    """The walk-through notebook, executed with papermill and rendered to HTML."""
    input:
        notebook="notebooks/explore.ipynb",
        observations=rules.clean_usgs_world.output.observations,
        concentration=rules.concentration.output.concentration,
        comparison=rules.concentration.output.comparison,
        library=LIBRARY,
    output:
        ipynb="results/notebooks/explore.ipynb",
        html="results/notebooks/explore.html",
    params:
        parameters=config["notebook"],
    resources:
        mem_mb=2000,
        runtime=15,
    log:
        "logs/report/notebook.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/run_notebook.py"


# Every output the report describes and the manifest lists (besides themselves).
REPORTED_OUTPUTS = [
    *[fetch_record(s) for s, source in REGISTRY.items() if source.vendored],
    *rules.clean_usgs_world.output, *rules.clean_net_import_reliance.output,
    *rules.clean_wgi.output, *rules.clean_table3.output, *rules.correct_table3.output,
    *expand(rules.clean_compiled_table.output, table=COMPILED_TABLES),
    *rules.concentration.output, *rules.dependency.output, *rules.audit.output,
    *expand(rules.data_dictionary.output, stage=["tidy", "stats", "audit"]),
    *rules.tables.output,
    *expand(rules.figure.output.caption, fig=FIGURE_IDS),
    *expand(rules.figure.output.files, fig=FIGURE_IDS),
    *rules.rulegraph.output, *rules.notebook.output,
]


rule report:
    """The HTML report a reader opens without Python: results/report.html."""
    input:
        captions=expand(rules.figure.output.caption, fig=FIGURE_IDS),
        tables=rules.tables.output,
        audit=rules.audit.output.html,
        notebook=rules.notebook.output.html,
        rulegraph=rules.rulegraph.output.png,
        registry=config["registry"],
        readme="README.md",
        methods="docs/methods.md",
        outputs=REPORTED_OUTPUTS,
        library=LIBRARY,
    output:
        html="results/report.html",
        font=expand("results/report_files/{name}", name=["ipaexg.ttf",
                    "IPA_Font_License_Agreement_v1.0.txt"]),
    resources:
        mem_mb=1000,
        runtime=10,
    log:
        "logs/report/report.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/write_report.py"


rule manifest:
    """Every output with its sha256, size, rule, inputs (with sha256) and the code version."""
    input:
        outputs=REPORTED_OUTPUTS + rules.report.output + rules.numbers.output,
        library=LIBRARY,
    output:
        "results/manifest.json",
    log:
        "logs/report/manifest.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/write_manifest.py"
