rule figure:
    """One figure in every language, in the formats of config figures.formats (PNG at
    300 dpi and PDF by default), its caption sidecar and the values it draws (CSV)."""
    input:
        unpack(figure_inputs),
        library=lambda wildcards: library(
            "draw_figure.py", f"raremetals.render.figures.{wildcards.fig}"
        ),
        languages=LANGUAGE_FILES,
    output:
        caption="results/figures/{fig}.caption.json",
        data="results/figures/{fig}.data.csv",
        # the report's images: smaller copies of the PNGs, which it links
        previews=expand("results/figures/{{fig}}.{lang}.preview.png", lang=LANGUAGES),
        files=[
            *(
                report(
                    f"results/figures/{{fig}}.{lang}.png",
                    caption="../report/figure.rst",
                    category="Figures",
                    subcategory=lang,
                    labels={"figure": "{fig}", "language": lang},
                )
                for lang in LANGUAGES
            ),
            *expand(
                "results/figures/{{fig}}.{lang}.{ext}",
                lang=LANGUAGES,
                ext=[f for f in config["figures"]["formats"] if f != "png"],
            ),
        ],
    log:
        **logs("figures/{fig}"),
    benchmark:
        benchmark("figures/{fig}")
    wildcard_constraints:
        fig="|".join(FIGURE_IDS),
    conda:
        "../../environment.yml"
    resources:
        mem_mb=1500,
        runtime=10,
    params:
        figures=config["figures"],
        latest_edition=max(config["editions"]),
        caption=figure_caption,
    script:
        "../scripts/draw_figure.py"


PAPER_TABLES = paper_tables.names(LANGUAGES)


rule tables:
    """The paper's Table 1 and Table 3 corrected in every language, Table 3 as printed,
    China's export measures 2012-2025, the processing stage beside mining and the horizon
    (2009, 2024, 2030), in CSV, Markdown, LaTeX and HTML."""
    input:
        library=library("render_tables.py"),
        table3=table("paper_table3_corrected"),
        elements=table("elements"),
        commodities=table("commodities"),
        controls=table("china_export_controls"),
        measures=table("china_export_measures"),
        stages=table("mining_and_processing"),
        horizon=table("horizon"),
        languages=LANGUAGE_FILES,
        evidence=CORRECTIONS_TRANSLATED,
    output:
        expand("results/tables/{table}.{ext}", table=PAPER_TABLES, ext=["csv", "md", "tex"]),
        html=[
            report(
                f"results/tables/{name}.html",
                caption="../report/paper_table.rst",
                category="Tables",
                labels={"table": name},
            )
            for name in PAPER_TABLES
        ],
    log:
        **logs("tables/tables"),
    benchmark:
        benchmark("tables/tables")
    conda:
        "../../environment.yml"
    script:
        "../scripts/render_tables.py"
