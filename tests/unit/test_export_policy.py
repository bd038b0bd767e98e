"""China's export measures on the timeline: every measure of the compiled table has a kind
and a name in each language, placed on the day it took effect (announced where no day of
effect is given); a measure without a name stops the figure and the table."""

from __future__ import annotations

import csv
from datetime import date

import pandas as pd
import pytest

from conftest import REPO
from raremetals.core.errors import InputError
from raremetals.core.io import read_reference
from raremetals.core.text import load_languages
from raremetals.render.figures.fig15_china_export_policy import KINDS
from raremetals.render.policy_table import china_export_policy
from raremetals.stats.export_policy import export_measures

CONTROLS = REPO / "data/raw/china_export_controls/china_export_controls_2012_2025.csv"


@pytest.fixture(scope="module")
def controls():
    with CONTROLS.open(encoding="utf-8", newline="") as fh:
        return pd.DataFrame(list(csv.DictReader(fh)))


@pytest.fixture(scope="module")
def languages():
    return load_languages(sorted((REPO / "data/languages").glob("*.yaml")))


def test_every_measure_has_a_kind_and_a_name_in_every_language(controls, languages):
    names = read_reference(REPO / "data/china_export_measures.csv")
    assert set(names["kind"]) <= set(KINDS)
    for language in languages.values():
        rows = export_measures(controls, names, language.code)
        assert len(rows) == len(controls) == 25
        assert all(r["name"] for r in rows)
    ja = {r["fact_id"]: r for r in export_measures(controls, names, "ja")}
    end = ja["CN_QUOTA_ABOLISHED_2015"]
    assert (end["day"], end["kind"]) == (date(2015, 1, 1), "end_of_quotas")
    assert end["name"].startswith("輸出枠の廃止")
    # no day of effect given: the day it was announced
    consult = ja["WTO_DS431_CONSULT"]
    assert consult["day"] == date(2012, 3, 13)


def test_a_measure_without_a_name_is_refused(controls, languages):
    names = read_reference(REPO / "data/china_export_measures.csv")
    with pytest.raises(InputError, match="a kind and a name for every measure"):
        export_measures(controls, names[names["fact_id"] != "CN_SB_2024_33"], "en")


def test_the_table_in_japanese_has_its_words_in_japanese(controls, languages):
    names = read_reference(REPO / "data/china_export_measures.csv")
    ja = languages["ja"]
    t = china_export_policy(export_measures(controls, names, "ja"), controls, ja)
    assert t.header[0] == "施行日" and len(t.rows) == 25
    kinds = {row[1][0] for row in t.rows}
    assert kinds <= set(ja.tables["china_export_policy"]["kinds"].values())
    assert t.rows[0][0] == ["2012-03-13"]


def test_each_measure_has_its_status_as_of_the_tables_date(controls):
    """The compiled table to December 2025: Nos. 55-58, 61 and 62 were suspended on 7
    November 2025, until 10 November 2026; No. 70, the suspension, runs to that day."""
    names = read_reference(REPO / "data/china_export_measures.csv")
    by_id = {m["fact_id"]: m for m in export_measures(controls, names)}
    suspended = {f for f, m in by_id.items() if m["state"] == "suspended"}
    assert suspended >= {
        "CN_SUPERHARD_2025_55",
        "CN_RE_EQUIP_2025_56",
        "CN_REE5_2025_57",
        "CN_LIB_GRAPHITE_2025_58",
        "CN_RE_EXTRATERR_2025_61",
        "CN_RE_TECH_2025_62",
    }
    assert by_id["CN_REE5_2025_57"]["until"] == date(2026, 11, 10)
    assert (by_id["CN_SUSPEND_2025_70"]["state"], by_id["CN_GAGE_2023_23"]["state"]) == (
        "in force",
        "in force",
    )


@pytest.mark.parametrize(
    "column, cell, expected",
    [
        ("date_effective", "2025-02-30", "a date YYYY-MM-DD of the calendar"),
        ("date_announced", "2025-13-01", "a date YYYY-MM-DD of the calendar"),
        ("status_as_of_2026", "paused", "a status: in force"),
    ],
)
def test_a_date_that_is_no_date_or_an_unknown_status_is_refused_at_its_row(
    tmp_path, column, cell, expected
):
    from raremetals.core.io import read_as_printed
    from raremetals.core.schemas.inputs import EXPORT_CONTROLS

    rows = list(csv.reader(CONTROLS.open(encoding="utf-8", newline="")))
    rows[5][rows[0].index(column)] = cell
    path = tmp_path / "controls.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    with pytest.raises(InputError) as err:
        read_as_printed(path, EXPORT_CONTROLS)
    message = str(err.value)
    assert f"row 6, column '{column}'" in message and expected in message and cell in message


ADDED = REPO / "data/china_export_controls_added.csv"


def test_the_projects_facts_join_the_compiled_table_each_with_its_page(tmp_path):
    """The Export Control Law (in force 1 December 2020), the July 2025 technology
    catalogue and the part of No. 61 in effect at once: rows of their own file, named,
    and refused where the compiled table already gives the fact."""
    from raremetals.clean.export_controls import export_controls

    table = export_controls(CONTROLS, ADDED)
    added = table[table.file == ADDED.name].set_index("fact_id")
    assert added.loc["CN_EXPORT_CONTROL_LAW_2020", "date_effective"] == "2020-12-01"
    assert added.loc["CN_TECH_CATALOGUE_2025_07", "status_as_of_2026"] == "in force"
    assert added.loc["CN_RE_EXTRATERR_2025_61_ORIGIN", "date_effective"] == "2025-10-09"
    assert added["url"].str.startswith("https://").all() and len(table) == 28
    names = read_reference(REPO / "data/china_export_measures.csv")
    assert set(table.fact_id) <= set(names.fact_id)
    twice = tmp_path / "added.csv"
    rows = ADDED.read_text(encoding="utf-8").splitlines()
    twice.write_text(
        "\n".join([*rows, rows[1].replace("CN_EXPORT_CONTROL_LAW_2020", "CN_GAGE_2023_23")]) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"row 5, column 'fact_id'.*CN_GAGE_2023_23"):
        export_controls(CONTROLS, twice)
