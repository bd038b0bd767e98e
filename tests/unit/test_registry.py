"""The source registry describes the snapshot completely, and the set-up files agree."""

import re
import tomllib

import yaml

from conftest import REPO
from raremetals.sources.registry import load_registry


def test_every_vendored_file_is_registered_and_every_entry_exists():
    registry = load_registry(REPO / "data/sources.yaml")
    registered = {f.path for s in registry.values() for f in s.files}
    on_disk = {str(p.relative_to(REPO)) for p in (REPO / "data/raw").rglob("*") if p.is_file()}
    assert registered == on_disk


def test_sources_carry_what_a_citation_needs():
    registry = load_registry(REPO / "data/sources.yaml")
    for source in registry.values():
        assert source.title and source.publisher and source.licence and source.citation
        assert source.vendored == bool(source.files)
        for f in source.files:
            assert re.fullmatch(r"[0-9a-f]{64}", f.sha256)
    assert {
        "usgs_mcs2023",
        "usgs_mcs2024",
        "worldbank_wgi",
        "paper",
        "sipri_milex",
        "gwec_wind_2009",
        "china_ree_export_quotas",
    } <= set(registry)
    mcs2010 = registry["usgs_mcs2010"]
    assert not mcs2010.vendored and mcs2010.url.endswith("mcs2010.pdf")
    assert registry["usgs_mcs2024"].doi == "10.5066/P144BA54"


