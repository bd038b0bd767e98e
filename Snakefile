# Regenerates the analysis of 「レアメタル/レアアースの戦略性と安全保障」 (2010) from its
# sources. Stages: fetch -> clean -> stats -> audit, tables, figures -> report,
# numbers, manifest.
# Build everything with `./pipeline build` (see README.md). The rules run the library
# `raremetals` (src/), which must be installed in the environment (./pipeline does so).

from pathlib import Path

from snakemake.utils import min_version, validate

from raremetals.core.errors import InputError
from raremetals.core.io import read_yaml

min_version("9.0")

# Paths resolve against this file's folder, so the workflow runs from any folder (-d)
# and as another workflow's module (which passes its own config).
CONFIG_FILE = Path(workflow.current_basedir, "config/config.yaml")

# Snakemake's own message for a broken config names neither line nor column; a bad
# input is reported as one line, without a traceback. The files of --configfile too:
# an alias bomb in one is refused before the schema check expands it.
try:
    for path in [CONFIG_FILE, *workflow.overwrite_configfiles]:
        read_yaml(path)
except InputError as err:
    sys.exit(f"error: {err}")


configfile: CONFIG_FILE


# what `snakemake --report report.zip` says of the workflow; outputs marked report() join it
report: "workflow/report/workflow.rst"


validate(config, "workflow/schemas/config.schema.yaml")


include: "workflow/rules/common.smk"
include: "workflow/rules/fetch.smk"
include: "workflow/rules/clean.smk"
include: "workflow/rules/stats.smk"
include: "workflow/rules/audit.smk"
include: "workflow/rules/render.smk"
include: "workflow/rules/report.smk"



onstart:
    start_job_server()


# Small rules that a cluster run keeps in the main process.
localrules:
    all,
    fetch,
    data_dictionary,
    numbers,
    manifest,
    rulegraph,


# Every output is a target, not only the manifest that lists them: Snakemake does not
# remake a missing file whose consumers are up to date, so an interrupted forced rerun
# (which removes the outputs it is about to remake) would leave a build that says it is
# complete without them.
rule all:
    default_target: True
    input:
        rules.manifest.output,
        rules.numbers.output,
        REPORTED_OUTPUTS,
