"""Run one rule's script outside Snakemake, for debugging (PyPSA-Eur's ``mock_snakemake``):

    PYTHONPATH=src .venv/bin/python workflow/scripts/_debug.py RULE [WILDCARD=VALUE ...]

from the repository's folder, for example ``... _debug.py fetch source=paper`` or
``... _debug.py figure fig=fig4_export_quotas``. The workflow is read as Snakemake reads it
(config, registry, the rule's inputs, params and log), the rule's inputs must exist (build
them first), and the script then runs in this process: not in the warm interpreter, its
messages and any traceback on the terminal rather than in the log, so that
``python -m pdb workflow/scripts/_debug.py ...`` stops in it. It writes the rule's outputs
where a build would, but Snakemake keeps no record of the run.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

DEBUG = "RAREMETALS_DEBUG"  # _helpers.configure leaves the terminal alone under it


def mock_snakemake(rule: str, workdir=".", **wildcards):
    """The ``snakemake`` object Snakemake would hand the script of ``rule`` with these
    wildcards: input, output, params, log, wildcards, config."""
    from snakemake.api import SnakemakeApi
    from snakemake.dag import DAG
    from snakemake.iocontainers import Snakemake
    from snakemake.jobs import Job
    from snakemake.settings.types import (
        ConfigSettings,
        DAGSettings,
        OutputSettings,
        ResourceSettings,
        StorageSettings,
    )

    snakefile = Path(__file__).resolve().parents[2] / "Snakefile"
    with SnakemakeApi(OutputSettings(quiet=True)) as api:
        workflow = api.workflow(
            resource_settings=ResourceSettings(),
            config_settings=ConfigSettings(),
            storage_settings=StorageSettings(),
            snakefile=snakefile,
            workdir=Path(workdir),
        )._workflow
        workflow.dag_settings = DAGSettings()
        found = workflow.get_rule(rule)
        job = Job(found, DAG(workflow, rules=[found]), wildcards)
        return Snakemake(
            job.input,
            job.output,
            job.params,
            job.wildcards,
            job.threads,
            job.resources,
            job.log,
            workflow.config,
            found.name,
            None,
            scriptdir=str(Path(__file__).parent),
        ), found.script


def main(argv: list[str]) -> int:
    if not argv or any("=" not in a for a in argv[1:]):
        print(__doc__, file=sys.stderr)
        return 2
    wildcards = dict(a.split("=", 1) for a in argv[1:])
    snakemake, script = mock_snakemake(argv[0], **wildcards)
    missing = [p for p in snakemake.input if not Path(p).exists()]
    if missing:
        print(
            f"error: rule {argv[0]} needs inputs that are not there; make them first with "
            f"./pipeline build {' '.join(missing)}",
            file=sys.stderr,
        )
        return 1
    os.environ[DEBUG] = "1"
    path = Path(__file__).parent / Path(script).name
    sys.argv = [str(path)]
    runpy.run_path(str(path), init_globals={"snakemake": snakemake}, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
