"""Each fault of tests/faults.py met where its file is read: the USGS clean step
(``clean.layouts.clean_usgs_world``) on the snapshot with one file made faulty, and the
compiled tables' reader (``core.io.read_as_printed`` with the table's schema). The error
names the file, the row or column and what was expected, as the build would print it; a
few cases go through the whole pipeline as well (tests/pipeline/test_bad_input.py)."""

from __future__ import annotations

import shutil
from functools import cache

import pytest
from faults import (
    BROKEN,
    BROKEN_END_TO_END,
    CARELESS,
    CARELESS_END_TO_END,
    CASES,
    CLAIMS,
    END_TO_END,
    OBS,
    REGISTRY,
    SETTINGS_CASES,
    SETTINGS_END_TO_END,
    TABLE3,
)

from conftest import REPO
from raremetals.clean.commodities import load_commodities
from raremetals.clean.comtrade import PartnerCodes, parse_extract
from raremetals.clean.countries import CountryResolver
from raremetals.clean.layouts import clean_usgs_world
from raremetals.clean.paper import parse_table3
from raremetals.clean.usgs_reference import REFERENCE
from raremetals.clean.wgi import parse_wgi
from raremetals.core import catalogue
from raremetals.core.errors import InputError
from raremetals.core.io import read_as_printed, read_yaml
from raremetals.core.schemas import inputs
from raremetals.sources.registry import load_registry, usgs_editions
from raremetals.stats.distributions import paper_text_distributions

EDITIONS = usgs_editions(load_registry(REPO / "data/sources.yaml"))
# faults met before any file is read, or only by a later stage: through the pipeline alone
NOT_HERE = {"wrong checksum", "shares far above the world total"}
USGS = sorted(c for c, case in CASES.items() if case[3] == OBS and c not in NOT_HERE)
USGS_CARELESS = sorted(c for c, case in CARELESS.items() if case[3] == OBS)
COMPILED = {  # cases of a compiled table -> the table
    case: name
    for case, (_, _, _, target, _) in CASES.items()
    for name, table in catalogue.TABLES.items()
    if table.path == target and table.rule == "clean_compiled_table"
}


@cache
def _countries() -> CountryResolver:
    return CountryResolver(REPO / "data/countries.csv")


def _table3(path):
    return parse_table3(
        path, "paper", load_commodities(REPO / "data/commodities.csv"), _countries()
    )


def _wgi(path):
    return parse_wgi(path, "worldbank_wgi", _countries())


def _text_values(path):
    claims = read_as_printed(REPO / CLAIMS, inputs.CLAIMS)
    mapping = read_as_printed(path, inputs.PAPER_TEXT_VALUES)
    return paper_text_distributions(claims, mapping, _table3(REPO / TABLE3))


def _comtrade(path):
    partners = PartnerCodes(REPO / "data/comtrade_partners.csv", _countries())
    return parse_extract(path, "un_comtrade_extract", "392", partners)  # 392: Japan


READERS = {  # faults of a file one function reads: the case -> that function
    "table 3 number unlike its cell": _table3,
    "WGI indicator of an economy twice": _wgi,
    "correction factor in words": lambda path: read_as_printed(path, inputs.TABLE3_CORRECTIONS),
    "text value of a claim that does not exist": _text_values,
    "check tolerance in words": lambda path: read_as_printed(path, inputs.CLAIM_CHECKS),
    "issue 23: a Comtrade partner code no table knows": _comtrade,  # of CARELESS
}


def _faulty(tmp_path, rel: str, edit, in_place: bool):
    """A copy of ``rel`` below ``tmp_path`` at the same path, made faulty."""
    path = tmp_path / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / rel, path)
    if in_place:
        edit(path)
    else:
        changed = edit(path.read_text(encoding="utf-8-sig"))
        if isinstance(changed, bytes):
            path.write_bytes(changed)
        else:
            path.write_text(changed, encoding="utf-8")
    return path


