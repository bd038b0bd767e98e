import functools
import importlib.metadata
import os

from raremetals.clean.usgs_reference import REFERENCE as USGS_REFERENCE
from raremetals.core import catalogue, settings
from raremetals.core.errors import InputError
from raremetals.core.io import read_yaml
from snakemake.io import report as marked_for_report  # `report` starts a directive here
from raremetals.render.figures import FIGURES, caption_words
from raremetals.render import paper_tables, web
from raremetals.sources.registry import check_snapshot, load_registry, usgs_editions

# The repository: its data, config and notebooks are read from here, whatever folder
# the workflow runs in (-d) and whether it runs by itself or as another's module.
ROOT = Path(workflow.current_basedir).parents[1]
SCRIPTS = ROOT / "workflow" / "scripts"


def _script_module(name):
    """A module of workflow/scripts (the workflow's own machinery, beside the scripts)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


_library = _script_module("_library")


def repo(path):
    """A file of the repository, as a path from the folder the workflow runs in."""
    return os.path.relpath(ROOT / path)


# a bad registry stops the run with one line naming the file and the place
try:
    REGISTRY = load_registry(repo(config["registry"]))
except InputError as err:
    sys.exit(f"error: {err}")
# the USGS editions the registry holds (edition id -> source), each with its layout; the
# config's "all" stands for every one of them, oldest first
USGS_EDITIONS = usgs_editions(REGISTRY)
if config["editions"] == "all":
    config["editions"] = list(USGS_EDITIONS)
MIDDLE_YEAR = config["comparison"]["middle_year"]
# the settings of the build some tables' columns follow (catalogue.schema)
SCHEMA_SETTINGS = {"editions": config["editions"], "middle_year": MIDDLE_YEAR}
LANGUAGES = config["languages"]
LANGUAGE_FILES = [repo(f"data/languages/{code}.yaml") for code in LANGUAGES]
# the evidence of Table 3's corrections in the languages it is translated into
CORRECTIONS_TRANSLATED = [
    repo(f"data/corrections/table3_evidence.{code}.csv")
    for code in LANGUAGES
    if (ROOT / f"data/corrections/table3_evidence.{code}.csv").is_file()
]


def check_snapshot_present():
    """The snapshot as the registry gives it, every run (sources.registry.check_snapshot)."""
    if config["fetch"]["mode"] != "snapshot":
        return
    try:
        check_snapshot(REGISTRY, ROOT, config["registry"])
    except InputError as err:
        sys.exit(f"error: {err}")


def check_config_values():
    """What the config schema cannot know: editions, commodity ids and language
    catalogues (core.settings.config_error)."""
    import csv

    with open(table("commodities"), encoding="utf-8") as fh:
        commodities = {row["commodity"] for row in csv.DictReader(fh)}
    catalogues = {code: Path(p).is_file() for code, p in zip(LANGUAGES, LANGUAGE_FILES)}
    wrong = settings.config_error(
        config, list(USGS_EDITIONS), config["registry"], commodities, catalogues
    )
    if wrong:
        sys.exit(f"error: {wrong}")


# --- which files of the library each rule runs (workflow/scripts/_library.py) ----------


def library(script, *modules):
    """The library files a workflow script (and any modules it imports by name at run
    time) depends on, with the packages that hold them."""
    return _library.library_files(SCRIPTS / script, *modules)


# --- paths -----------------------------------------------------------------------------


def table(name):
    return (
        catalogue.path(name)
        if catalogue.TABLES[name].stage != "data"
        else repo(catalogue.path(name))
    )


# The project's version (pyproject.toml, CITATION.cff), as the installed library gives it
PROJECT_VERSION = importlib.metadata.version("raremetals")


def tables_of(rule):
    """The tables the catalogue declares ``rule`` writes, by name: the rule's outputs
    (PyPSA-Eur's resources()), so that a table's path is written once, in the catalogue.
    A table with a report category is marked for Snakemake's report."""
    tables = {name: catalogue.TABLES[name] for name in catalogue.of_rule(rule)}
    if not tables:
        sys.exit(f"error: the catalogue declares no table of rule {rule}")
    return {
        name: (
            marked_for_report(
                t.path,
                caption="../report/table.rst",
                category=t.report,
                labels={"table": name},
            )
            if t.report
            else t.path
        )
        for name, t in tables.items()
    }


def described(rule):
    """Each reported table of a rule with its description (the report's caption)."""
    return {
        f"{catalogue.path(name)}": catalogue.TABLES[name].description
        for name in catalogue.of_rule(rule)
        if catalogue.TABLES[name].report
    }


@functools.cache
def english_captions():
    return read_yaml(LANGUAGE_FILES[0])["figures"]["captions"]


def figure_caption(wildcards):
    """A figure's English caption, for Snakemake's report."""
    return english_captions()[wildcards.fig].format(**caption_words(config["editions"]))


def methods_page(code):
    """The methods a report in the language ``code`` embeds: docs/methods.<code>.md where
    there is one (a summary), else the English docs/methods.md."""
    page = f"docs/methods.{code}.md"
    return page if (ROOT / page).is_file() else "docs/methods.md"


def fetch_record(source):
    return f"results/fetch/{source}.json"


def logs(name):
    """The rule's error log and its job record (read by the manifest)."""
    return {"stderr": f"logs/{name}.log", "job": f"logs/{name}.job.json"}


def job_records(names):
    """The record of every job of the rules ``names`` (a job's log ``job``, as the rule
    gives it, in a module too), its wildcards expanded: a rule that reads the records
    takes them as inputs, so that each is complete when it is read."""
    values = {
        "source": [s for s, source in REGISTRY.items() if source.vendored],
        "fig": FIGURE_IDS,
        "table": list(COMPILED_TABLES),
    }
    found = []
    for name in sorted(set(names)):
        job = getattr(rules, name)
        found += expand(str(job.log.job), **{w: values[w] for w in job.rule.wildcard_names})
    return sorted(found)


def benchmark(name):
    return f"logs/benchmarks/{name}.tsv"


COMPILED_TABLES = {
    t.name: t.source for t in catalogue.TABLES.values() if t.rule == "clean_compiled_table"
}
FIGURE_IDS = list(FIGURES)  # in the order the report shows them


def vendored_files(wildcards):
    """In snapshot mode the fetch rule reads the vendored files, so edits to them re-run it."""
    if config["fetch"]["mode"] != "snapshot":
        return []
    return [repo(f.path) for f in REGISTRY[wildcards.source].files]


def figure_inputs(wildcards):
    return {name: table(name) for name in FIGURES[wildcards.fig]}


def edition_records():
    """The fetch records of the editions the config names."""
    return [fetch_record(USGS_EDITIONS[e].id) for e in config["editions"]]


def releases_stating():
    """The registry entries of the editions the config names whose release states
    something of its own world tables (usgs_release.statements), oldest first."""
    return [
        USGS_EDITIONS[e]
        for e in config["editions"]
        if "statements" in USGS_EDITIONS[e].usgs_release
    ]


check_snapshot_present()
check_config_values()


def start_job_server():
    """The jobs' scripts run in a warm interpreter (workflow/scripts/_warm.py); starting
    it while Snakemake plans spares the first jobs the wait. It is started with the
    environment Snakemake gives a job, or the jobs would start a server of their own."""
    warm = _script_module("_warm")
    if warm.enabled():
        warm.start(env=warm.job_environment())
