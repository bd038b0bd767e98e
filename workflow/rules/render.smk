rule figure:
    """One figure in every language (PNG 300 dpi, SVG, PDF) and its caption sidecar."""
    input:
        unpack(figure_inputs),
        library=LIBRARY,
    output:
        caption="results/figures/{fig}.caption.json",
        files=expand("results/figures/{{fig}}.{lang}.{ext}", lang=config["languages"],
                     ext=["png", "svg", "pdf"]),
    params:
        figures=config["figures"],
        latest_edition=max(config["editions"]),
        languages=config["languages"],
    wildcard_constraints:
        fig="[a-z0-9_]+",
    resources:
        mem_mb=1500,
        runtime=10,
    log:
        "logs/figures/{fig}.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/draw_figure.py"


rule tables:
    """The paper's Table 1, Table 3 as printed and Table 3 corrected, in CSV, Markdown,
    LaTeX and HTML."""
    input:
        library=LIBRARY,
        table3=rules.correct_table3.output[0],
        elements="data/elements.csv",
        commodities="data/commodities.csv",
    output:
        expand("results/tables/{table}.{ext}",
               table=["table1_rare_metals.en", "table1_rare_metals.ja",
                      "table3_as_printed.ja", "table3_corrected.en", "table3_corrected.ja"],
               ext=["csv", "md", "tex", "html"]),
    log:
        "logs/tables/tables.log",
    conda:
        "../../environment.yml"
    script:
        "../scripts/render_tables.py"