def test_environment_yml_installs_the_project_with_the_locked_pins():
    """The conda environment is the rules' one: the project, constrained by the lock; the
    test tools are not in it. Every pin of pyproject.toml agrees with the lock."""
    env = yaml.safe_load((REPO / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip == ["-c requirements.lock", "-e ."]
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pins = set(project["dependencies"]) | set(project["optional-dependencies"]["test"])
    assert all("==" in p for p in pins)
    assert not {"pytest", "selenium", "hypothesis"} & {
        p.split("==")[0] for p in project["dependencies"]
    }

    def norm(name):
        return re.sub(r"[-_.]+", "-", name).lower()

    lock = {
        norm(n): v
        for n, v in (line.split("==") for line in (REPO / "requirements.lock").read_text().split())
    }
    for pin in pins:
        name, version = pin.split("==")
        assert lock[norm(name)] == version, f"requirements.lock disagrees on {name}"


def test_a_release_names_its_statements_among_its_own_files(tmp_path):
    """The peer check's files are the registry's data (usgs_release.statements): MCS 2026
    names T7 and Fig. 3, MCS 2024 its T5; a statement file the source does not hold, or
    a kind of statement the registry does not know, stops the load naming it."""
    import pytest

    from raremetals.core.errors import InputError
    from raremetals.sources.registry import usgs_editions

    text = (REPO / "data/sources.yaml").read_text(encoding="utf-8")
    releases = {
        e: s.usgs_release
        for e, s in usgs_editions(load_registry(REPO / "data/sources.yaml")).items()
    }
    assert releases["mcs2026"]["statements"] == {
        "salient": "data/raw/usgs_mcs2026/MCS2026_T7_Critical_Minerals_Salient.csv",
        "import_shares": "data/raw/usgs_mcs2026/MCS2026_Fig3_Major_Import_Sources.csv",
    }
    assert set(releases["mcs2024"]["statements"]) == {"salient"}
    assert [e for e, r in releases.items() if "statements" in r] == ["mcs2024", "mcs2026"]
    for old, new, message in (
        (
            "salient: data/raw/usgs_mcs2024/trends/MCS2024_T5",
            "salient: data/raw/usgs_mcs2026/MCS2026_T7",
            "a usgs_release file among the files of source 'usgs_mcs2024'",
        ),
        ("        import_shares:", "        imports_shares:", "imports_shares"),
    ):
        broken = tmp_path / "sources.yaml"
        broken.write_text(text.replace(old, new, 1), encoding="utf-8")
        with pytest.raises(InputError, match=re.escape(message)):
            load_registry(broken)


def test_the_middle_year_must_be_a_year_the_editions_give():
    from raremetals.core.settings import data_years, latest_data_year, middle_year_error

    editions = ["mcs2022", "mcs2023", "mcs2024", "mcs2025", "mcs2026"]
    assert data_years(editions) == list(range(2020, 2026)) and latest_data_year(editions) == 2025
    assert middle_year_error(2023, editions) is None
    assert middle_year_error(2020, editions) is None
    message = middle_year_error(2030, editions)
    assert message.startswith("config key comparison.middle_year: 2030 is not a year")
    assert "2020-2025" in message
    assert middle_year_error(2021, ["mcs2026"]) is not None  # MCS 2026 gives 2024 and 2025


def test_a_config_value_that_cannot_work_is_named_with_its_key():
    """What the config schema cannot know, checked where the workflow starts
    (core.settings.config_error): editions the registry lacks, a middle year no edition
    gives, a commodity data/commodities.csv lacks, a language without its catalogue."""
    from raremetals.core.settings import config_error

    editions = ["mcs2022", "mcs2023", "mcs2024", "mcs2025", "mcs2026"]
    config = {
        "editions": editions,
        "notebook": {"edition": "mcs2024", "commodity": "rare_earths"},
        "comparison": {"middle_year": 2023},
    }

    def error(**changed):
        args = {"commodities": {"rare_earths", "tungsten"}, "catalogues": {"en": True}}
        return config_error(
            {**config, **changed.pop("config", {})},
            editions,
            "data/sources.yaml",
            **{**args, **changed},
        )

    assert error() is None
    assert error(config={"editions": ["mcs2099"]}) == (
        "config key editions: 'mcs2099' is not an edition of data/sources.yaml (its "
        "usgs_release entries: mcs2022, mcs2023, mcs2024, mcs2025, mcs2026)"
    )
    assert error(config={"notebook": {"edition": "mcs2021", "commodity": "rare_earths"}}) == (
        "config key notebook.edition: 'mcs2021' is not an edition of data/sources.yaml (its "
        "usgs_release entries: mcs2022, mcs2023, mcs2024, mcs2025, mcs2026)"
    )
    assert error(config={"comparison": {"middle_year": 2030}}).startswith(
        "config key comparison.middle_year: 2030 is not a year the editions of this build "
        "give (mcs2022, mcs2023, mcs2024, mcs2025, mcs2026: 2020-2025)"
    )
    assert error(config={"notebook": {"edition": "mcs2024", "commodity": "unobtainium"}}) == (
        "config key notebook.commodity: 'unobtainium' is not a commodity id of "
        "data/commodities.csv (e.g. rare_earths, tungsten)"
    )
    assert error(catalogues={"en": True, "xx": False}) == (
        "config key languages: 'xx' has no text catalogue (expected data/languages/xx.yaml)"
    )


def test_an_address_no_url_can_hold_is_refused_naming_its_source(tmp_path):
    """A brace, space or quote in a URL or DOI (no URL holds one unencoded) would break the
    BibTeX and HTML it is written into: the registry refuses it at load, naming the key;
    the configuration's mirror follows the same rule."""
    import pytest
    import yaml

    from raremetals.core.errors import InputError
    from raremetals.sources.registry import URL_PATTERN

    text = (REPO / "data/sources.yaml").read_text(encoding="utf-8")
    first = re.search(r"^    url: (https://\S+)$", text, re.M)
    for bad in (first[1] + "{x", first[1] + " y", first[1] + '"'):
        broken = tmp_path / "sources.yaml"
        broken.write_text(text.replace(first[0], f"    url: '{bad}'", 1), encoding="utf-8")
        with pytest.raises(InputError, match=r"a valid registry entry \(source '\w+', key url\)"):
            load_registry(broken)
    schema = yaml.safe_load((REPO / "workflow/schemas/config.schema.yaml").read_text())
    assert schema["properties"]["fetch"]["properties"]["mirror"]["pattern"] == URL_PATTERN


def test_the_snapshot_is_checked_every_run_for_links_sizes_and_gaps(tmp_path):
    """A vendored file swapped for a link (which could point anywhere, or to an older
    copy Snakemake would not notice), cut short, or gone, is refused naming it."""
    import shutil

    import pytest

    from raremetals.core.errors import InputError
    from raremetals.sources.registry import check_snapshot

    registry = load_registry(REPO / "data/sources.yaml")
    check_snapshot(registry, REPO, "data/sources.yaml")
    source = registry["gwec_wind_2009"]
    one = {"gwec_wind_2009": source}
    rel = source.files[0].path
    (tmp_path / rel).parent.mkdir(parents=True)
    shutil.copy2(REPO / rel, tmp_path / rel)
    check_snapshot(one, tmp_path, "data/sources.yaml")
    (tmp_path / rel).unlink()
    (tmp_path / rel).symlink_to(REPO / rel)
    with pytest.raises(
        InputError, match=rf"{rel}: expected .*, a regular file, found 'a symbolic link'"
    ):
        check_snapshot(one, tmp_path, "data/sources.yaml")
    (tmp_path / rel).unlink()
    (tmp_path / rel).write_bytes((REPO / rel).read_bytes()[:-10])
    with pytest.raises(InputError, match=r"of [\d,]+ bytes, found '[\d,]+ bytes'"):
        check_snapshot(one, tmp_path, "data/sources.yaml")
    (tmp_path / rel).unlink()
    with pytest.raises(
        InputError, match="registers for source 'gwec_wind_2009', found 'no such file'"
    ):
        check_snapshot(one, tmp_path, "data/sources.yaml")
