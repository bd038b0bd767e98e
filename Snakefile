# Regenerates the analysis of 「レアメタル/レアアースの戦略性と安全保障」 (2010) from its
# sources. Stages: fetch -> clean -> stats -> audit, tables, figures -> report,
# numbers, manifest.
# Build everything with `./pipeline build` (see README.md).

import sys

from snakemake.utils import min_version, validate

min_version("9.0")

# The Snakefile reads the config and the registry with the project's library, installed
# or not.
sys.path.insert(0, f"{workflow.basedir}/src")
from raremetals.errors import InputError
from raremetals.registry import read_yaml

# Snakemake's own message for a broken config names neither line nor column; a bad
# input is reported as one line, without a traceback.
try:
    read_yaml(f"{workflow.basedir}/config/config.yaml")
except InputError as err:
    sys.exit(f"error: {err}")


configfile: "config/config.yaml"


validate(config, "workflow/schemas/config.schema.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/fetch.smk"
include: "workflow/rules/clean.smk"
include: "workflow/rules/stats.smk"
include: "workflow/rules/audit.smk"
include: "workflow/rules/render.smk"


include: "workflow/rules/report.smk"


# Small rules that a cluster run keeps in the main process.
localrules:
    all,
    fetch,
    data_dictionary,
    numbers,
    manifest,
    rulegraph,


rule all:
    input:
        rules.manifest.output,
        rules.numbers.output,
    default_target: True