def clean_with_fault(tmp_path, rel: str, edit, in_place: bool = False):
    faulty = str(_faulty(tmp_path, rel, edit, in_place))

    def at(path: str) -> str:
        return faulty if path == rel else str(REPO / path)

    # the faulty file's edition first: a fault met while reading stops before the others
    order = sorted(EDITIONS.values(), key=lambda s: all(f.path != rel for f in s.files))
    return clean_usgs_world(
        {s.id: [at(f.path) for f in s.files] for s in order},
        {s.id: s.usgs_release for s in order},
        {name: at(path) for name, path in REFERENCE.items()},
    )


def test_the_clean_snapshot_passes():
    tables, notes = clean_usgs_world(
        {s.id: [str(REPO / f.path) for f in s.files] for s in EDITIONS.values()},
        {s.id: s.usgs_release for s in EDITIONS.values()},
        {name: str(REPO / path) for name, path in REFERENCE.items()},
    )
    assert len(tables["observations"]) > 10_000 and notes


@pytest.mark.parametrize("case", USGS)
def test_a_faulty_usgs_input_is_refused_where_it_is_read(case, tmp_path):
    rel, edit, _, _, message = CASES[case]
    with pytest.raises(InputError) as err:
        clean_with_fault(tmp_path, rel, edit)
    assert message in str(err.value)


@pytest.mark.parametrize("case", USGS_CARELESS)
def test_a_careless_usgs_input_is_refused_where_it_is_read(case, tmp_path):
    rel, edit, _, _, message = CARELESS[case]
    with pytest.raises(InputError) as err:
        clean_with_fault(tmp_path, rel, edit, in_place=True)
    assert message in str(err.value)


@pytest.mark.parametrize("case", sorted(COMPILED))
def test_a_faulty_compiled_table_is_refused_where_it_is_read(case, tmp_path):
    rel, edit, _, _, message = CASES[case]
    path = _faulty(tmp_path, rel, edit, in_place=False)
    with pytest.raises(InputError) as err:
        read_as_printed(path, catalogue.schema(COMPILED[case]))
    assert message in str(err.value)


@pytest.mark.parametrize("case", sorted(READERS))
def test_a_faulty_input_is_refused_by_its_reader(case, tmp_path):
    careless = case in CARELESS  # a careless edit is made to the file in place
    rel, edit, _, _, message = (CARELESS if careless else CASES)[case]
    path = _faulty(tmp_path, rel, edit, in_place=careless)
    with pytest.raises(InputError) as err:
        READERS[case](path)
    assert message in str(err.value)


@pytest.mark.parametrize("case", sorted(SETTINGS_CASES))
def test_a_bad_setting_is_refused_by_its_reader(case, tmp_path):
    rel, edit, message = SETTINGS_CASES[case]
    path = _faulty(tmp_path, rel, edit, in_place=False)
    with pytest.raises(InputError) as err:
        (load_registry if rel == REGISTRY else read_yaml)(path)
    assert message in str(err.value)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_usgs_invariant_is_refused_where_it_is_read(case, tmp_path):
    rel, edit, _, _, message = BROKEN[case]
    with pytest.raises(InputError) as err:
        clean_with_fault(tmp_path, rel, edit, in_place=True)
    assert message in str(err.value)


def test_every_fault_is_met_at_one_level_at_least():
    here = set(USGS) | set(COMPILED) | set(READERS)
    assert set(CASES) - here - set(END_TO_END) == set()
    careless_here = set(USGS_CARELESS) | set(READERS)
    assert set(CARELESS) - careless_here - set(CARELESS_END_TO_END) == set()
    assert set(BROKEN_END_TO_END) <= set(BROKEN)
    assert set(SETTINGS_END_TO_END) <= set(SETTINGS_CASES)


@pytest.fixture(autouse=True)
def csv_field_limit():
    """The csv module's default field limit, which a library (frictionless) raises for its
    process: a fault past the limit is met only where the limit is the default."""
    import csv

    before = csv.field_size_limit(131072)
    yield
    csv.field_size_limit(before)
