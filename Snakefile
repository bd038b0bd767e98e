# Regenerates the analysis of 「レアメタル/レアアースの戦略性と安全保障」 (2010) from its
# sources. Stages: fetch -> clean -> stats -> audit, tables, figures.
# Build everything with `./pipeline build` (see README.md).

from snakemake.utils import min_version, validate

min_version("9.0")


configfile: "config/config.yaml"


validate(config, "workflow/schemas/config.schema.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/fetch.smk"
include: "workflow/rules/clean.smk"
include: "workflow/rules/stats.smk"
include: "workflow/rules/audit.smk"
include: "workflow/rules/render.smk"


rule all:
    input:
        rules.clean_usgs_world.output,
        rules.clean_net_import_reliance.output,
        rules.clean_wgi.output,
        rules.clean_table3.output,
        rules.correct_table3.output,
        rules.concentration.output,
        rules.dependency.output,
        rules.audit.output,
        rules.tables.output,
        expand(rules.figure.output.caption, fig=FIGURE_IDS),
        expand(rules.data_dictionary.output, stage=["tidy", "stats", "audit"]),
    default_target: True
