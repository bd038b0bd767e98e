from pathlib import Path


def load_registry():
    from raremetals.registry import load_registry as _load

    try:
        return _load(config["registry"])
    except InputError as err:
        sys.exit(f"error: {err}")


REGISTRY = load_registry()


def check_snapshot_present():
    """Snakemake does not notice an input deleted after a build (the outputs are up to
    date), so a registered file missing from the snapshot is refused here, every run."""
    if config["fetch"]["mode"] != "snapshot":
        return
    for source in REGISTRY.values():
        for f in source.files:
            if not Path(f.path).is_file():
                err = InputError(f.path, f"the vendored file that {config['registry']} "
                                 f"registers for source '{source.id}'", "no such file")
                sys.exit(f"error: {err}")


check_snapshot_present()


def check_config_values():
    """What the config schema cannot know: the commodity ids of data/commodities.csv."""
    import csv

    with open("data/commodities.csv", encoding="utf-8") as fh:
        known = {row["commodity"] for row in csv.DictReader(fh)}
    commodity = config["notebook"]["commodity"]
    if commodity not in known:
        raise ValueError(f"config key notebook.commodity: {commodity!r} is not a commodity "
                         f"id of data/commodities.csv (e.g. rare_earths, tungsten)")


check_config_values()

# Every rule lists the library among its inputs, so a change to the code re-runs what it
# may change (Snakemake tracks the scripts, not the modules they import).
LIBRARY = sorted(str(p) for p in Path("src/raremetals").glob("*.py"))


# tidy table -> the source it is cleaned from (raremetals.schemas.AS_PRINTED)
COMPILED_TABLES = {"paper_claims": "paper", "china_ree_export_quotas":
                   "china_ree_export_quotas", "gwec_wind_2009": "gwec_wind_2009",
                   "sipri_milex": "sipri_milex", "ree_2009_secondary": "ree_2009_secondary"}


def fetch_record(source):
    return f"results/fetch/{source}.json"


def vendored_files(wildcards):
    """In snapshot mode the fetch rule reads the vendored files, so edits to them re-run it."""
    if config["fetch"]["mode"] != "snapshot":
        return []
    return [f.path for f in REGISTRY[wildcards.source].files]


def _figure_ids():
    from raremetals.figures import FIGURES

    return sorted(FIGURES)


FIGURE_IDS = _figure_ids()


FIGURE_INPUTS = {
    "shares": "results/stats/country_shares.csv",
    "comparison": "results/stats/paper_metals_comparison.csv",
    "concentration": "results/stats/concentration.csv",
    "us_import_reliance": "results/stats/us_import_reliance.csv",
    "commodities": "data/commodities.csv",
    "elements": "data/elements.csv",
    "quotas": "results/tidy/china_ree_export_quotas.csv",
    "sipri": "results/tidy/sipri_milex.csv",
    "gwec": "results/tidy/gwec_wind_2009.csv",
    "claims": "results/tidy/paper_claims.csv",
}


def figure_inputs(wildcards):
    from raremetals.figures import FIGURES

    return {n: FIGURE_INPUTS[n] for n in FIGURES[wildcards.fig].inputs}
