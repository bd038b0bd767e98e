import sys

# The Snakefile reads the registry with the project's library, installed or not.
sys.path.insert(0, f"{workflow.basedir}/src")


def load_registry():
    from raremetals.registry import load_registry as _load

    return _load(config["registry"])


REGISTRY = load_registry()


def fetch_record(source):
    return f"results/fetch/{source}.json"


def vendored_files(wildcards):
    """In snapshot mode the fetch rule reads the vendored files, so edits to them re-run it."""
    if config["fetch"]["mode"] != "snapshot":
        return []
    return [f.path for f in REGISTRY[wildcards.source].files]
